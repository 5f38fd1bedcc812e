import { describe, expect, it } from 'vitest';
import type { RetakePolicy } from '../../src/content/types.js';
import { decideRetake, type PastAttempt } from '../../src/policy/retake.js';

const H = 3_600_000;
const D = 24 * H;
const T0 = Date.UTC(2026, 10, 1, 9, 0);

const policy = (over: Partial<RetakePolicy> = {}): RetakePolicy => ({
  waitsMs: [24 * H, 72 * H, 7 * D],
  maxAttempts: undefined,
  lockout: { kind: 'permanent' },
  ...over,
});
const failedAt = (t: number): PastAttempt => ({ startedAt: t - H, endedAt: t, passed: false });
const passedAt = (t: number): PastAttempt => ({ startedAt: t - H, endedAt: t, passed: true });

describe('retake waiting periods', () => {
  it('allows a first attempt', () => {
    expect(decideRetake([], policy(), T0).kind).toBe('allowed');
  });

  it('waits the first period after one failure, counted from its end', () => {
    const history = [failedAt(T0)];
    expect(decideRetake(history, policy(), T0 + 23 * H)).toEqual({ kind: 'wait', until: T0 + 24 * H, failedSoFar: 1 });
    expect(decideRetake(history, policy(), T0 + 24 * H).kind).toBe('allowed');
  });

  it('escalates: the second failure waits 72h, every later one 7d', () => {
    const second = [failedAt(T0), failedAt(T0 + 2 * D)];
    expect(decideRetake(second, policy(), T0 + 2 * D + H)).toMatchObject({ kind: 'wait', until: T0 + 2 * D + 72 * H });
    const fourth = [failedAt(T0), failedAt(T0 + 2 * D), failedAt(T0 + 6 * D), failedAt(T0 + 20 * D)];
    expect(decideRetake(fourth, policy(), T0 + 21 * D)).toMatchObject({ kind: 'wait', until: T0 + 27 * D });
  });

  it('a pass resets the count of failures', () => {
    const history = [failedAt(T0), failedAt(T0 + 2 * D), passedAt(T0 + 6 * D), failedAt(T0 + 7 * D)];
    expect(decideRetake(history, policy(), T0 + 7 * D + H)).toMatchObject({
      kind: 'wait',
      until: T0 + 8 * D,
      failedSoFar: 1,
    });
  });

  it('ignores attempts still in progress', () => {
    expect(decideRetake([{ startedAt: T0, passed: false }], policy(), T0 + H).kind).toBe('allowed');
  });
});

describe('lockout', () => {
  it('locks out for good after max_attempts failures when lockout is permanent', () => {
    const history = [failedAt(T0), failedAt(T0 + 2 * D), failedAt(T0 + 6 * D)];
    const decision = decideRetake(history, policy({ maxAttempts: 3 }), T0 + 400 * D);
    expect(decision).toEqual({ kind: 'locked-out', failedSoFar: 3 });
  });

  it('a timed lockout ends, and then the attempts start again from zero', () => {
    const p = policy({ maxAttempts: 2, lockout: { kind: 'duration', ms: 30 * D } });
    const history = [failedAt(T0), failedAt(T0 + 2 * D)];
    expect(decideRetake(history, p, T0 + 10 * D)).toEqual({ kind: 'locked-out', until: T0 + 32 * D, failedSoFar: 2 });
    expect(decideRetake(history, p, T0 + 32 * D)).toMatchObject({ kind: 'allowed', failedSoFar: 0, attemptsLeft: 2 });
    // One more failure after the reset is a first failure again: a 24h wait, not a lockout.
    const after = [...history, failedAt(T0 + 33 * D)];
    expect(decideRetake(after, p, T0 + 33 * D + H)).toMatchObject({ kind: 'wait', until: T0 + 34 * D, failedSoFar: 1 });
  });

  it('tells how many attempts are left', () => {
    expect(decideRetake([failedAt(T0)], policy({ maxAttempts: 3 }), T0 + 2 * D)).toMatchObject({
      kind: 'allowed',
      attemptsLeft: 2,
    });
  });
});

describe('clock rollback', () => {
  it('refuses when the clock is earlier than the last recorded attempt', () => {
    const history = [failedAt(T0)];
    expect(decideRetake(history, policy(), T0 - 5 * D)).toEqual({ kind: 'clock-rollback', lastRecordedAt: T0 });
  });

  it('refuses when the database holds a later write than this bank’s attempts', () => {
    expect(decideRetake([], policy(), T0, T0 + H)).toEqual({ kind: 'clock-rollback', lastRecordedAt: T0 + H });
  });

  it('a clock turned back cannot shorten a wait by landing just after the attempt', () => {
    // The attempt ended at T0; it is really T0 + 2h. Turning the clock to T0 - 1h is refused.
    expect(decideRetake([failedAt(T0)], policy(), T0 - H).kind).toBe('clock-rollback');
  });
});
