import { AbortPromptError, ExitPromptError } from '@inquirer/core';
import { formatDuration } from '../content/duration.js';
import type { Question, ResolvedBank } from '../content/types.js';
import { UsageError } from '../errors.js';
import * as session from '../exam/session.js';
import { renderText } from '../report/render/text.js';
import { hasAnswer, isAnswered, isConfidence, type Confidence, type Response } from '../scoring/response.js';
import { scoreQuestion } from '../scoring/rubric.js';
import type { AttemptMode, AttemptRow, AttemptStore } from '../store/attempts.js';
import { askConfidence, askSelfAssessment, ownAnswerText } from '../ui/answer-extras.js';
import { askQuestion, type PromptContext } from '../ui/ask.js';
import { formatRemaining } from '../ui/countdown.js';
import { uiMessages } from '../ui/messages.js';
import { choicePrompt, type ChoiceItem } from '../ui/prompts/choice.js';
import type { NavKeys, Outcome } from '../ui/prompts/nav.js';
import { pagerPrompt } from '../ui/prompts/pager.js';
import { textPrompt } from '../ui/prompts/text.js';
import { distinguishingWords, feedbackText, guidelineText, isCritical, questionBody } from '../ui/question-view.js';
import { safe, type ScreenConfig, type StatusInfo } from '../ui/screen.js';
import { screenSize, type Terminal } from '../ui/terminal.js';
import { formatWhen, makeTheme } from '../text/theme.js';
import { wrapLines, wrapMessage } from '../text/wrap.js';
import {
  assertClockNotBehind,
  assertMayStart,
  closeAttempt,
  finishAttempt,
  openNewAttempt,
  retakeDecision,
  settleOpenExam,
  settleOpenPractice,
  startAttempt,
  type StartedAttempt,
} from './attempt.js';
import { globalArgs, now as readClock, openStore, parseSeed, type GlobalOptions } from './context.js';
import type { Io } from './io.js';
import { messages } from './messages.js';
import { reportStudyFor } from './report-study.js';

/** How an interactive attempt was started; stored with it so `--resume` asks the same way. */
export interface InteractiveSettings {
  confidence: boolean;
  /** Practice with the bank's clocks (--timed); practice is untimed without it. */
  timed?: boolean;
}

export interface InteractiveOptions extends GlobalOptions {
  mode: AttemptMode;
  resume?: boolean;
  confidence?: boolean;
  /** Practice only: keep the bank's time limit. */
  timed?: boolean;
  seed?: string;
}

/** How a pending prompt ended when it did not resolve. */
type Interrupt = 'exam-deadline' | 'question-deadline' | 'quit';
type Guarded<T> = { ok: true; value: T } | { ok: false; why: Interrupt };

/** setTimeout cannot wait longer than this (about 24.8 days). */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * A clock that starts at `QUALIFY_NOW` when it is pinned and then runs in real time, so a pinned
 * demonstration still counts down; without it, the system clock.
 */
export function runningClock(env: NodeJS.ProcessEnv): () => number {
  const base = readClock(env);
  const started = Date.now();
  return () => base + (Date.now() - started);
}

const RESUME_COMMAND = (mode: AttemptMode, bank: string, options: GlobalOptions) =>
  `qualify${globalArgs(options)} ${mode} ${bank} --resume`;

/**
 * Runs an exam or a practice round in the terminal: start screen, one prompt per question with a
 * live countdown, navigation, review and submit, then the mistake report. Every answer is saved
 * in its own transaction before the next question appears, so a crash or a kill loses nothing.
 */
export async function runInteractive(
  resolved: ResolvedBank,
  options: InteractiveOptions,
  io: Io,
  terminal: Terminal,
): Promise<void> {
  await runAttempt(resolved, options, io, terminal);
}

/** As runInteractive; false when the learner said "Not now" on the start screen (nothing was started). */
export async function runAttempt(
  resolved: ResolvedBank,
  options: InteractiveOptions,
  io: Io,
  terminal: Terminal,
): Promise<boolean> {
  const clock = runningClock(io.env);
  const { db, store } = openStore(options);
  try {
    const runner = new AttemptRunner(resolved, options, io, terminal, store, clock);
    return await runner.run();
  } finally {
    db.close();
  }
}

class AttemptRunner {
  private readonly bank;
  private readonly c;
  private attempt!: StartedAttempt;
  private settings: InteractiveSettings = { confidence: false };
  private state!: session.SessionState;
  private questions = new Map<string, Question>();
  /** The question on screen was opened from the review screen: answering it goes back there. */
  private openedFromReview = false;

  constructor(
    private readonly resolved: ResolvedBank,
    private readonly options: InteractiveOptions,
    private readonly io: Io,
    private readonly terminal: Terminal,
    private readonly store: AttemptStore,
    private readonly clock: () => number,
  ) {
    this.bank = resolved.bank;
    this.c = makeTheme(terminal.color);
  }

  private get mode(): AttemptMode {
    return this.options.mode;
  }

  /** False when the learner said "Not now" on the start screen (nothing was started). */
  async run(): Promise<boolean> {
    const begun = this.options.resume ? this.resume() : await this.begin();
    if (!begun) return false;
    if (session.isOver(this.state)) {
      // The deadline passed while the learner was away.
      await this.finish('expired', uiMessages.resumedExpired);
      return true;
    }
    const ending = await this.loop();
    if (ending !== 'saved') await this.finish(ending);
    return true;
  }

  // ---------------------------------------------------------------- starting and resuming

  private resume(): boolean {
    if (this.mode === 'practice') settleOpenPractice(this.store, this.resolved, this.clock());
    const row = this.store.inProgress(this.bank.id, this.mode);
    if (!row) throw new UsageError(messages.nothingToResume(this.bank.id, this.mode));
    assertClockNotBehind(this.store, this.resolved, this.clock(), false);
    const settings = row.settings as Partial<InteractiveSettings> | undefined;
    this.settings = {
      confidence: Boolean(settings?.confidence) || Boolean(this.options.confidence),
      timed: Boolean(settings?.timed),
    };
    this.openSession(row);
    return true;
  }

  private async begin(): Promise<boolean> {
    const at = this.clock();
    if (this.mode === 'exam') {
      settleOpenExam(this.store, this.resolved, at);
      assertMayStart(this.store, this.resolved, at, false);
    } else {
      // A bank has at most one open practice round: offer it before starting another.
      const open = settleOpenPractice(this.store, this.resolved, at);
      if (open) {
        const choice = await this.offerOpenRound(open);
        if (choice === 'resume') return this.resume();
        if (choice !== 'new') return false;
        closeAttempt(this.store, this.resolved, open, 'abandoned', this.clock());
      }
    }
    const seed = parseSeed(this.options.seed);
    const untimed = this.mode === 'practice' && !this.options.timed;
    if (!(await this.startScreen(untimed))) return false;
    this.settings = { confidence: Boolean(this.options.confidence), timed: !untimed };
    // Checked again as one transaction with the insert: another run may have started meanwhile.
    const attempt = openNewAttempt(
      this.store,
      this.resolved,
      { mode: this.mode, seed, at: this.clock(), untimed, settings: this.settings },
      false,
    );
    const row = this.store.get(attempt.attemptId)!;
    this.openSession(row);
    return true;
  }

  private openSession(row: AttemptRow): void {
    const byId = new Map(this.bank.questions.map((q) => [q.id, q]));
    const questions = row.questionIds.flatMap((id) => byId.get(id) ?? []);
    this.questions = new Map(questions.map((q) => [q.id, q]));
    this.attempt = { attemptId: row.id, questions, startedAt: row.startedAt, deadlineAt: row.deadlineAt };
    const answers = Object.fromEntries(this.store.answers(row.id).map((a) => [a.questionId, a.response]));
    const marks = this.store.marks(row.id);
    const shownAt = Object.fromEntries(
      marks.flatMap((m) => (m.shownAt === undefined ? [] : [[m.questionId, m.shownAt]])),
    );
    // Untimed practice has no clock at all: not the exam's, nor a question's own.
    const untimed = this.mode === 'practice' && !this.settings.timed;
    this.state = session.startSession(
      {
        questionIds: questions.map((q) => q.id),
        startedAt: row.startedAt,
        deadlineAt: row.deadlineAt,
        questionLimitsMs: untimed
          ? {}
          : Object.fromEntries(questions.flatMap((q) => (q.timeLimitMs === undefined ? [] : [[q.id, q.timeLimitMs]]))),
        // Practice is for learning: going back is always allowed there.
        sequential: this.bank.exam.sequential && this.mode === 'exam',
      },
      {
        position: row.position,
        answers,
        flagged: marks.filter((m) => m.flagged).map((m) => m.questionId),
        shownAt,
        // Practice shows the feedback as soon as an answer is saved: a saved answer is final
        // (a draft or a half-labelled question is still open).
        settled: this.mode === 'practice' ? Object.keys(answers).filter((qid) => isAnswered(answers[qid])) : [],
      },
    );
    this.state = session.tick(this.state, this.clock());
  }

  /** A practice round of this bank is open: resume it, close it and start a new one, or leave. */
  private async offerOpenRound(open: AttemptRow): Promise<'resume' | 'new' | 'cancel'> {
    const answered = this.store.answers(open.id).filter((a) => isAnswered(a.response)).length;
    const body = this.c.bold(uiMessages.openRound(answered, open.questionIds.length, formatWhen(open.startedAt)));
    const result = await this.guard((context) =>
      choicePrompt(
        {
          screen: { ...this.baseScreen(), body },
          choices: [
            { value: 'resume', label: uiMessages.resumeRound },
            { value: 'new', label: uiMessages.newRound },
            { value: 'cancel', label: uiMessages.cancel },
          ],
          enterHint: uiMessages.keys.choose,
        },
        context,
      ),
    );
    return result.ok && result.value.kind === 'answer' ? (result.value.value as 'resume' | 'new' | 'cancel') : 'cancel';
  }

  /** The start screen: what this attempt is, and whether it counts. Resolves to "start". */
  private async startScreen(untimed: boolean): Promise<boolean> {
    const f = uiMessages.startFacts;
    const exam = this.bank.exam;
    const lines = [
      f.questions(Math.min(exam.draw ?? this.bank.questions.length, this.bank.questions.length)),
      untimed || exam.timeLimitMs === undefined ? f.untimed : f.timeLimit(formatDuration(exam.timeLimitMs)),
      f.passMark(exam.passMark),
      f.openBook(exam.openBook, this.mode === 'practice'),
      f.sequential(exam.sequential && this.mode === 'exam'),
      ...(this.bank.questions.some(isCritical) ? [f.critical] : []),
    ];
    let warning: string | undefined;
    if (this.mode === 'exam') {
      const policy = exam.retake;
      const lockout = policy.lockout.kind === 'permanent' ? 'for good' : `for ${formatDuration(policy.lockout.ms)}`;
      lines.push(f.retake(uiMessages.retakePolicy(policy.waitsMs.map(formatDuration), policy.maxAttempts, lockout)));
      const decision = retakeDecision(this.store, this.resolved, this.clock());
      const failed = decision.kind === 'allowed' ? decision.failedSoFar : 0;
      lines.push(f.attemptsUsed(failed, policy.maxAttempts));
      if (policy.maxAttempts !== undefined && failed + 1 >= policy.maxAttempts) warning = uiMessages.countsLockout;
      else if (policy.waitsMs.length)
        warning = uiMessages.countsWarning(
          formatDuration(policy.waitsMs[Math.min(failed + 1, policy.waitsMs.length) - 1]!),
        );
    } else {
      warning = uiMessages.practiceNote;
    }
    const body = [
      ...lines,
      '',
      ...(warning ? [this.mode === 'exam' ? this.c.yellow.bold(warning) : this.c.dim(warning)] : []),
    ].join('\n');
    const result = await this.guard((context) =>
      choicePrompt(
        {
          screen: { ...this.baseScreen(), body },
          choices: [
            { value: 'start', label: this.mode === 'exam' ? uiMessages.startExam : uiMessages.startPractice },
            { value: 'cancel', label: uiMessages.cancel },
          ],
          keys: { escape: 'cancel' },
          enterHint: uiMessages.keys.chooseOrBack,
        },
        context,
      ),
    );
    return result.ok && result.value.kind === 'answer' && result.value.value === 'start';
  }

  // ---------------------------------------------------------------- the question loop

  private async loop(): Promise<'submitted' | 'expired' | 'saved'> {
    // What was on screen when a question was left unanswered (choices ticked, labels chosen so
    // far, text written), shown again when the learner comes back to it.
    const drafts = new Map<string, unknown>();
    this.markShown();
    // The question whose text input was open when Ctrl+C came, to reopen it on "keep going".
    let writing: string | undefined;
    let keepWriting: string | undefined;
    while (!session.isOver(this.state)) {
      writing = undefined;
      const id = session.currentQuestionId(this.state);
      const question = this.questions.get(id)!;
      this.store.setPosition(this.attempt.attemptId, this.state.position);
      const settled = session.isSettled(this.state, id);
      const readOnly = settled || session.isQuestionClosed(this.state, id, this.clock());
      const guideline = this.bank.exam.openBook || this.mode === 'practice';
      const nav: NavKeys = {
        back: session.canGoBack(this.state),
        skip: true,
        flag: true,
        review: true,
        guideline,
        closedBook: !guideline,
        view: true,
        quitHint: true,
      };
      const result = await this.guard(
        (context) =>
          settled
            ? this.askSettled(question, nav, context)
            : askQuestion(question, {
                screen: this.questionScreen(id),
                nav,
                given: this.state.answers[id],
                draft: drafts.get(id),
                readOnly,
                context,
                onDraft: (draft) => this.saveDraft(question, draft),
                keepWriting: keepWriting === id,
                onWriting: (on) => (writing = on ? id : undefined),
              }),
        readOnly ? undefined : session.questionDeadline(this.state, id),
      );
      if (!result.ok) {
        if (result.why === 'exam-deadline') return this.expire();
        if (result.why === 'question-deadline') {
          if (!this.moveOn()) {
            const reviewed = await this.review();
            if (reviewed !== 'continue') return reviewed;
          }
          continue;
        }
        if (await this.confirmQuit()) return 'saved';
        // Kept going: back into the text being written, if that is where Ctrl+C came.
        keepWriting = writing;
        if (writing !== undefined) drafts.set(writing, this.state.answers[writing]?.text);
        continue;
      }
      keepWriting = undefined;
      const outcome = result.value;
      const fromReview = this.openedFromReview;
      // Only answering keeps the way back to review; any other move is ordinary navigation.
      if (outcome.kind !== 'flag' && outcome.kind !== 'guideline' && outcome.kind !== 'view')
        this.openedFromReview = false;
      if (outcome.kind === 'answer') drafts.delete(id);
      else if (!settled) drafts.set(id, outcome.draft);
      switch (outcome.kind) {
        case 'answer': {
          // Nothing written is no answer: the question stays unanswered (any draft is cleared).
          if (question.type === 'free-text' && String(outcome.value ?? '').trim() === '')
            this.save(id, { text: '', self: [] });
          else {
            const ended = await this.recordAnswer(question, outcome.value);
            if (ended === 'retry') break; // the same question again
            if (ended) return ended;
          }
          if (fromReview || !this.moveOn()) {
            const reviewed = await this.review();
            if (reviewed !== 'continue') return reviewed;
          }
          break;
        }
        case 'back':
          this.step(session.back(this.state, this.clock()));
          break;
        case 'skip':
          if (!this.moveOn()) {
            const reviewed = await this.review();
            if (reviewed !== 'continue') return reviewed;
          }
          break;
        case 'flag':
          this.state = session.toggleFlag(this.state, id);
          this.store.setFlag(this.attempt.attemptId, id, this.state.flagged.includes(id));
          break;
        case 'guideline':
          if (
            !(await this.page(
              guidelineText(this.resolved.guideline, question.sections, this.terminal.color),
              this.resolved.guideline.title,
            ))
          )
            return this.expire();
          break;
        case 'view':
          if (
            !(await this.page(
              settled ? this.settledText(question) : questionBody(question, this.terminal.color),
              this.bank.title,
            ))
          )
            return this.expire();
          break;
        case 'review': {
          const reviewed = await this.review();
          if (reviewed !== 'continue') return reviewed;
          break;
        }
      }
      this.state = session.tick(this.state, this.clock());
    }
    return this.state.status === 'expired' ? 'expired' : 'submitted';
  }

  /** A practice question answered before: the question, the answer given and its feedback; it cannot be answered again. */
  private settledText(question: Question): string {
    const response = this.state.answers[question.id];
    const feedback = feedbackText(
      question,
      response,
      scoreQuestion(question, response),
      this.resolved.guideline,
      this.terminal.color,
    );
    return `${questionBody(question, this.terminal.color)}\n\n${this.c.dim(uiMessages.practiceAnswered)}\n${feedback}`;
  }

  /** The settled question's screen: Enter continues (as → does); the other moves work as on any question. */
  private async askSettled(question: Question, nav: NavKeys, context: PromptContext): Promise<Outcome<unknown>> {
    const outcome = await choicePrompt(
      {
        screen: { ...this.questionScreen(question.id), body: this.settledText(question) },
        choices: [{ value: 'continue', label: uiMessages.practiceContinue }],
        enterHint: uiMessages.continueHint,
        nav,
      },
      context,
    );
    return outcome.kind === 'answer' ? { kind: 'skip', draft: undefined } : outcome;
  }

  private step(step: session.Step): void {
    this.state = step.state;
    if (step.ok) this.markShown();
  }

  /** Next question; false when this was the last one (time for the review screen). */
  private moveOn(): boolean {
    if (session.isLast(this.state)) return false;
    this.step(session.next(this.state, this.clock()));
    return true;
  }

  private markShown(): void {
    this.state = session.showCurrent(this.state, this.clock());
    const id = session.currentQuestionId(this.state);
    const shown = this.state.shownAt[id];
    if (shown !== undefined && this.questions.get(id)?.timeLimitMs !== undefined)
      this.store.markShown(this.attempt.attemptId, id, shown);
  }

  private expire(): 'expired' {
    this.state = session.expire(this.state, this.clock());
    return 'expired';
  }

  /**
   * Completes the response (rationale, confidence), saves it at once, and in practice asks the
   * self-assessment and then shows the feedback, scored with it; the answer is then settled.
   * Returns an ending when time ran out meanwhile.
   */
  private async recordAnswer(question: Question, value: unknown): Promise<'expired' | 'saved' | 'retry' | undefined> {
    const previous = this.state.answers[question.id];
    const response: Response =
      question.type === 'free-text' ? { text: String(value ?? ''), self: [] } : { answer: value, self: [] };
    if (previous?.rationale) response.rationale = previous.rationale;
    if (question.type !== 'free-text' && question.rubric.some((c) => c.check !== 'self')) {
      // The rubric reads a rationale: ask for it, so its criteria can be earned.
      const rationale = await this.guard((context) =>
        textPrompt(
          {
            screen: {
              ...this.questionScreen(question.id),
              body: `${questionBody(question, this.terminal.color)}\n\n${this.c.bold(uiMessages.rationalePrompt)}`,
            },
            draft: previous?.rationale,
          },
          context,
        ),
      );
      if (!rationale.ok) return this.interruptedAnswer(question, response, rationale.why);
      response.rationale = rationale.value;
    }
    if (this.settings.confidence) {
      const picked = await this.guard((context) => askConfidence(question, this.questionScreen(question.id), context));
      if (!picked.ok) return this.interruptedAnswer(question, response, picked.why);
      if (picked.value.kind === 'answer' && isConfidence(picked.value.value)) response.confidence = picked.value.value;
    }
    if (!this.save(question.id, response)) return undefined;
    if (this.mode !== 'practice') return undefined;

    // Practice: the self-assessment of `self` criteria first, so the feedback scores the answer
    // as the report will.
    const self = await this.selfAssess(question);
    if (self === 'expired') return this.expire();
    const assessed: Response = self ? { ...response, self } : response;
    const score = scoreQuestion(question, assessed);
    const full = score.earned >= score.max - 1e-9 && !score.criticalMissed;
    // The report counts what was right at the first try; a second try keeps the first verdict.
    assessed.firstTryCorrect = previous?.firstTryCorrect ?? full;
    if (!full && previous?.firstTryCorrect === undefined && question.type !== 'free-text') {
      // One more try before the key is shown (as Moodle's interactive behaviour does). The answer
      // stays open meanwhile, so a resumed round asks it again, without a third try.
      this.save(question.id, { ...assessed, unfinished: true });
      const offer = await this.offerRetry(question, score);
      if (offer !== 'show') return offer;
    }
    this.save(question.id, assessed);
    const shown = await this.page(
      feedbackText(question, assessed, score, this.resolved.guideline, this.terminal.color),
      this.bank.title,
      uiMessages.continueHint,
    );
    this.state = session.settle(this.state, question.id);
    if (!shown) return this.expire();
    return undefined;
  }

  /** After a wrong first answer in practice: try again, or see the answer now. */
  private async offerRetry(
    question: Question,
    score: ReturnType<typeof scoreQuestion>,
  ): Promise<'retry' | 'show' | 'expired' | 'saved'> {
    while (true) {
      const verdict = score.earned > 0 ? uiMessages.partly : uiMessages.wrong;
      const body = `${questionBody(question, this.terminal.color)}\n\n${this.c.yellow.bold(verdict)} · ${uiMessages.tryAgainNote}`;
      const result = await this.guard((context) =>
        choicePrompt(
          {
            screen: { ...this.questionScreen(question.id), body },
            choices: [
              { value: 'retry', label: uiMessages.tryAgain },
              { value: 'show', label: uiMessages.showAnswer },
            ],
            enterHint: uiMessages.keys.choose,
          },
          context,
        ),
      );
      if (result.ok) return result.value.kind === 'answer' && result.value.value === 'show' ? 'show' : 'retry';
      if (result.why === 'exam-deadline') return this.expire();
      if (await this.confirmQuit()) return 'saved';
    }
  }

  /** The answer part that was given is kept even when the rest of the prompts were interrupted. */
  private async interruptedAnswer(
    question: Question,
    response: Response,
    why: Interrupt,
  ): Promise<'expired' | 'saved' | undefined> {
    this.save(question.id, response);
    if (why === 'exam-deadline') return this.expire();
    if (why === 'quit' && (await this.confirmQuit())) return 'saved';
    return undefined;
  }

  /** What the learner has given so far (text being typed, labels chosen), saved as it stands. */
  private saveDraft(question: Question, draft: unknown): void {
    const previous = this.state.answers[question.id];
    const response: Response =
      question.type === 'free-text'
        ? { text: String(draft ?? ''), self: [], unfinished: true }
        : { answer: draft, self: [], unfinished: true };
    if (previous?.rationale) response.rationale = previous.rationale;
    // A draft of a second try keeps the verdict of the first (typed answers save drafts as they go).
    if (previous?.firstTryCorrect !== undefined) response.firstTryCorrect = previous.firstTryCorrect;
    // A deadline stops the keys, so text handed over as the prompt closes was typed before it:
    // it is saved as of then, not refused as late.
    const deadlines = [this.state.deadlineAt, session.questionDeadline(this.state, question.id)].filter(
      (t): t is number => t !== undefined,
    );
    this.save(question.id, response, Math.min(this.clock(), ...deadlines.map((t) => t - 1)));
  }

  private save(questionId: string, response: Response, at = this.clock()): boolean {
    const step = session.answer(this.state, questionId, response, at);
    this.state = step.state;
    if (!step.ok) return false;
    this.store.saveAnswer(this.attempt.attemptId, {
      questionId,
      response,
      answeredAt: at,
      flagged: this.state.flagged.includes(questionId),
    });
    return true;
  }

  /** Ticks the `self` criteria that hold, after the model answer; undefined when there are none. */
  private async selfAssess(question: Question): Promise<string[] | undefined | 'expired'> {
    if (!question.rubric.some((c) => c.check === 'self')) return undefined;
    const own = ownAnswerText(question, this.state.answers[question.id]);
    const result = await this.guard((context) =>
      askSelfAssessment(
        question,
        this.questionScreen(question.id),
        this.state.answers[question.id]?.self ?? [],
        context,
        own,
      ),
    );
    if (!result.ok) return result.why === 'exam-deadline' ? 'expired' : undefined;
    return result.value.kind === 'answer' ? result.value.value : undefined;
  }

  // ---------------------------------------------------------------- review, quit, finish

  /** The review screen; "continue" after moving to a question, or how the attempt ended. */
  private async review(): Promise<'continue' | 'submitted' | 'expired' | 'saved'> {
    while (true) {
      const rows = session.reviewRows(this.state, this.clock());
      const p = session.progress(this.state);
      const words = distinguishingWords(rows.map((row) => this.questions.get(row.questionId)!));
      const choices: ChoiceItem[] = rows.map((row, i) => {
        const marks = [
          this.answerState(row.questionId),
          ...(row.flagged ? [uiMessages.flaggedMark] : []),
          ...(row.reachable ? [] : [uiMessages.closed]),
        ];
        // One line per question: id, type and the words that tell it apart, cut to the screen's width.
        const question = this.questions.get(row.questionId)!;
        return {
          value: String(row.index),
          label: uiMessages.reviewRow(row.index + 1, marks.join(' · ')),
          cells: [question.id, question.type, words[i]!],
          disabled: !row.reachable,
        };
      });
      // Those with nothing at all score 0; a half-labelled question or a draft is scored as it stands.
      const unanswered = rows.filter((r) => !hasAnswer(this.state.answers[r.questionId])).length;
      const practice = this.mode === 'practice';
      const submitLabel = unanswered
        ? practice
          ? uiMessages.finishPracticeWithGaps(unanswered)
          : uiMessages.submitWithGaps(unanswered)
        : practice
          ? uiMessages.finishPractice
          : uiMessages.submitNow;
      choices.push({ value: 'submit', label: submitLabel });
      choices.push({ value: 'return', label: uiMessages.returnTo(p.number) });
      const body = [
        this.c.bold(uiMessages.reviewTitle),
        uiMessages.reviewSummary(p.answered, p.total, p.flagged),
        ...(this.state.sequential ? [this.c.dim(uiMessages.sequentialNote)] : []),
      ].join('\n');
      const result = await this.guard((context) =>
        choicePrompt(
          {
            screen: { ...this.baseScreen(this.status()), body },
            choices,
            default: rows.some((r) => !r.answered) || p.flagged ? 'return' : 'submit',
            keys: { escape: 'return' },
            enterHint: uiMessages.keys.chooseOrBack,
            nav: { quitHint: true },
          },
          context,
        ),
      );
      if (!result.ok) {
        if (result.why === 'exam-deadline') return this.expire();
        if (await this.confirmQuit()) return 'saved';
        continue;
      }
      const value = result.value.kind === 'answer' ? result.value.value : 'return';
      if (value === 'return') return 'continue';
      if (value === 'submit') {
        const confirmed = await this.confirmSubmit(rows);
        if (confirmed === 'expired') return this.expire();
        if (confirmed === 'saved') return 'saved';
        if (!confirmed) continue;
        if (this.mode === 'exam' && (await this.selfAssessAll()) === 'expired') return this.expire();
        this.state = session.submit(this.state, this.clock());
        return this.state.status === 'expired' ? 'expired' : 'submitted';
      }
      this.step(session.goTo(this.state, Number(value), this.clock()));
      this.openedFromReview = true;
      return 'continue';
    }
  }

  /**
   * Before submitting: when questions are still flagged or not answered, lists them and asks
   * again. True to submit, false to go back to the review screen.
   */
  private async confirmSubmit(rows: session.ReviewRow[]): Promise<boolean | 'expired' | 'saved'> {
    // One compact list per kind (number, id, and how far a half-done one got), so a long exam's
    // list still fits a small window.
    const list = (rows: session.ReviewRow[]) =>
      `  ${rows.map((row) => safe(uiMessages.confirmRow(row.index + 1, row.questionId, this.partState(row.questionId)))).join(' · ')}`;
    const flagged = rows.filter((r) => r.flagged);
    // As on the review screen: nothing given scores 0; a half-labelled question or a draft is
    // scored as it stands, so it is "not finished", not "not answered".
    const open = rows.filter((r) => !r.answered && !r.flagged);
    const blank = open.filter((r) => !hasAnswer(this.state.answers[r.questionId]));
    const unfinished = open.filter((r) => hasAnswer(this.state.answers[r.questionId]));
    if (flagged.length === 0 && open.length === 0) return true;
    const body = [
      this.c.bold(this.mode === 'exam' ? uiMessages.confirmSubmitTitle : uiMessages.confirmFinishTitle),
      ...(flagged.length ? ['', uiMessages.stillFlagged(flagged.length), list(flagged)] : []),
      ...(blank.length ? ['', uiMessages.stillUnanswered(blank.length), list(blank)] : []),
      ...(unfinished.length ? ['', uiMessages.stillUnfinished(unfinished.length), list(unfinished)] : []),
    ].join('\n');
    const result = await this.guard((context) =>
      choicePrompt(
        {
          screen: { ...this.baseScreen(this.status()), body },
          choices: [
            { value: 'back', label: uiMessages.backToReview },
            { value: 'submit', label: this.mode === 'exam' ? uiMessages.submitAnyway : uiMessages.finishAnyway },
          ],
          enterHint: uiMessages.keys.choose,
          nav: { quitHint: true },
        },
        context,
      ),
    );
    if (!result.ok) {
      if (result.why === 'exam-deadline') return 'expired';
      return (await this.confirmQuit()) ? 'saved' : false;
    }
    return result.value.kind === 'answer' && result.value.value === 'submit';
  }

  /** How far a question that is not finished got ("3 of 5 labelled"), or nothing. */
  private partState(questionId: string): string | undefined {
    const response = this.state.answers[questionId];
    return !isAnswered(response) && hasAnswer(response) ? this.answerState(questionId) : undefined;
  }

  /** A question's row on the review screen: answered, unanswered, "3 of 5 labelled", or a draft. */
  private answerState(questionId: string): string {
    const response = this.state.answers[questionId];
    if (isAnswered(response)) return uiMessages.answered;
    if (!hasAnswer(response)) return uiMessages.unanswered;
    const question = this.questions.get(questionId)!;
    if (question.type === 'free-text') return uiMessages.draft;
    // Practice: a wrong first answer waiting for its second try.
    if (question.type !== 'label-each') return uiMessages.secondTryPending;
    const labels = response!.answer as Record<string, unknown>;
    return uiMessages.labelled(
      question.items.filter((item) => labels[item.id] !== undefined).length,
      question.items.length,
    );
  }

  /** At submit (exam): the self-assessment of every answered question with `self` criteria. */
  private async selfAssessAll(): Promise<'expired' | undefined> {
    for (const id of this.state.questionIds) {
      const question = this.questions.get(id)!;
      const response = this.state.answers[id];
      if (!hasAnswer(response)) continue;
      const self = await this.selfAssess(question);
      if (self === 'expired') return 'expired';
      if (self) this.save(id, { ...response, self });
    }
    return undefined;
  }

  /** Ctrl+C: "Save and quit?". Ctrl+C again, or yes, quits; the attempt stays in progress. */
  private async confirmQuit(): Promise<boolean> {
    const result = await this.guard((context) =>
      choicePrompt(
        {
          screen: { ...this.baseScreen(this.status()), body: this.c.bold(uiMessages.saveAndQuit) },
          choices: [
            {
              value: 'quit',
              label:
                this.state.deadlineAt === undefined ? uiMessages.saveAndQuitPracticeYes : uiMessages.saveAndQuitYes,
            },
            { value: 'stay', label: uiMessages.saveAndQuitNo },
          ],
          keys: { escape: 'stay' },
          enterHint: uiMessages.keys.chooseOrBack,
        },
        context,
      ),
    );
    if (!result.ok) {
      if (result.why === 'exam-deadline') return false;
    } else if (result.value.kind === 'answer' && result.value.value === 'stay') return false;
    const left = session.remainingMs(this.state, this.clock());
    this.io.out(
      wrapMessage(
        uiMessages.savedForLater(
          RESUME_COMMAND(this.mode, this.bank.id, this.options),
          left === undefined ? undefined : formatRemaining(left),
        ),
        this.terminal.size().columns - 1,
      ),
    );
    return true;
  }

  /** Scores and closes the attempt, then shows the mistake report (paged when it is long), headed by `why` when time ran out. */
  private async finish(status: 'submitted' | 'expired', why: string = uiMessages.timeUp): Promise<void> {
    const report = finishAttempt(
      this.store,
      this.resolved,
      this.attempt,
      this.mode,
      status,
      this.state.endedAt ?? this.clock(),
    );
    const { columns, rows } = this.terminal.size();
    // The pager keeps the last column free; the report is laid out for the same width, so the
    // pager never has to break its lines a second time.
    const width = columns - 1;
    // "Time is up" heads the report itself, so it is never left above a later screen.
    const timeUp = status === 'expired' ? `${wrapLines(this.c.red.bold(why), width).join('\n')}\n\n` : '';
    const text =
      timeUp +
      renderText(report, { color: this.terminal.color, width }) +
      reportStudyFor(this.options, this.resolved, report, this.clock(), this.terminal.color, width);
    if (text.split('\n').length < rows - 1) {
      this.io.out(text);
      return;
    }
    await this.guard(
      (context) =>
        pagerPrompt(
          { screen: { color: this.terminal.color, size: screenSize(this.terminal) }, text: text.trimEnd() },
          context,
        ),
      undefined,
      false,
    );
    this.io.out(wrapMessage(uiMessages.afterReport(report.percent, report.passed), width));
  }

  // ---------------------------------------------------------------- screens and deadlines

  private status(): StatusInfo {
    const p = session.progress(this.state);
    return {
      number: p.number,
      total: p.total,
      answered: p.answered,
      flagged: p.flagged,
      deadlineAt: this.state.deadlineAt,
    };
  }

  private baseScreen(status?: StatusInfo): Omit<ScreenConfig, 'body'> {
    return {
      title: this.bank.title,
      status,
      color: this.terminal.color,
      size: screenSize(this.terminal),
      clock: this.clock,
    };
  }

  private questionScreen(id: string): Omit<ScreenConfig, 'body'> {
    const own = session.questionDeadline(this.state, id);
    const flagged = this.state.flagged.includes(id);
    return this.baseScreen({
      ...this.status(),
      questionDeadlineAt: own,
      note: flagged ? uiMessages.flaggedMark : undefined,
    });
  }

  /** A scrollable view under the exam clock; false when the exam deadline closed it. */
  private async page(text: string, title: string, hint?: string): Promise<boolean> {
    const result = await this.guard((context) =>
      pagerPrompt({ screen: { ...this.baseScreen(this.status()), title }, text, hint }, context),
    );
    return result.ok || result.why !== 'exam-deadline';
  }

  /**
   * Runs one prompt under the deadlines: the exam's (and the question's own, when given) abort
   * it through its AbortSignal; Ctrl+C ends it as "quit". Nobody sees a stack trace.
   */
  private async guard<T>(
    ask: (context: PromptContext) => Promise<T>,
    questionDeadlineAt?: number,
    withExamDeadline = true,
  ): Promise<Guarded<T>> {
    const controller = new AbortController();
    const timers: NodeJS.Timeout[] = [];
    const schedule = (at: number | undefined, why: Interrupt) => {
      if (at === undefined) return;
      const ms = at - this.clock();
      if (ms <= 0) controller.abort(why);
      else if (ms <= MAX_TIMER_MS) timers.push(setTimeout(() => controller.abort(why), ms));
    };
    if (withExamDeadline) schedule(this.state?.deadlineAt, 'exam-deadline');
    schedule(questionDeadlineAt, 'question-deadline');
    try {
      const value = await ask({
        input: this.terminal.input,
        output: this.terminal.output,
        signal: controller.signal,
        clearPromptOnDone: true,
      });
      return { ok: true, value };
    } catch (error) {
      if (error instanceof AbortPromptError) return { ok: false, why: controller.signal.reason as Interrupt };
      if (error instanceof ExitPromptError) return { ok: false, why: 'quit' };
      throw error;
    } finally {
      for (const timer of timers) clearTimeout(timer);
    }
  }
}
