import type { Question } from '../content/types.js';
import { UsageError } from '../errors.js';
import type { AttemptMode, AttemptSettings, EndStatus } from '../exam/attempt-kind.js';
import * as session from '../exam/session.js';
import type { ReportModel } from '../report/model.js';
import { isAnswered, type Response } from '../scoring/response.js';
import type { AttemptRow } from '../store/attempts.js';
import {
  assertClockNotBehind,
  assertMayStart,
  attemptOf,
  closeAttempt,
  finishAttempt,
  openNewAttempt,
  settleOpenExam,
  settleOpenPractice,
  type AttemptRequest,
  type AttemptScope,
  type StartedAttempt,
} from './lifecycle.js';
import { attemptMessages as messages } from './messages.js';

/** How an interactive attempt runs (see AttemptSettings, which is stored with it). */
export type InteractiveSettings = Required<Pick<AttemptSettings, 'confidence'>> & Pick<AttemptSettings, 'timed'>;

/**
 * Before a new interactive attempt: an exam left behind whose time ran out is submitted and the
 * retake policy is asked (exit 3 when it refuses); for practice, the open round that can still be
 * resumed is returned, to be offered before starting another.
 */
export function checkNewStart(scope: AttemptScope, mode: AttemptMode): AttemptRow | undefined {
  if (mode === 'practice') return settleOpenPractice(scope);
  settleOpenExam(scope);
  assertMayStart(scope);
  return undefined;
}

/** Closes an open practice round the learner chose to leave for a new one. */
export function abandonRound(scope: AttemptScope, row: AttemptRow): void {
  closeAttempt(scope, row, 'abandoned', scope.clock());
}

/**
 * An interactive attempt while it runs: the session state machine (exam/session.ts) joined to
 * the store. Every answer, flag, position and first showing is saved in its own transaction the
 * moment it happens, so a crash or a kill loses nothing; the prompts live in ui/.
 */
export class LiveAttempt {
  state: session.SessionState;
  readonly attempt: StartedAttempt;
  private readonly byId: Map<string, Question>;

  private constructor(
    private readonly scope: AttemptScope,
    readonly mode: AttemptMode,
    row: AttemptRow,
    readonly settings: InteractiveSettings,
  ) {
    this.attempt = attemptOf(scope.resolved, row);
    const { questions } = this.attempt;
    this.byId = new Map(questions.map((q) => [q.id, q]));
    const { store } = scope;
    const answers = Object.fromEntries(store.answers(row.id).map((a) => [a.questionId, a.response]));
    const marks = store.marks(row.id);
    const shownAt = Object.fromEntries(
      marks.flatMap((m) => (m.shownAt === undefined ? [] : [[m.questionId, m.shownAt]])),
    );
    // Untimed practice has no clock at all: not the exam's, nor a question's own.
    const untimed = mode === 'practice' && !settings.timed;
    const questionLimitsMs = untimed
      ? {}
      : Object.fromEntries(questions.flatMap((q) => (q.timeLimitMs === undefined ? [] : [[q.id, q.timeLimitMs]])));
    this.state = session.startSession(
      {
        questionIds: questions.map((q) => q.id),
        startedAt: row.startedAt,
        deadlineAt: row.deadlineAt,
        questionLimitsMs,
        // Practice is for learning: going back is always allowed there.
        sequential: scope.resolved.bank.exam.sequential && mode === 'exam',
      },
      {
        position: row.position,
        answers,
        flagged: marks.filter((m) => m.flagged).map((m) => m.questionId),
        shownAt,
        // Practice shows the feedback as soon as an answer is saved: a saved answer is final
        // (a draft or a half-labelled question is still open).
        settled: mode === 'practice' ? Object.keys(answers).filter((qid) => isAnswered(answers[qid])) : [],
      },
    );
    this.tick();
  }

  /**
   * Starts a new attempt; the retake checks run again in one transaction with the insert, as
   * another run may have started meanwhile.
   */
  static start(scope: AttemptScope, request: AttemptRequest & { settings: InteractiveSettings }): LiveAttempt {
    const started = openNewAttempt(scope, request);
    return new LiveAttempt(scope, request.mode, scope.store.get(started.attemptId)!, request.settings);
  }

  /** Continues the attempt in progress, with its own settings (confidence may be turned on now). */
  static resume(scope: AttemptScope, mode: AttemptMode, confidence = false): LiveAttempt {
    if (mode === 'practice') settleOpenPractice(scope);
    const row = scope.store.inProgress(scope.resolved.bank.id, mode);
    if (!row) throw new UsageError(messages.nothingToResume(scope.resolved.bank.id, mode));
    assertClockNotBehind(scope);
    const { settings } = row;
    return new LiveAttempt(scope, mode, row, {
      confidence: Boolean(settings?.confidence) || confidence,
      timed: Boolean(settings?.timed),
    });
  }

  /** A question of this attempt. */
  question(id: string): Question {
    return this.byId.get(id)!;
  }

  /** The question on screen. */
  get currentId(): string {
    return session.currentQuestionId(this.state);
  }

  /** Records a response at `at` (now by default); false when the session refused it (closed, over). */
  save(questionId: string, response: Response, at = this.scope.clock()): boolean {
    const step = session.answer(this.state, questionId, response, at);
    this.state = step.state;
    if (!step.ok) return false;
    this.scope.store.saveAnswer(this.attempt.attemptId, {
      questionId,
      response,
      answeredAt: at,
      flagged: this.state.flagged.includes(questionId),
    });
    return true;
  }

  /** What the learner has given so far (text being typed, labels chosen), saved as it stands. */
  saveDraft(question: Question, draft: unknown): void {
    const previous = this.state.answers[question.id];
    const response: Response =
      question.type === 'free-text'
        ? { text: typeof draft === 'string' ? draft : '', self: [], unfinished: true }
        : { answer: draft, self: [], unfinished: true };
    if (previous?.rationale) response.rationale = previous.rationale;
    // A draft of a second try keeps the verdict of the first (typed answers save drafts as they go).
    if (previous?.firstTryCorrect !== undefined) response.firstTryCorrect = previous.firstTryCorrect;
    // A deadline stops the keys, so text handed over as the prompt closes was typed before it:
    // it is saved as of then, not refused as late.
    const deadlines = [this.state.deadlineAt, session.questionDeadline(this.state, question.id)].filter(
      (t): t is number => t !== undefined,
    );
    this.save(question.id, response, Math.min(this.scope.clock(), ...deadlines.map((t) => t - 1)));
  }

  /** Flags or unflags a question. */
  toggleFlag(questionId: string): void {
    this.state = session.toggleFlag(this.state, questionId);
    this.scope.store.setFlag(this.attempt.attemptId, questionId, this.state.flagged.includes(questionId));
  }

  /** Remembers the question on screen, so a resume opens there. */
  savePosition(): void {
    this.scope.store.setPosition(this.attempt.attemptId, this.state.position);
  }

  /** Applies a move (next, back, go to); the question it lands on is marked as shown. */
  step(step: session.Step): void {
    this.state = step.state;
    if (step.ok) this.markShown();
  }

  back(): void {
    this.step(session.back(this.state, this.scope.clock()));
  }

  goTo(index: number): void {
    this.step(session.goTo(this.state, index, this.scope.clock()));
  }

  /** Next question; false when this was the last one (time for the review screen). */
  moveOn(): boolean {
    if (session.isLast(this.state)) return false;
    this.step(session.next(this.state, this.scope.clock()));
    return true;
  }

  /** The question on screen is shown now: its own time limit, if any, counts from its first showing. */
  markShown(): void {
    this.state = session.showCurrent(this.state, this.scope.clock());
    const id = this.currentId;
    const shown = this.state.shownAt[id];
    if (shown !== undefined && this.byId.get(id)?.timeLimitMs !== undefined)
      this.scope.store.markShown(this.attempt.attemptId, id, shown);
  }

  /** A practice answer's feedback was shown: it can be read again, not answered. */
  settle(questionId: string): void {
    this.state = session.settle(this.state, questionId);
  }

  /** Lets the session see the time (deadlines passing). */
  tick(): void {
    this.state = session.tick(this.state, this.scope.clock());
  }

  expire(): 'expired' {
    this.state = session.expire(this.state, this.scope.clock());
    return 'expired';
  }

  /** Submits; how the attempt ended (a submit after the deadline is an expiry). */
  submit(): 'submitted' | 'expired' {
    this.state = session.submit(this.state, this.scope.clock());
    return this.state.status === 'expired' ? 'expired' : 'submitted';
  }

  /** How the session ended, once it is over. */
  get ending(): 'submitted' | 'expired' {
    return this.state.status === 'expired' ? 'expired' : 'submitted';
  }

  /** Time left on the exam clock (undefined: untimed). */
  remainingMs(): number | undefined {
    return session.remainingMs(this.state, this.scope.clock());
  }

  /** Scores and closes the attempt; the report is stored with it. */
  finish(status: Exclude<EndStatus, 'abandoned'>): ReportModel {
    return finishAttempt(this.scope, this.attempt, {
      mode: this.mode,
      status,
      endedAt: this.state.endedAt ?? this.scope.clock(),
    });
  }
}
