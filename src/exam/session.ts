import { isAnswered, type Response } from '../scoring/response.js';

/**
 * The state of one interactive attempt, as a pure state machine: answer, flag, move, submit,
 * expire. Every function takes the current state (and the time, when it matters) and returns the
 * next state; nothing here reads a clock, the terminal or the database, so the rules (deadlines,
 * no going back in a sequential exam, closed questions) are tested on their own.
 */

export type SessionStatus = 'running' | 'submitted' | 'expired';

export interface SessionSetup {
  /** The drawn question ids, in order. */
  questionIds: readonly string[];
  startedAt: number;
  /** When the whole exam ends (absent: untimed). */
  deadlineAt?: number;
  /** A question's own limit in ms, counted from the first time it is shown. */
  questionLimitsMs?: Readonly<Record<string, number>>;
  /** No going back to earlier questions, as on some platforms. */
  sequential: boolean;
}

export interface SessionState extends Required<Omit<SessionSetup, 'deadlineAt'>> {
  deadlineAt?: number;
  position: number;
  answers: Readonly<Record<string, Response>>;
  flagged: readonly string[];
  /** When each question was first shown (its own limit counts from then). */
  shownAt: Readonly<Record<string, number>>;
  /** Questions whose answer is final (practice: its feedback was shown); they can be read again, not answered. */
  settled: readonly string[];
  status: SessionStatus;
  endedAt?: number;
}

/** What was saved of an attempt before, to continue it. */
export interface SessionRestore {
  position?: number;
  answers?: Readonly<Record<string, Response>>;
  flagged?: readonly string[];
  shownAt?: Readonly<Record<string, number>>;
  settled?: readonly string[];
}

export function startSession(setup: SessionSetup, restore: SessionRestore = {}): SessionState {
  const ids = new Set(setup.questionIds);
  const position = Math.min(Math.max(0, restore.position ?? 0), Math.max(0, setup.questionIds.length - 1));
  return {
    questionIds: [...setup.questionIds],
    startedAt: setup.startedAt,
    deadlineAt: setup.deadlineAt,
    questionLimitsMs: { ...(setup.questionLimitsMs ?? {}) },
    sequential: setup.sequential,
    position,
    answers: Object.fromEntries(Object.entries(restore.answers ?? {}).filter(([id]) => ids.has(id))),
    flagged: (restore.flagged ?? []).filter((id) => ids.has(id)),
    shownAt: Object.fromEntries(Object.entries(restore.shownAt ?? {}).filter(([id]) => ids.has(id))),
    settled: (restore.settled ?? []).filter((id) => ids.has(id)),
    status: 'running',
  };
}

export function currentQuestionId(state: SessionState): string {
  return state.questionIds[state.position]!;
}

/** Milliseconds left on the exam clock (undefined when untimed; never below 0). */
export function remainingMs(state: SessionState, now: number): number | undefined {
  return state.deadlineAt === undefined ? undefined : Math.max(0, state.deadlineAt - now);
}

/** When a question's own limit runs out (undefined when it has none or was never shown). */
export function questionDeadline(state: SessionState, questionId: string): number | undefined {
  const limit = state.questionLimitsMs[questionId];
  const shown = state.shownAt[questionId];
  return limit === undefined || shown === undefined ? undefined : shown + limit;
}

/** Milliseconds left for one question: its own limit or the exam's, whichever ends first. */
export function questionRemainingMs(state: SessionState, questionId: string, now: number): number | undefined {
  const ends = [questionDeadline(state, questionId), state.deadlineAt].filter((t): t is number => t !== undefined);
  return ends.length === 0 ? undefined : Math.max(0, Math.min(...ends) - now);
}

/** A question whose own limit has run out can be seen again but no longer answered. */
export function isQuestionClosed(state: SessionState, questionId: string, now: number): boolean {
  const ends = questionDeadline(state, questionId);
  return ends !== undefined && now >= ends;
}

export function isOver(state: SessionState): boolean {
  return state.status !== 'running';
}

/** Notes that the current question is on screen (its own clock starts the first time). */
export function showCurrent(state: SessionState, now: number): SessionState {
  const id = currentQuestionId(state);
  if (state.shownAt[id] !== undefined || isOver(state)) return state;
  return { ...state, shownAt: { ...state.shownAt, [id]: now } };
}

/** Expires the attempt when the exam clock has run out; otherwise returns it unchanged. */
export function tick(state: SessionState, now: number): SessionState {
  if (isOver(state) || state.deadlineAt === undefined || now < state.deadlineAt) return state;
  return { ...state, status: 'expired', endedAt: state.deadlineAt };
}

export type Refusal = 'over' | 'closed' | 'settled' | 'sequential' | 'out-of-range';

export type Step = { ok: true; state: SessionState } | { ok: false; state: SessionState; refusal: Refusal };

const refuse = (state: SessionState, refusal: Refusal): Step => ({ ok: false, state, refusal });

/**
 * Records the answer to a question, unless the exam is over, the question's own time is up, or
 * its answer is settled.
 */
export function answer(state: SessionState, questionId: string, response: Response, now: number): Step {
  const current = tick(state, now);
  if (isOver(current)) return refuse(current, 'over');
  if (!current.questionIds.includes(questionId)) return refuse(current, 'out-of-range');
  if (isQuestionClosed(current, questionId, now)) return refuse(current, 'closed');
  if (isSettled(current, questionId)) return refuse(current, 'settled');
  return { ok: true, state: { ...current, answers: { ...current.answers, [questionId]: response } } };
}

/**
 * Makes a question's answer final. Practice settles a question once its feedback was shown: the
 * learner has seen the right answer, so answering again would only copy it.
 */
export function settle(state: SessionState, questionId: string): SessionState {
  if (!state.questionIds.includes(questionId) || state.settled.includes(questionId)) return state;
  return { ...state, settled: [...state.settled, questionId] };
}

export function isSettled(state: SessionState, questionId: string): boolean {
  return state.settled.includes(questionId);
}

export function toggleFlag(state: SessionState, questionId: string): SessionState {
  if (isOver(state) || !state.questionIds.includes(questionId)) return state;
  const flagged = state.flagged.includes(questionId)
    ? state.flagged.filter((id) => id !== questionId)
    : [...state.flagged, questionId];
  return { ...state, flagged };
}

export function canGoBack(state: SessionState): boolean {
  return !state.sequential && state.position > 0 && !isOver(state);
}

/** Moves to a question by index. A sequential exam never moves backwards. */
export function goTo(state: SessionState, index: number, now: number): Step {
  const current = tick(state, now);
  if (isOver(current)) return refuse(current, 'over');
  if (index < 0 || index >= current.questionIds.length) return refuse(current, 'out-of-range');
  if (current.sequential && index < current.position) return refuse(current, 'sequential');
  return { ok: true, state: showCurrent({ ...current, position: index }, now) };
}

export const next = (state: SessionState, now: number): Step => goTo(state, state.position + 1, now);
export const back = (state: SessionState, now: number): Step => goTo(state, state.position - 1, now);

export function isLast(state: SessionState): boolean {
  return state.position === state.questionIds.length - 1;
}

export function submit(state: SessionState, now: number): SessionState {
  const current = tick(state, now);
  if (isOver(current)) return current;
  return { ...current, status: 'submitted', endedAt: now };
}

export function expire(state: SessionState, now: number): SessionState {
  if (isOver(state)) return state;
  return {
    ...state,
    status: 'expired',
    endedAt: state.deadlineAt !== undefined ? Math.min(now, state.deadlineAt) : now,
  };
}

export interface Progress {
  /** 1-based number of the current question. */
  number: number;
  total: number;
  answered: number;
  flagged: number;
}

export function progress(state: SessionState): Progress {
  return {
    number: state.position + 1,
    total: state.questionIds.length,
    answered: state.questionIds.filter((id) => isAnswered(state.answers[id])).length,
    flagged: state.flagged.length,
  };
}

export interface ReviewRow {
  index: number;
  questionId: string;
  answered: boolean;
  flagged: boolean;
  /** May the learner open it again from the review screen? */
  reachable: boolean;
}

/** The rows of the review screen: every question with whether it is answered and flagged. */
export function reviewRows(state: SessionState, now: number): ReviewRow[] {
  return state.questionIds.map((questionId, index) => ({
    index,
    questionId,
    answered: isAnswered(state.answers[questionId]),
    flagged: state.flagged.includes(questionId),
    reachable:
      !isOver(state) && !(state.sequential && index < state.position) && !isQuestionClosed(state, questionId, now),
  }));
}
