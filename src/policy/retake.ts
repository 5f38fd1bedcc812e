import type { RetakePolicy } from '../content/types.js';

/** What the retake policy needs to know about one earlier exam-mode attempt. */
export interface PastAttempt {
  startedAt: number;
  /** When it ended (submitted, expired or abandoned); undefined while in progress. */
  endedAt?: number;
  passed: boolean;
}

export type RetakeDecision =
  | { kind: 'allowed'; failedSoFar: number; attemptsLeft?: number }
  | { kind: 'wait'; until: number; failedSoFar: number }
  | { kind: 'locked-out'; until?: number; failedSoFar: number }
  | { kind: 'clock-rollback'; lastRecordedAt: number };

/**
 * May an exam attempt start now? A pure function of the history, the policy and the clock.
 *
 * - Failed attempts since the last pass (or since a timed lockout ended) count.
 * - After the n-th failure the learner waits `waits[n-1]` (the last wait repeats).
 * - After `maxAttempts` failures: locked out, permanently or until the lockout duration has
 *   passed, after which the count starts again from zero.
 * - A clock earlier than the latest recorded attempt (in this history, or `lastWrittenAt` for
 *   the whole database) must not shorten a wait, so it is refused.
 */
export function decideRetake(
  history: readonly PastAttempt[],
  policy: RetakePolicy,
  now: number,
  lastWrittenAt = 0,
): RetakeDecision {
  const ended = history
    .filter((a): a is PastAttempt & { endedAt: number } => a.endedAt !== undefined)
    .sort((a, b) => a.endedAt - b.endedAt);
  const lastRecordedAt = Math.max(lastWrittenAt, ...history.map((a) => Math.max(a.startedAt, a.endedAt ?? 0)));
  if (now < lastRecordedAt) return { kind: 'clock-rollback', lastRecordedAt };

  let failed = 0;
  let lastFailureAt = 0;
  for (const attempt of ended) {
    // A timed lockout that has run out before this attempt wipes the slate.
    if (
      policy.maxAttempts !== undefined &&
      failed >= policy.maxAttempts &&
      policy.lockout.kind === 'duration' &&
      attempt.endedAt >= lastFailureAt + policy.lockout.ms
    ) {
      failed = 0;
    }
    if (attempt.passed) failed = 0;
    else {
      failed++;
      lastFailureAt = attempt.endedAt;
    }
  }

  if (policy.maxAttempts !== undefined && failed >= policy.maxAttempts) {
    if (policy.lockout.kind === 'permanent') return { kind: 'locked-out', failedSoFar: failed };
    const until = lastFailureAt + policy.lockout.ms;
    if (now < until) return { kind: 'locked-out', until, failedSoFar: failed };
    return { kind: 'allowed', failedSoFar: 0, attemptsLeft: policy.maxAttempts };
  }

  if (failed > 0 && policy.waitsMs.length > 0) {
    const wait = policy.waitsMs[Math.min(failed, policy.waitsMs.length) - 1]!;
    const until = lastFailureAt + wait;
    if (now < until) return { kind: 'wait', until, failedSoFar: failed };
  }
  return {
    kind: 'allowed',
    failedSoFar: failed,
    attemptsLeft: policy.maxAttempts === undefined ? undefined : policy.maxAttempts - failed,
  };
}
