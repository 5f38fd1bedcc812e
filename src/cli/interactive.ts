import type { ResolvedBank } from '../content/types.js';
import type { AttemptMode } from '../exam/attempt-kind.js';
import { contentOf, reportStudy } from '../attempt/study-data.js';
import { runAttemptInTerminal } from '../ui/attempt-runner.js';
import { reportStudyText } from '../ui/report-view.js';
import type { Terminal } from '../ui/terminal.js';
import { withStore } from '../workspace/open.js';
import { parseSeed, resumeCommand, type GlobalOptions } from './context.js';
import type { Io } from './io.js';

export interface InteractiveOptions extends GlobalOptions {
  mode: AttemptMode;
  resume?: boolean;
  confidence?: boolean;
  /** Practice only: keep the bank's time limit. */
  timed?: boolean;
  seed?: string;
}

/**
 * Runs an exam or a practice round in the terminal (see ui/attempt-runner.ts). False when the
 * learner said "Not now" on the start screen (nothing was started).
 */
export function runAttempt(resolved: ResolvedBank, options: InteractiveOptions, io: Io, terminal: Terminal) {
  return withStore(options, ({ store }) =>
    runAttemptInTerminal({
      store,
      resolved,
      clock: io.clock,
      mode: options.mode,
      resume: options.resume,
      confidence: options.confidence,
      timed: options.timed,
      seed: () => parseSeed(options.seed),
      terminal,
      out: io.out,
      resumeCommand: resumeCommand(options, options.mode, resolved.bank.id),
      // The report printed right after the attempt: the database is opened again for the study data.
      afterReport: (report, width) =>
        withStore(options, ({ db, store }) => {
          const study = reportStudy({ db, store, content: contentOf(resolved) }, report, io.clock());
          return reportStudyText(study, terminal.color, width);
        }),
    }),
  );
}

/** As runAttempt, for the commands that do not need to know whether it started. */
export async function runInteractive(
  resolved: ResolvedBank,
  options: InteractiveOptions,
  io: Io,
  terminal: Terminal,
): Promise<void> {
  await runAttempt(resolved, options, io, terminal);
}
