import type { Question, ResolvedBank } from '../content/types.js';
import { RetakeRefusedError, UsageError } from '../errors.js';
import type { AttemptMode, AttemptSettings, EndStatus } from '../exam/attempt-kind.js';
import { drawQuestions } from '../exam/draw.js';
import { attemptOrder, inDisplayOrder } from '../exam/shuffle.js';
import { decideRetake, type PastAttempt, type RetakeDecision } from '../policy/retake.js';
import { buildReport, type ReportModel } from '../report/model.js';
import { scoreAttempt } from '../scoring/attempt.js';
import type { Response } from '../scoring/response.js';
import type { ConceptJudge } from '../scoring/rubric.js';
import type { AttemptRow, AttemptStore } from '../store/attempts.js';
import { attemptMessages as messages } from './messages.js';

/** The time, read when a step needs it; built once at the edge and passed down. */
export type Clock = () => number;

/** What every step of an attempt's life works on: the bank, the attempts store and the clock. */
export interface AttemptScope {
  store: AttemptStore;
  resolved: ResolvedBank;
  clock: Clock;
  /** A refusal (exit 3) is printed as JSON. */
  json?: boolean;
  /** Decides `concepts` checks when the attempt is scored (by default, the language model). */
  judge?: ConceptJudge;
}

/** An attempt under way: its questions in the drawn order, their options as shown, and its clock. */
export interface StartedAttempt {
  attemptId: number;
  questions: Question[];
  startedAt: number;
  deadlineAt?: number;
}

/**
 * What a new attempt is: its mode, the seed of its draw and how it runs. Everything recorded with
 * an attempt so it can be asked the same way again (the draw, the seed, the settings) is here.
 */
export interface AttemptRequest {
  mode: AttemptMode;
  seed: number;
  /** Every question of the bank instead of the exam's draw (practice only). */
  all?: boolean;
  /** No exam deadline (untimed practice). */
  untimed?: boolean;
  /** Kept with the attempt, so a resume asks the same way. */
  settings?: AttemptSettings;
}

/** The exam-mode attempts of a bank, as the retake policy sees them. */
export function examHistory(store: AttemptStore, bankId: string): PastAttempt[] {
  return store.exams(bankId).map((a: AttemptRow) => ({
    startedAt: a.startedAt,
    endedAt: a.endedAt,
    // An abandoned attempt counts as failed, as on the platforms.
    passed: a.status !== 'abandoned' && a.passed === true,
  }));
}

/** May an exam of this bank start now, and if not, until when must the learner wait. */
export function retakeDecision({ store, resolved, clock }: AttemptScope): RetakeDecision {
  return decideRetake(
    examHistory(store, resolved.bank.id),
    resolved.bank.exam.retake,
    clock(),
    store.lastRecordedAt() ?? 0,
  );
}

/** When the next exam attempt becomes available (null: now). */
export function nextAttemptAt(decision: RetakeDecision): number | null {
  if (decision.kind === 'wait') return decision.until;
  if (decision.kind === 'locked-out') return decision.until ?? null;
  return null;
}

function refusal(scope: AttemptScope, message: string, refused: RetakeRefusedError['refusal']): RetakeRefusedError {
  return new RetakeRefusedError(message, refused, Boolean(scope.json));
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Throws the exit-3 refusal when an exam attempt may not start now. */
export function assertMayStart(scope: AttemptScope): void {
  const decision = retakeDecision(scope);
  const { title, id } = scope.resolved.bank;
  switch (decision.kind) {
    case 'allowed':
      return;
    case 'wait':
      throw refusal(scope, messages.retakeWait(title, id, decision.until, decision.failedSoFar), {
        error: 'retake-wait',
        availableAt: iso(decision.until),
      });
    case 'locked-out':
      throw refusal(scope, messages.lockedOut(title, id, decision.until, decision.failedSoFar), {
        error: 'locked-out',
        availableAt: decision.until === undefined ? null : iso(decision.until),
      });
    case 'clock-rollback':
      throw clockRefusal(scope, decision.lastRecordedAt);
  }
}

function clockRefusal(scope: AttemptScope, last: number): RetakeRefusedError {
  return refusal(scope, messages.clockRollback(scope.resolved.bank.title, last), {
    error: 'clock-rollback',
    lastRecordedAt: iso(last),
  });
}

/**
 * Refuses (exit 3) a clock earlier than anything already recorded: on every path that starts,
 * resumes or ends an attempt, a clock turned back must not shorten a wait or lengthen an exam.
 */
export function assertClockNotBehind(scope: AttemptScope): void {
  const last = scope.store.lastRecordedAt();
  if (last !== undefined && scope.clock() < last) throw clockRefusal(scope, last);
}

/**
 * An attempt as recorded, with its questions looked up in the bank as it is now and their options
 * in the order recorded when it started (never recomputed: the learner sees what they saw before).
 */
export function attemptOf(resolved: ResolvedBank, row: AttemptRow): StartedAttempt {
  const byId = new Map(resolved.bank.questions.map((q) => [q.id, q]));
  const order = row.settings?.order ?? {};
  return {
    attemptId: row.id,
    questions: row.questionIds.flatMap((id) => {
      const question = byId.get(id);
      return question ? [inDisplayOrder(question, order[id])] : [];
    }),
    startedAt: row.startedAt,
    deadlineAt: row.deadlineAt,
  };
}

/**
 * Starts a new attempt. For a counted exam the clock check, settling an exam left behind, the
 * retake check and the insert are one `BEGIN IMMEDIATE` transaction, so two runs started at once
 * cannot both pass the check.
 */
export function openNewAttempt(scope: AttemptScope, request: AttemptRequest): StartedAttempt {
  const exam = request.mode === 'exam';
  if (exam) settleLapsedExam(scope);
  return scope.store.immediately(() => {
    if (exam) {
      assertClockNotBehind(scope);
      settleOpenExam(scope);
      assertMayStart(scope);
    }
    return startAttempt(scope, request);
  });
}

/**
 * Submits an exam left in progress whose time ran out, in its own transaction: the failure it
 * records (and the wait that follows) stands even when the new start is then refused.
 * Inside a caller's transaction it is only a savepoint, so a caller that may roll back calls it first.
 */
export function settleLapsedExam(scope: AttemptScope): void {
  scope.store.immediately(() => {
    assertClockNotBehind(scope);
    settleOpenExam(scope);
  });
}

/** The attempt in progress at a bank in a mode, to continue it (the clock must not have gone back). */
export function resumeOpenAttempt(scope: AttemptScope, mode: AttemptMode): StartedAttempt {
  const open = scope.store.inProgress(scope.resolved.bank.id, mode);
  if (!open) throw new UsageError(messages.nothingToResume(scope.resolved.bank.id, mode));
  assertClockNotBehind(scope);
  return attemptOf(scope.resolved, open);
}

/**
 * One counted exam at a time. An exam left in progress whose time has run out is submitted as it
 * stood, ended at its deadline; one still running must be resumed (or left to run out) first.
 */
export function settleOpenExam(scope: AttemptScope): void {
  const open = scope.store.inProgress(scope.resolved.bank.id, 'exam');
  if (!open) return;
  if (open.deadlineAt === undefined || open.deadlineAt > scope.clock())
    throw new UsageError(messages.examInProgress(scope.resolved.bank.id, open.startedAt, open.deadlineAt));
  closeAttempt(scope, open, 'expired', open.deadlineAt);
}

/**
 * One open practice round per bank. Rounds that can no longer be resumed are closed, scored as
 * they stood: a timed round past its deadline (expired), one whose questions are all gone from
 * the bank, and any older round beside the newest (abandoned). Returns the round that is still
 * open and resumable, if any.
 */
export function settleOpenPractice(scope: AttemptScope): AttemptRow | undefined {
  const now = scope.clock();
  const open = scope.store.openAttempts(scope.resolved.bank.id, 'practice');
  // Most runs find no open round: the bank's ids (ten thousand in a big bank) are gathered only for one.
  let inBank: Set<string> | undefined;
  const isInBank = (id: string) => (inBank ??= new Set(scope.resolved.bank.questions.map((q) => q.id))).has(id);
  const newest = open.at(-1);
  let resumable: AttemptRow | undefined;
  for (const round of open) {
    const lapsedAt = round.deadlineAt !== undefined && round.deadlineAt <= now ? round.deadlineAt : undefined;
    if (round === newest && lapsedAt === undefined && round.questionIds.some(isInBank)) {
      resumable = round;
      continue;
    }
    closeAttempt(scope, round, lapsedAt === undefined ? 'abandoned' : 'expired', lapsedAt ?? now);
  }
  return resumable;
}

/** Closes an attempt left in progress, scored from the answers it has. */
export function closeAttempt(scope: AttemptScope, row: AttemptRow, status: EndStatus, endedAt: number): ReportModel {
  return finishAttempt(scope, attemptOf(scope.resolved, row), { mode: row.mode, status, endedAt });
}

/**
 * Draws the questions, shuffles their options (both from the seed) and records a new attempt as in
 * progress, with the order its options are shown in.
 */
export function startAttempt(
  scope: AttemptScope,
  { mode, seed, all, untimed, settings }: AttemptRequest,
): StartedAttempt {
  const { bank } = scope.resolved;
  const startedAt = scope.clock();
  const drawn = drawQuestions(bank, seed, all ? bank.questions.length : undefined);
  const order = attemptOrder(seed, drawn);
  const questions = drawn.map((q) => inDisplayOrder(q, order[q.id]));
  const deadlineAt = bank.exam.timeLimitMs === undefined || untimed ? undefined : startedAt + bank.exam.timeLimitMs;
  const attemptId = scope.store.start({
    bankId: bank.id,
    bankTitle: bank.title,
    bankVersion: bank.version,
    bankFile: bank.file,
    guidelineId: scope.resolved.guideline.id,
    mode,
    seed,
    questionIds: questions.map((q) => q.id),
    startedAt,
    deadlineAt,
    settings: { ...settings, order },
  });
  return { attemptId, questions, startedAt, deadlineAt };
}

/** How an attempt ends: in which mode it ran, how it ended and when. */
export interface AttemptEnd {
  mode: AttemptMode;
  status: EndStatus;
  endedAt: number;
}

/**
 * Scores an attempt from the answers saved in the database, closes it, and returns the report
 * (which is stored with it, so it can be shown again after the bank changes).
 */
export function finishAttempt(
  { store, resolved, judge }: AttemptScope,
  attempt: StartedAttempt,
  { mode, status, endedAt }: AttemptEnd,
): ReportModel {
  // The history read for the next wait and the write of the result must see the same database.
  return store.immediately(() => {
    const saved = store.answers(attempt.attemptId);
    // An attempt never ends before it started or before its last answer, whatever the clock says.
    const end = Math.max(endedAt, attempt.startedAt, ...saved.map((a) => a.answeredAt));
    const responses = new Map<string, Response>(saved.map((a) => [a.questionId, a.response]));
    const score = scoreAttempt(resolved, attempt.questions, responses, judge);
    let next: number | null = null;
    if (mode === 'exam') {
      // The wait this attempt starts (when it fails) counts from its own end.
      const history = [
        ...examHistory(store, resolved.bank.id),
        { startedAt: attempt.startedAt, endedAt: end, passed: score.passed },
      ];
      next = nextAttemptAt(decideRetake(history, resolved.bank.exam.retake, end));
    }
    const report = buildReport({
      attemptId: attempt.attemptId,
      seed: store.get(attempt.attemptId)?.seed,
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
