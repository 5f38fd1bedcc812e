import type { Clock } from '../attempt/lifecycle.js';
import { contentOf, reportStudy } from '../attempt/study-data.js';
import type { ResolvedBank } from '../content/types.js';
import type { AttemptMode } from '../exam/attempt-kind.js';
import { runAttemptInTerminal } from '../ui/attempt-runner.js';
import { reportStudyText } from '../ui/report-view.js';
import type { Terminal } from '../ui/terminal.js';
import { resumeCommand, withStore } from './open.js';
import { type Workspace } from './workspace.js';

/** An exam or a practice round to run in the terminal, in a workspace. */
export interface AttemptRunRequest extends Workspace {
  mode: AttemptMode;
  resume?: boolean;
  confidence?: boolean;
  /** Practice only: keep the bank's time limit. */
  timed?: boolean;
  /** The seed of a new attempt, asked for only when one starts (a bad --seed stops it there). */
  seed: () => number;
}

/**
 * Runs an exam or a practice round in the terminal (see ui/attempt-runner.ts) on the workspace's
 * database. False when the learner said "Not now" on the start screen (nothing was started).
 */
export function runAttempt(
  resolved: ResolvedBank,
  request: AttemptRunRequest,
  run: { clock: Clock; out: (text: string) => void },
  terminal: Terminal,
): Promise<boolean> {
  return withStore(request, ({ store }) =>
    runAttemptInTerminal({
      store,
      resolved,
      clock: run.clock,
      mode: request.mode,
      resume: request.resume,
      confidence: request.confidence,
      timed: request.timed,
      seed: request.seed,
      terminal,
      out: run.out,
      resumeCommand: resumeCommand(request, request.mode, resolved.bank.id),
      // The report printed right after the attempt: the database is opened again for the study data.
      afterReport: (report, width) =>
        withStore(request, ({ db, store }) => {
          const study = reportStudy({ db, store, content: contentOf(resolved) }, report, run.clock());
          return reportStudyText(study, terminal.color, width);
        }),
    }),
  );
}
