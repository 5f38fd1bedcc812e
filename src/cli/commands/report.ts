import { UsageError } from '../../errors.js';
import type { ReportModel } from '../../report/model.js';
import { renderJson } from '../../report/render/json.js';
import { renderHtml } from '../../report/render/html.js';
import { renderMarkdown } from '../../report/render/markdown.js';
import { renderText } from '../../report/render/text.js';
import { openStore, selectAllContent, type GlobalOptions } from '../context.js';
import type { AttemptRow, AttemptStore } from '../../store/attempts.js';
import type { DB } from '../../store/db.js';
import { attemptIdsOfSameLearner } from '../../store/pool.js';
import { reportStudy } from '../../attempt/study-data.js';
import { reportStudyText } from '../report-study.js';
import type { Io } from '../io.js';
import { writeOutput } from '../output-file.js';
import { messages } from '../messages.js';
import { REPORT_FORMATS } from '../choices.js';

export { REPORT_FORMATS };

export interface ReportOptions extends GlobalOptions {
  format: string;
  out?: string;
}

/** The same learner's finished attempts at the same bank up to this one, for the HTML report's trend chart. */
function trendOf(db: DB, store: AttemptStore, attempt: AttemptRow) {
  const sameLearner = attemptIdsOfSameLearner(db, attempt.id);
  return store
    .list(attempt.bankId)
    .filter((a) => sameLearner.has(a.id) && a.status !== 'in_progress' && a.percent !== undefined)
    .filter((a) => a.startedAt < attempt.startedAt || (a.startedAt === attempt.startedAt && a.id <= attempt.id))
    .map((a) => ({ label: `#${a.id}`, percent: a.percent!, current: a.id === attempt.id }));
}

/** `qualify report [attemptId]`: the stored mistake report of an attempt (default: the latest). */
export function reportCommand(attemptRef: string | undefined, options: ReportOptions, io: Io): void {
  if (!(REPORT_FORMATS as readonly string[]).includes(options.format))
    throw new UsageError(messages.badFormat(options.format, [...REPORT_FORMATS]));
  if (attemptRef !== undefined && !/^\d+$/.test(attemptRef)) throw new UsageError(messages.badAttemptId(attemptRef));
  // Like every command, stop on a content file with an error, though a stored report needs none.
  const selection = selectAllContent(options);
  const { db, store } = openStore(options, 'read');
  try {
    const attempt = attemptRef === undefined ? store.latestFinished() : store.get(Number(attemptRef));
    if (!attempt || attempt.status === 'in_progress' || !attempt.result) {
      throw new UsageError(attemptRef === undefined ? messages.noAttempts : messages.unknownAttempt(attemptRef));
    }
    const report = attempt.result as ReportModel;
    // Only the attempt's bank is read (for its analytics and next step).
    const content = selection.load([report.bank.id]);
    const study = reportStudy({ db, store, content }, report, io.clock());
    const nextStepLine = study.nextStep
      ? `
**Next step:** ${study.nextStep.text} (\`${study.nextStep.command}\`)
`
      : '';
    const text =
      options.format === 'json'
        ? renderJson({ ...report, analytics: study.analytics, nextStep: study.nextStep })
        : options.format === 'md'
          ? renderMarkdown(report) + nextStepLine
          : options.format === 'html'
            ? renderHtml(report, { trend: trendOf(db, store, attempt), nextStep: study.nextStep })
            : renderText(report, { color: io.color && options.out === undefined, width: io.width }) +
              reportStudyText(study, io.color && options.out === undefined, io.width);
    writeOutput(text, options.out, io);
  } finally {
    db.close();
  }
}
