import type { ContentSet } from '../content/load.js';
import type { ResolvedBank } from '../content/types.js';
import type { ReportModel } from '../report/model.js';
import type { AttemptStore } from '../store/attempts.js';
import type { DB } from '../store/db.js';
import { analyse, sectionAccuracy, type Analytics } from '../study/analytics.js';
import type { NextStep } from '../study/next-step.js';
import { sanitize } from '../text/sanitize.js';
import { makeTheme } from '../text/theme.js';
import stringWidth from 'string-width';
import { wrapLines } from '../text/wrap.js';
import { analyticsText } from './analytics-view.js';
import { openStore, type GlobalOptions } from './context.js';
import { attemptRecords, nextStepFor, outcomesFor } from './study-data.js';
import { studyMessages as m } from './study-messages.js';

/** What the study loop adds at the end of a report: the attempt's analytics and the next step. */
export interface ReportStudy {
  analytics: Analytics;
  nextStep: NextStep | null;
}

/** The content one resolved bank needs (for a report shown right after an attempt). */
export function contentOf(resolved: ResolvedBank): ContentSet {
  return {
    guidelines: new Map([[resolved.guideline.id, resolved.guideline]]),
    banks: new Map([[resolved.bank.id, resolved]]),
    diagnostics: [],
    files: [],
  };
}

/**
 * The attempt's own calibration, rushing and confidence figures, its bank's trend and section
 * accuracy over all attempts, and the next step (null when the bank is no longer installed).
 */
export function reportStudy(
  db: DB,
  store: AttemptStore,
  content: ContentSet,
  report: ReportModel,
  at: number,
): ReportStudy {
  const records = attemptRecords(store, report.bank.id);
  const all = outcomesFor(content, records);
  const mine = all.filter((o) => o.attemptId === report.attemptId);
  const analytics = { ...analyse(records, mine), sections: sectionAccuracy(all) };
  const resolved = content.banks.get(report.bank.id);
  return {
    analytics,
    nextStep: resolved ? nextStepFor(db, store, content, resolved, at, { records, outcomes: all }) : null,
  };
}

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
  at: number,
  color: boolean,
  width: number,
): string {
  const { db, store } = openStore(options);
  try {
    return reportStudyText(reportStudy(db, store, contentOf(resolved), report, at), color, width);
  } finally {
    db.close();
  }
}
