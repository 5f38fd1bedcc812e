import type { ResolvedBank } from '../content/types.js';
import type { ReportModel } from '../report/model.js';
import { sanitize } from '../text/sanitize.js';
import { makeTheme } from '../text/theme.js';
import stringWidth from 'string-width';
import { wrapLines } from '../text/wrap.js';
import { analyticsText } from '../ui/analytics-view.js';
import { openStore, type GlobalOptions } from './context.js';
import { contentOf, reportStudy, type ReportStudy } from '../attempt/study-data.js';
import { studyMessages as m } from '../ui/study-messages.js';

/** The study part of a text report, wrapped to the report's width: analytics, then the next step last. */
export function reportStudyText(study: ReportStudy, color: boolean, width: number): string {
  const c = makeTheme(color);
  const analytics = analyticsText(study.analytics, { color, trends: true });
  const body = analytics ? wrapLines(`\n${analytics.trimEnd()}`, width) : [];
  if (study.nextStep) {
    const { text, command } = study.nextStep;
    const line = sanitize(m.nextStep(text, command));
    // The command is kept whole, to be copied: on its own line when the sentence and it do not fit.
    const lines =
      stringWidth(line) <= width
        ? [line]
        : [...wrapLines(sanitize(m.nextStepText(text)), width, { hang: 2 }), `  → ${sanitize(command)}`];
    body.push('', ...lines.map((l) => c.bold(l)));
  }
  return body.length ? `${body.join('\n')}\n` : '';
}

/** For a report printed right after an attempt: opens the database again to read the study data. */
export function reportStudyFor(
  options: GlobalOptions,
  resolved: ResolvedBank,
  report: ReportModel,
  view: { at: number; color: boolean; width: number },
): string {
  const { db, store } = openStore(options);
  try {
    const study = reportStudy({ db, store, content: contentOf(resolved) }, report, view.at);
    return reportStudyText(study, view.color, view.width);
  } finally {
    db.close();
  }
}
