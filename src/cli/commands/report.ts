import { UsageError } from '../../errors.js';
import type { ReportModel } from '../../report/model.js';
import { renderJson } from '../../report/render/json.js';
import { renderMarkdown } from '../../report/render/markdown.js';
import { renderText } from '../../report/render/text.js';
import { loadAllContent, openStore, type GlobalOptions } from '../context.js';
import type { Io } from '../io.js';
import { messages } from '../messages.js';
import { REPORT_FORMATS } from '../choices.js';

export { REPORT_FORMATS };

export interface ReportOptions extends GlobalOptions {
  format: string;
}

/** `qualify report [attemptId]`: the stored mistake report of an attempt (default: the latest). */
export function reportCommand(attemptRef: string | undefined, options: ReportOptions, io: Io): void {
  if (!(REPORT_FORMATS as readonly string[]).includes(options.format)) throw new UsageError(messages.badFormat(options.format, [...REPORT_FORMATS]));
  if (attemptRef !== undefined && !/^\d+$/.test(attemptRef)) throw new UsageError(messages.badAttemptId(attemptRef));
  // Like every command, stop on a content file with an error, though a stored report needs none.
  loadAllContent(options);
  const { db, store } = openStore(options, 'read');
  try {
    const attempt = attemptRef === undefined ? store.latestFinished() : store.get(Number(attemptRef));
    if (!attempt || attempt.status === 'in_progress' || !attempt.result) {
      throw new UsageError(attemptRef === undefined ? messages.noAttempts : messages.unknownAttempt(attemptRef));
    }
    const report = attempt.result as ReportModel;
    if (options.format === 'json') io.out(renderJson(report));
    else if (options.format === 'md') io.out(renderMarkdown(report));
    else io.out(renderText(report, { color: io.color, width: io.width }));
  } finally {
    db.close();
  }
}
