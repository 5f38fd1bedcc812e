import { textWidth } from '../text/width.js';
import type { ReportStudy } from '../attempt/study-data.js';
import type { ReportModel } from '../report/model.js';
import { renderHtml } from '../report/render/html.js';
import { renderJson } from '../report/render/json.js';
import { renderMarkdown } from '../report/render/markdown.js';
import type { TrendPoint } from '../report/render/svg-chart.js';
import { renderText } from '../report/render/text.js';
import { sanitize } from '../text/sanitize.js';
import { makeTheme } from '../text/theme.js';
import { wrapLines } from '../text/wrap.js';
import { analyticsText } from './analytics-view.js';
import { studyMessages as m } from './study-messages.js';

/** The study part of a text report, wrapped to the report's width: analytics, then the next step last. */
export function reportStudyText(study: ReportStudy, color: boolean, width: number): string {
  const c = makeTheme(color);
  const analytics = analyticsText(study.analytics, { color, trends: true, width });
  const body = analytics ? wrapLines(`\n${analytics.trimEnd()}`, width) : [];
  if (study.nextStep) {
    const { text, command } = study.nextStep;
    const line = sanitize(m.nextStep(text, command));
    // The command is kept whole, to be copied: on its own line when the sentence and it do not fit.
    const lines =
      textWidth(line) <= width
        ? [line]
        : [...wrapLines(sanitize(m.nextStepText(text)), width, { hang: 2 }), `  → ${sanitize(command)}`];
    body.push('', ...lines.map((l) => c.bold(l)));
  }
  return body.length ? `${body.join('\n')}\n` : '';
}

export interface ReportView {
  color: boolean;
  width: number;
  /** For HTML: the same learner's finished attempts at the bank up to this one (read only when asked). */
  trend?: () => readonly TrendPoint[];
}

/** A stored report with its study part (analytics, next step) in a format of `qualify report --format`. */
export function reportAs(format: string, report: ReportModel, study: ReportStudy, view: ReportView): string {
  const { nextStep } = study;
  switch (format) {
    case 'json':
      return renderJson({ ...report, analytics: study.analytics, nextStep });
    case 'md':
      return renderMarkdown(report) + (nextStep ? `\n**Next step:** ${nextStep.text} (\`${nextStep.command}\`)\n` : '');
    case 'html':
      return renderHtml(report, { trend: view.trend?.() ?? [], nextStep });
    default:
      return (
        renderText(report, { color: view.color, width: view.width }) + reportStudyText(study, view.color, view.width)
      );
  }
}
