import type { Question, ResolvedBank } from '../content/types.js';
import { RetakeRefusedError, UsageError } from '../errors.js';
import { drawQuestions } from '../exam/draw.js';
import { decideRetake, type PastAttempt, type RetakeDecision } from '../policy/retake.js';
import { buildReport, type ReportModel } from '../report/model.js';
import { scoreAttempt } from '../scoring/attempt.js';
import type { Response } from '../scoring/response.js';
import type { AttemptMode, AttemptRow, AttemptStatus, AttemptStore } from '../store/attempts.js';
import { messages } from './messages.js';

/** The exam-mode attempts of a bank, as the retake policy sees them. */
export function examHistory(store: AttemptStore, bankId: string): PastAttempt[] {
  return store
    .list(bankId)
    .filter((a) => a.mode === 'exam')
    .map((a: AttemptRow) => ({
      startedAt: a.startedAt,
      endedAt: a.endedAt,
      // An abandoned attempt counts as failed, as on the platforms.
      passed: a.status !== 'abandoned' && a.passed === true,
    }));
}

export function retakeDecision(store: AttemptStore, resolved: ResolvedBank, now: number): RetakeDecision {
  return decideRetake(
    examHistory(store, resolved.bank.id),
    resolved.bank.exam.retake,
    now,
    store.lastRecordedAt() ?? 0,
  );
}

/** Throws the exit-3 refusal when an exam attempt may not start now. */
export function assertMayStart(store: AttemptStore, resolved: ResolvedBank, now: number, json: boolean): void {
  const decision = retakeDecision(store, resolved, now);
  const bank = resolved.bank.title;
  switch (decision.kind) {
    case 'allowed':
      return;
    case 'wait':
      throw new RetakeRefusedError(
        messages.retakeWait(bank, decision.until, decision.failedSoFar),
        { error: 'retake-wait', availableAt: new Date(decision.until).toISOString() },
        json,
      );
    case 'locked-out':
      throw new RetakeRefusedError(
        messages.lockedOut(bank, decision.until, decision.failedSoFar),
        {
          error: 'locked-out',
          availableAt: decision.until === undefined ? null : new Date(decision.until).toISOString(),
        },
        json,
      );
    case 'clock-rollback':
      throw new RetakeRefusedError(
        messages.clockRollback(bank, decision.lastRecordedAt),
        { error: 'clock-rollback', lastRecordedAt: new Date(decision.lastRecordedAt).toISOString() },
        json,
      );
  }
}

/**
 * Refuses (exit 3) a clock earlier than anything already recorded: on every path that starts,
 * resumes or ends an attempt, a clock turned back must not shorten a wait or lengthen an exam.
 */
export function assertClockNotBehind(store: AttemptStore, resolved: ResolvedBank, now: number, json: boolean): void {
  const last = store.lastRecordedAt();
  if (last !== undefined && now < last) {
    throw new RetakeRefusedError(
      messages.clockRollback(resolved.bank.title, last),
      { error: 'clock-rollback', lastRecordedAt: new Date(last).toISOString() },
      json,
    );
  }
}

/**
 * Starts a new attempt. For a counted exam the clock check, settling an exam left behind, the
 * retake check and the insert are one `BEGIN IMMEDIATE` transaction, so two runs started at once
 * cannot both pass the check.
 */
export function openNewAttempt(
  store: AttemptStore,
  resolved: ResolvedBank,
  request: AttemptRequest,
  json: boolean,
): StartedAttempt {
  const { mode, at } = request;
  if (mode === 'exam') settleLapsedExam(store, resolved, at, json);
  return store.immediately(() => {
    if (mode === 'exam') {
      assertClockNotBehind(store, resolved, at, json);
      settleOpenExam(store, resolved, at);
      assertMayStart(store, resolved, at, json);
    }
    return startAttempt(store, resolved, request);
  });
}

/**
 * Submits an exam left in progress whose time ran out, in its own transaction: the failure it
 * records (and the wait that follows) stands even when the new start is then refused.
 * Inside a caller's transaction it is only a savepoint, so a caller that may roll back calls it first.
 */
export function settleLapsedExam(store: AttemptStore, resolved: ResolvedBank, at: number, json: boolean): void {
  store.immediately(() => {
    assertClockNotBehind(store, resolved, at, json);
    settleOpenExam(store, resolved, at);
  });
}

/** The attempt in progress at a bank in a mode, to continue it (the clock must not have gone back). */
export function resumeOpenAttempt(
  store: AttemptStore,
  resolved: ResolvedBank,
  mode: AttemptMode,
  at: number,
  json: boolean,
): StartedAttempt {
  const open = store.inProgress(resolved.bank.id, mode);
  if (!open) throw new UsageError(messages.nothingToResume(resolved.bank.id, mode));
  assertClockNotBehind(store, resolved, at, json);
  const byId = new Map(resolved.bank.questions.map((q) => [q.id, q]));
  return {
    attemptId: open.id,
    questions: open.questionIds.flatMap((id) => byId.get(id) ?? []),
    startedAt: open.startedAt,
    deadlineAt: open.deadlineAt,
  };
}

/**
 * One counted exam at a time. An exam left in progress whose time has run out is submitted as it
 * stood, ended at its deadline; one still running must be resumed (or left to run out) first.
 */
export function settleOpenExam(store: AttemptStore, resolved: ResolvedBank, now: number): void {
  const open = store.inProgress(resolved.bank.id, 'exam');
  if (!open) return;
  if (open.deadlineAt === undefined || open.deadlineAt > now)
    throw new UsageError(messages.examInProgress(resolved.bank.id, open.startedAt));
  const byId = new Map(resolved.bank.questions.map((q) => [q.id, q]));
  const questions = open.questionIds.flatMap((id) => byId.get(id) ?? []);
  finishAttempt(
    store,
    resolved,
    { attemptId: open.id, questions, startedAt: open.startedAt, deadlineAt: open.deadlineAt },
    'exam',
    'expired',
    open.deadlineAt,
  );
}

/**
 * One open practice round per bank. Rounds that can no longer be resumed are closed, scored as
 * they stood: a timed round past its deadline (expired), one whose questions are all gone from
 * the bank, and any older round beside the newest (abandoned). Returns the round that is still
 * open and resumable, if any.
 */
export function settleOpenPractice(store: AttemptStore, resolved: ResolvedBank, now: number): AttemptRow | undefined {
  const inBank = new Set(resolved.bank.questions.map((q) => q.id));
  const open = store.openAttempts(resolved.bank.id, 'practice');
  const newest = open.at(-1);
  let resumable: AttemptRow | undefined;
  for (const round of open) {
    const lapsed = round.deadlineAt !== undefined && round.deadlineAt <= now;
    if (round === newest && !lapsed && round.questionIds.some((id) => inBank.has(id))) {
      resumable = round;
      continue;
    }
    closeAttempt(store, resolved, round, lapsed ? 'expired' : 'abandoned', lapsed ? round.deadlineAt! : now);
  }
  return resumable;
}

/** Closes an attempt left in progress, scored from the answers it has. */
export function closeAttempt(
  store: AttemptStore,
  resolved: ResolvedBank,
  round: AttemptRow,
  status: Exclude<AttemptStatus, 'in_progress'>,
  endedAt: number,
): ReportModel {
  const byId = new Map(resolved.bank.questions.map((q) => [q.id, q]));
  const questions = round.questionIds.flatMap((id) => byId.get(id) ?? []);
  const attempt = { attemptId: round.id, questions, startedAt: round.startedAt, deadlineAt: round.deadlineAt };
  return finishAttempt(store, resolved, attempt, round.mode, status, endedAt);
}

/** When the next exam attempt becomes available (null: now). */
export function nextAttemptAt(decision: RetakeDecision): number | null {
  if (decision.kind === 'wait') return decision.until;
  if (decision.kind === 'locked-out') return decision.until ?? null;
  return null;
}

export interface StartedAttempt {
  attemptId: number;
  questions: Question[];
  startedAt: number;
  deadlineAt?: number;
}

/** What a new attempt is: its mode, the seed of its draw, when it starts, and how it runs. */
export interface AttemptRequest {
  mode: AttemptMode;
  seed: number;
  at: number;
  /** Every question of the bank instead of the exam's draw (practice only). */
  all?: boolean;
  /** No exam deadline (untimed practice). */
  untimed?: boolean;
  /** Kept with the attempt, so a resume asks the same way. */
  settings?: unknown;
}

/** Draws the questions and records a new attempt as in progress. */
export function startAttempt(
  store: AttemptStore,
  resolved: ResolvedBank,
  { mode, seed, at: startedAt, all, untimed, settings }: AttemptRequest,
): StartedAttempt {
  const { bank } = resolved;
  const questions = drawQuestions(bank, seed, all ? bank.questions.length : undefined);
  const deadlineAt = bank.exam.timeLimitMs === undefined || untimed ? undefined : startedAt + bank.exam.timeLimitMs;
  const attemptId = store.start({
    bankId: bank.id,
    bankTitle: bank.title,
    bankVersion: bank.version,
    bankFile: bank.file,
    guidelineId: resolved.guideline.id,
    mode,
    seed,
    questionIds: questions.map((q) => q.id),
    startedAt,
    deadlineAt,
    settings,
  });
  return { attemptId, questions, startedAt, deadlineAt };
}

/**
 * Scores an attempt from the answers saved in the database, closes it, and returns the report
 * (which is stored with it, so it can be shown again after the bank changes).
 */
export function finishAttempt(
  store: AttemptStore,
  resolved: ResolvedBank,
  attempt: StartedAttempt,
  mode: AttemptMode,
  status: Exclude<AttemptStatus, 'in_progress'>,
  endedAt: number,
): ReportModel {
  // The history read for the next wait and the write of the result must see the same database.
  return store.immediately(() => {
    const saved = store.answers(attempt.attemptId);
    // An attempt never ends before it started or before its last answer, whatever the clock says.
    const end = Math.max(endedAt, attempt.startedAt, ...saved.map((a) => a.answeredAt));
    const responses = new Map<string, Response>(saved.map((a) => [a.questionId, a.response]));
    const score = scoreAttempt(resolved, attempt.questions, responses);
    let next: number | null = null;
    if (mode === 'exam') {
      // The wait this attempt starts (when it fails) counts from its own end.
      const history = [
        ...examHistory(store, resolved.bank.id),
        { startedAt: attempt.startedAt, endedAt: end, passed: score.passed },
      ];
      next = nextAttemptAt(decideRetake(history, resolved.bank.exam.retake, end));
    }
    const seed = store.get(attempt.attemptId)?.seed;
    const report = buildReport({
      attemptId: attempt.attemptId,
      seed,
      resolved,
      mode,
      status,
      startedAt: attempt.startedAt,
      endedAt: end,
      questions: attempt.questions,
      responses,
      score,
      nextAttemptAt: next,
    });
    store.finish(attempt.attemptId, {
      status,
      endedAt: end,
      score: score.score,
      maxScore: score.maxScore,
      percent: score.percent,
      passed: score.passed,
      result: report,
    });
    return report;
  });
}
