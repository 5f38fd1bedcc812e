import { sanitize } from '../../text/sanitize.js';
import type { Formatter } from './types.js';

// Bank text is untrusted: sanitize first (escape sequences reach the log viewer), then GitHub's
// workflow-command escaping: the message may not hold raw % or line breaks, and
// properties may not hold : or , either (they separate properties).
const escapeData = (text: string) => sanitize(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** Workflow annotations (`::error file=...,line=...,col=...::message`), shown on the pull request's diff. */
export const github: Formatter = (result, { displayPath }) => {
  const lines = result.problems.map((p) => {
    const command = p.severity === 'error' ? 'error' : 'warning';
    const file = escapeProperty(displayPath(p.file));
    const properties = `file=${file},line=${p.line},col=${p.column},title=${escapeProperty(p.ruleId)}`;
    return `::${command} ${properties}::${escapeData(p.message)}`;
  });
  for (const summary of result.coverage) {
    const text = escapeData(`${summary.guidelineId}: ${summary.tested}/${summary.total} sections tested`);
    lines.push(`::notice file=${escapeProperty(displayPath(summary.file))},title=section-coverage::${text}`);
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
};
