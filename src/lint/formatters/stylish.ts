import { textWidth } from '../../text/width.js';
import { sanitize } from '../../text/sanitize.js';
import { makeTheme } from '../../text/theme.js';
import { wrapLines } from '../../text/wrap.js';
import type { Formatter } from './types.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - textWidth(text)));

/**
 * The default, for people: problems grouped under their file, aligned columns, rule ids dimmed,
 * then the section coverage of each guideline and a one-line total. Messages quote bank text, so
 * they go through sanitize before reaching the terminal.
 */
export const stylish: Formatter = (result, { color, displayPath, width }) => {
  const c = makeTheme(color);
  const lines: string[] = [];
  const byFile = new Map<string, typeof result.problems>();
  for (const problem of result.problems) byFile.set(problem.file, [...(byFile.get(problem.file) ?? []), problem]);

  for (const [file, problems] of byFile) {
    lines.push(c.underline(sanitize(displayPath(file))));
    const where = problems.map((p) => `${p.line}:${p.column}`);
    const whereWidth = Math.max(...where.map((w) => w.length));
    // Where a message starts: a wrapped one goes on under itself, not under the line numbers.
    const messageColumn = 2 + whereWidth + 2 + 'warning'.length + 2;
    problems.forEach((p, i) => {
      const severity = p.severity === 'error' ? c.red('error  ') : c.yellow('warning');
      const line = `  ${c.dim(pad(where[i]!, whereWidth))}  ${severity}  ${sanitize(p.message)}  ${c.dim(p.ruleId)}`;
      lines.push(...(width === undefined ? [line] : wrapLines(line, width, { hang: messageColumn })));
    });
    lines.push('');
  }

  for (const summary of result.coverage) {
    const text = `${summary.tested}/${summary.total} sections tested`;
    const shown = summary.tested === summary.total ? c.green(text) : c.yellow(text);
    const file = c.dim(sanitize(displayPath(summary.file)));
    lines.push(`${c.bold('coverage')}  ${sanitize(summary.guidelineId)}: ${shown}  ${file}`);
  }
  if (result.coverage.length) lines.push('');

  const total = result.errorCount + result.warningCount;
  if (total === 0) {
    lines.push(c.green(`✔ no problems in ${plural(result.files.length, 'file')}`));
  } else {
    const counts = `${plural(result.errorCount, 'error')}, ${plural(result.warningCount, 'warning')}`;
    const summary = `✖ ${plural(total, 'problem')} (${counts})`;
    lines.push(result.errorCount ? c.red.bold(summary) : c.yellow.bold(summary));
  }
  return `${lines.join('\n')}\n`;
};
