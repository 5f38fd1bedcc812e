import type { ResolvedBank } from '../content/types.js';
import type { AttemptMode } from '../exam/attempt-kind.js';
import { runAttemptInTerminal } from '../ui/attempt-runner.js';
import type { Terminal } from '../ui/terminal.js';
import { globalArgs, openStore, parseSeed, type GlobalOptions } from './context.js';
import type { Io } from './io.js';
import { reportStudyFor } from './report-study.js';

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
export async function runAttempt(
  resolved: ResolvedBank,
  options: InteractiveOptions,
  io: Io,
  terminal: Terminal,
): Promise<boolean> {
  const { db, store } = openStore(options);
  try {
    return await runAttemptInTerminal({
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
      resumeCommand: `qualify${globalArgs(options)} ${options.mode} ${resolved.bank.id} --resume`,
      afterReport: (report, width) =>
        reportStudyFor(options, resolved, report, { at: io.clock(), color: terminal.color, width }),
    });
  } finally {
    db.close();
  }
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
