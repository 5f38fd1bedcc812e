import { describe, expect, it } from 'vitest';
import * as s from '../../src/exam/session.js';

const setup = (over: Partial<s.SessionSetup> = {}): s.SessionState =>
  s.showCurrent(
    s.startSession({ questionIds: ['q1', 'q2', 'q3'], startedAt: 0, deadlineAt: 60_000, sequential: false, ...over }),
    0,
  );
const yes = { answer: 'a', self: [] };

describe('exam session', () => {
  it('records answers and counts progress and flags', () => {
    let state = setup();
    state = s.answer(state, 'q1', yes, 1000).state;
    state = s.toggleFlag(state, 'q2');
    expect(s.progress(state)).toEqual({ number: 1, total: 3, answered: 1, flagged: 1 });
    expect(s.reviewRows(state, 1000).map((r) => [r.questionId, r.answered, r.flagged])).toEqual([
      ['q1', true, false],
      ['q2', false, true],
      ['q3', false, false],
    ]);
    expect(s.toggleFlag(state, 'q2').flagged).toEqual([]);
  });

  it('moves forward and back, but never back in a sequential exam', () => {
    const free = s.next(setup(), 1).state;
    expect(s.back(free, 2)).toMatchObject({ ok: true, state: { position: 0 } });
    const strict = s.next(setup({ sequential: true }), 1).state;
    expect(s.canGoBack(strict)).toBe(false);
    expect(s.back(strict, 2)).toMatchObject({ ok: false, refusal: 'sequential' });
    expect(s.reviewRows(strict, 2)[0]!.reachable).toBe(false);
  });

  it('expires at the deadline and refuses answers after it', () => {
    const state = setup();
    expect(s.remainingMs(state, 59_000)).toBe(1000);
    const late = s.answer(state, 'q1', yes, 60_000);
    expect(late).toMatchObject({ ok: false, refusal: 'over', state: { status: 'expired', endedAt: 60_000 } });
    expect(s.tick(state, 59_999).status).toBe('running');
  });

  it('closes a question when its own limit, counted from when it was first shown, runs out', () => {
    let state = setup({ questionLimitsMs: { q2: 5000 } });
    state = s.next(state, 10_000).state;
    expect(s.questionRemainingMs(state, 'q2', 12_000)).toBe(3000);
    state = s.back(state, 13_000).state;
    state = s.next(state, 14_000).state; // coming back does not restart its clock
    expect(s.questionDeadline(state, 'q2')).toBe(15_000);
    expect(s.answer(state, 'q2', yes, 15_000)).toMatchObject({ ok: false, refusal: 'closed' });
    expect(s.reviewRows(state, 15_000)[1]!.reachable).toBe(false);
  });

  it('resumes with the saved position, answers and flags, ignoring questions not drawn', () => {
    const state = s.startSession(
      { questionIds: ['q1', 'q2'], startedAt: 0, sequential: false },
      { position: 1, answers: { q1: yes, zz: yes }, flagged: ['q2', 'zz'] },
    );
    expect(s.currentQuestionId(state)).toBe('q2');
    expect(Object.keys(state.answers)).toEqual(['q1']);
    expect(state.flagged).toEqual(['q2']);
    expect(s.remainingMs(state, 5)).toBeUndefined();
  });

  it('submits once; a submitted session takes no more answers', () => {
    const done = s.submit(setup(), 5000);
    expect(done).toMatchObject({ status: 'submitted', endedAt: 5000 });
    expect(s.answer(done, 'q1', yes, 5001).ok).toBe(false);
    expect(s.submit(done, 6000).endedAt).toBe(5000);
  });
});

describe('settled answers (practice, after the feedback)', () => {
  it('keeps a settled answer: a new one is refused, while the question can still be opened', () => {
    let state = setup({ deadlineAt: undefined });
    state = s.answer(state, 'q1', yes, 1000).state;
    state = s.settle(state, 'q1');
    expect(s.isSettled(state, 'q1')).toBe(true);
    expect(s.answer(state, 'q1', { answer: 'b', self: [] }, 2000)).toMatchObject({ ok: false, refusal: 'settled' });
    expect(state.answers.q1).toEqual(yes);
    expect(s.reviewRows(state, 2000)[0]!.reachable).toBe(true);
    expect(s.goTo(s.next(state, 2000).state, 0, 3000)).toMatchObject({ ok: true, state: { position: 0 } });
    expect(s.answer(state, 'q2', yes, 2000).ok).toBe(true);
  });

  it('restores settled questions on resume, ignoring questions not drawn', () => {
    const state = s.startSession(
      { questionIds: ['q1', 'q2'], startedAt: 0, sequential: false },
      { answers: { q1: yes }, settled: ['q1', 'zz'] },
    );
    expect(state.settled).toEqual(['q1']);
    expect(s.answer(state, 'q1', yes, 5).ok).toBe(false);
  });
});
