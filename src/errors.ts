import type { Diagnostic } from './content/diagnostic.js';

/**
 * Typed errors: the core and the commands throw these, and the one top-level handler in
 * bin/qualify.js turns them into a message on stderr and an exit code. Anything else that
 * reaches the handler is a bug.
 */
export const EXIT = {
  ok: 0,
  problems: 1,
  usage: 2,
  retakeRefused: 3,
} as const;

export class QualifyError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Wrong arguments, an unknown bank, an unreadable answers file: exit 2. */
export class UsageError extends QualifyError {
  constructor(
    message: string,
    /** The message was already printed (commander prints its own parse errors). */
    readonly alreadyPrinted = false,
  ) {
    super(message, EXIT.usage);
  }
}

/** A content or answers file that does not parse or validate: exit 2, one line per problem. */
export class ContentError extends QualifyError {
  constructor(
    readonly diagnostics: Diagnostic[],
    summary = 'content could not be loaded',
  ) {
    super(summary, EXIT.usage);
  }
}

export type RetakeRefusal =
  | { error: 'retake-wait'; availableAt: string }
  | { error: 'locked-out'; availableAt: string | null }
  | { error: 'clock-rollback'; lastRecordedAt: string };

/** Starting an exam is not allowed yet (waiting period, lockout, clock rollback): exit 3. */
export class RetakeRefusedError extends QualifyError {
  constructor(
    message: string,
    readonly refusal: RetakeRefusal,
    readonly json: boolean,
  ) {
    super(message, EXIT.retakeRefused);
  }
}

/** Something a command reports as found problems (exit 1), after printing them itself. */
export class ProblemsFoundError extends QualifyError {
  constructor(message = '') {
    super(message, EXIT.problems);
  }
}
