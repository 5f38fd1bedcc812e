import { UsageError } from '../../errors.js';
import type { ReportModel } from '../../report/model.js';
import { scoreTrend } from '../../attempt/history.js';
import { figuresMemo } from '../../attempt/figures-memo.js';
import { reportStudy } from '../../attempt/study-data.js';
import { reportAs } from '../../ui/report-view.js';
import { selectAllContent, withStore } from '../../app/open.js';
import type { GlobalOptions } from '../context.js';
import type { Io } from '../io.js';
import { writeOutput } from '../output-file.js';
import { messages } from '../messages.js';
import { REPORT_FORMATS } from '../choices.js';

export interface ReportOptions extends GlobalOptions {
  format: string;
  out?: string;
}

/** `qualify report [attemptId]`: the stored mistake report of an attempt (default: the latest). */
export function reportCommand(attemptRef: string | undefined, options: ReportOptions, io: Io): void {
  if (!(REPORT_FORMATS as readonly string[]).includes(options.format))
    throw new UsageError(messages.badFormat(options.format, [...REPORT_FORMATS]));
  if (attemptRef !== undefined && !/^\d+$/.test(attemptRef)) throw new UsageError(messages.badAttemptId(attemptRef));
  // Like every command, stop on a content file with an error, though a stored report needs none.
  const selection = selectAllContent(options);
  withStore(
    options,
    ({ db, store, state }) => {
      const attempt = attemptRef === undefined ? store.latestFinished() : store.get(Number(attemptRef));
      if (!attempt || attempt.status === 'in_progress' || !attempt.result) {
        throw new UsageError(attemptRef === undefined ? messages.noAttempts : messages.unknownAttempt(attemptRef));
      }
      const report = attempt.result as ReportModel;
      // Only the attempt's bank is read (for its analytics and next step).
      const content = selection.load([report.bank.id]);
      const study = reportStudy({ db, store, content }, report, io.clock(), figuresMemo(content, state));
      const color = io.color && options.out === undefined;
      const trend = () => scoreTrend(db, store, attempt);
      writeOutput(reportAs(options.format, report, study, { color, width: io.width, trend }), options.out, io);
    },
    'read',
  );
}
