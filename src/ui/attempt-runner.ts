import { AbortPromptError, ExitPromptError } from '@inquirer/core';
import { abandonRound, checkNewStart, LiveAttempt, type InteractiveSettings } from '../attempt/live.js';
import { retakeDecision, type AttemptScope, type Clock } from '../attempt/lifecycle.js';
import type { Question, ResolvedBank } from '../content/types.js';
import type { AttemptMode } from '../exam/attempt-kind.js';
import * as session from '../exam/session.js';
import { questionResult, type ReportModel } from '../report/model.js';
import { renderText } from '../report/render/text.js';
import { hasAnswer, isAnswered, isConfidence, type Response } from '../scoring/response.js';
import type { AttemptRow } from '../store/attempts.js';
import { formatWhen, makeTheme } from '../text/theme.js';
import { wrapLines, wrapMessage } from '../text/wrap.js';
import { askConfidence, askSelfAssessment, ownAnswerText } from './answer-extras.js';
import { askQuestion, type PromptContext } from './ask.js';
import {
  confirmSubmitScreen,
  openRoundScreen,
  quitScreen,
  reviewScreen,
  startScreen,
  type Standing,
} from './attempt-screens.js';
import { formatRemaining } from './countdown.js';
import { uiMessages } from './messages.js';
import { choicePrompt } from './prompts/choice.js';
import type { NavKeys, Outcome } from './prompts/nav.js';
import { pagerPrompt } from './prompts/pager.js';
import { textPrompt } from './prompts/text.js';
import { feedbackText, guidelineText, questionBody } from './question-view.js';
import type { ScreenConfig, StatusInfo } from './screen.js';
import { screenSize, type Terminal } from './terminal.js';

/** What an interactive attempt needs: the bank, the store and clock, how it was asked for, and where it shows. */
export interface AttemptRunOptions extends AttemptScope {
  mode: AttemptMode;
  /** Continue the attempt in progress instead of starting one. */
  resume?: boolean;
  /** Ask "how sure?" after each answer. */
  confidence?: boolean;
  /** Practice with the bank's clocks; practice is untimed without it (an exam always runs timed). */
  timed?: boolean;
  /** The seed of a new attempt's draw, asked for once the checks before a start have passed. */
  seed: () => number;
  terminal: Terminal;
  /** Where the messages after the attempt go (standard output). */
  out: (text: string) => void;
  /** The command that continues this attempt, told when the learner saves and quits. */
  resumeCommand: string;
  /** Text appended to the report when the attempt ends (analytics, the next step), for this width. */
  afterReport?: (report: ReportModel, width: number) => string;
}

/** How a pending prompt ended when it did not resolve. */
type Interrupt = 'exam-deadline' | 'question-deadline' | 'quit';
type Guarded<T> = { ok: true; value: T } | { ok: false; why: Interrupt };
/** How the question loop (or a screen in it) ended: "continue" goes on with the questions. */
type Ending = 'submitted' | 'expired' | 'saved';

/** setTimeout cannot wait longer than this (about 24.8 days). */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Runs an exam or a practice round in the terminal: start screen, one prompt per question with a
 * live countdown, navigation, review and submit, then the mistake report. Every answer is saved
 * in its own transaction before the next question appears (see attempt/live.ts).
 * False when the learner said "Not now" on the start screen (nothing was started).
 */
export function runAttemptInTerminal(options: AttemptRunOptions): Promise<boolean> {
  return new AttemptRunner(options).run();
}

class AttemptRunner {
  private readonly resolved: ResolvedBank;
  private readonly c;
  private readonly terminal: Terminal;
  private readonly clock: Clock;
  private live!: LiveAttempt;
  /** The question on screen was opened from the review screen: answering it goes back there. */
  private openedFromReview = false;

  constructor(private readonly options: AttemptRunOptions) {
    this.resolved = options.resolved;
    this.terminal = options.terminal;
    this.clock = options.clock;
    this.c = makeTheme(options.terminal.color);
  }

  private get mode(): AttemptMode {
    return this.options.mode;
  }

  private get state(): session.SessionState {
    return this.live.state;
  }

  private get scope(): AttemptScope {
    const { store, resolved, clock } = this.options;
    return { store, resolved, clock };
  }

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
    this.live = LiveAttempt.resume(this.scope, this.mode, this.options.confidence);
    return true;
  }

  private async begin(): Promise<boolean> {
    // A bank has at most one open practice round: offer it before starting another.
    const open = checkNewStart(this.scope, this.mode);
    if (open) {
      const choice = await this.offerOpenRound(open);
      if (choice === 'resume') return this.resume();
      if (choice !== 'new') return false;
      abandonRound(this.scope, open);
    }
    const seed = this.options.seed();
    const untimed = this.mode === 'practice' && !this.options.timed;
    if (!(await this.startScreen(untimed))) return false;
    const settings: InteractiveSettings = { confidence: Boolean(this.options.confidence), timed: !untimed };
    this.live = LiveAttempt.start(this.scope, { mode: this.mode, seed, untimed, settings });
    return true;
  }

  /** A practice round of this bank is open: resume it, close it and start a new one, or leave. */
  private async offerOpenRound(open: AttemptRow): Promise<string> {
    const answered = this.options.store.answers(open.id).filter((a) => isAnswered(a.response)).length;
    const screen = openRoundScreen(answered, open.questionIds.length, formatWhen(open.startedAt), this.terminal.color);
    return this.choose(screen, { enterHint: uiMessages.keys.choose }, 'cancel');
  }

  /** The start screen: what this attempt is, and whether it counts. True for "start". */
  private async startScreen(untimed: boolean): Promise<boolean> {
    const decision = this.mode === 'exam' ? retakeDecision(this.scope) : undefined;
    const screen = startScreen({
      bank: this.resolved.bank,
      mode: this.mode,
      untimed,
      failedSoFar: decision?.kind === 'allowed' ? decision.failedSoFar : 0,
      color: this.terminal.color,
    });
    const picked = await this.choose(
      screen,
      { keys: { escape: 'cancel' }, enterHint: uiMessages.keys.chooseOrBack },
      'cancel',
    );
    return picked === 'start';
  }

  /** A choice on a plain screen (no status line): the value picked, or `otherwise` when interrupted. */
  private async choose(
    screen: { body: string; bodyHang?: number; pinned?: string; choices: { value: string; label: string }[] },
    extra: { keys?: Record<string, string>; enterHint: string },
    otherwise: string,
  ): Promise<string> {
    const result = await this.guard((context) =>
      choicePrompt(
        {
          screen: { ...this.baseScreen(), body: screen.body, bodyHang: screen.bodyHang, pinned: screen.pinned },
          choices: screen.choices,
          ...extra,
        },
        context,
      ),
    );
    return result.ok && result.value.kind === 'answer' ? result.value.value : otherwise;
  }

  // ---------------------------------------------------------------- the question loop

  private async loop(): Promise<Ending> {
    // What was on screen when a question was left unanswered (choices ticked, labels chosen so
    // far, text written), shown again when the learner comes back to it.
    const drafts = new Map<string, unknown>();
    this.live.markShown();
    // The question whose text input was open when Ctrl+C came, to reopen it on "keep going".
    let writing: string | undefined;
    let keepWriting: string | undefined;
    while (!session.isOver(this.state)) {
      writing = undefined;
      const id = this.live.currentId;
      const question = this.live.question(id);
      this.live.savePosition();
      const settled = session.isSettled(this.state, id);
      const readOnly = settled || session.isQuestionClosed(this.state, id, this.clock());
      const guideline = this.resolved.bank.exam.openBook || this.mode === 'practice';
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
                onDraft: (draft) => this.live.saveDraft(question, draft),
                keepWriting: keepWriting === id,
                onWriting: (on) => (writing = on ? id : undefined),
              }),
        readOnly ? undefined : session.questionDeadline(this.state, id),
      );
      if (!result.ok) {
        if (result.why === 'exam-deadline') return this.live.expire();
        if (result.why === 'question-deadline') {
          const ended = await this.moveOnOrReview();
          if (ended) return ended;
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
      const ended = await this.act(question, outcome, { settled, fromReview });
      if (ended) return ended;
      this.live.tick();
    }
    return this.live.ending;
  }

  /** Does what the learner did on a question's screen; an ending when the attempt ended meanwhile. */
  private async act(
    question: Question,
    outcome: Outcome<unknown>,
    { settled, fromReview }: { settled: boolean; fromReview: boolean },
  ): Promise<Ending | undefined> {
    const id = question.id;
    switch (outcome.kind) {
      case 'answer': {
        // Nothing written is no answer: the question stays unanswered (any draft is cleared).
        if (question.type === 'free-text' && (typeof outcome.value === 'string' ? outcome.value : '').trim() === '')
          this.live.save(id, { text: '', self: [] });
        else {
          const ended = await this.recordAnswer(question, outcome.value);
          if (ended === 'retry') return undefined; // the same question again
          if (ended) return ended;
        }
        return fromReview ? this.reviewEnding() : this.moveOnOrReview();
      }
      case 'back':
        this.live.back();
        return undefined;
      case 'skip':
        return this.moveOnOrReview();
      case 'flag':
        this.live.toggleFlag(id);
        return undefined;
      case 'guideline': {
        const text = guidelineText(this.resolved.guideline, question.sections, this.terminal.color);
        return (await this.page(text, this.resolved.guideline.title)) ? undefined : this.live.expire();
      }
      case 'view': {
        const text = settled ? this.settledText(question) : questionBody(question, this.terminal.color);
        return (await this.page(text, this.resolved.bank.title)) ? undefined : this.live.expire();
      }
      case 'review':
        return this.reviewEnding();
    }
  }

  /** The next question, or the review screen after the last one; an ending when the attempt ended there. */
  private async moveOnOrReview(): Promise<Ending | undefined> {
    return this.live.moveOn() ? undefined : this.reviewEnding();
  }

  private async reviewEnding(): Promise<Ending | undefined> {
    const reviewed = await this.review();
    return reviewed === 'continue' ? undefined : reviewed;
  }

  /**
   * A practice question answered before: the question, the answer given and its feedback; it
   * cannot be answered again.
   */
  private settledText(question: Question): string {
    const response = this.state.answers[question.id];
    const color = this.terminal.color;
    const feedback = feedbackText(questionResult(question, response, this.resolved.guideline), color);
    return `${questionBody(question, color)}\n\n${this.c.dim(uiMessages.practiceAnswered)}\n${feedback}`;
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

  /**
   * Completes the response (rationale, confidence), saves it at once, and in practice asks the
   * self-assessment and then shows the feedback, scored with it; the answer is then settled.
   * Returns an ending when time ran out meanwhile.
   */
  private async recordAnswer(question: Question, value: unknown): Promise<Ending | 'retry' | undefined> {
    const previous = this.state.answers[question.id];
    const response: Response =
      question.type === 'free-text'
        ? { text: typeof value === 'string' ? value : '', self: [] }
        : { answer: value, self: [] };
    if (previous?.rationale) response.rationale = previous.rationale;
    if (question.type !== 'free-text' && question.rubric.some((c) => c.check !== 'self')) {
      // The rubric reads a rationale: ask for it, so its criteria can be earned.
      const body = `${questionBody(question, this.terminal.color)}\n\n${this.c.bold(uiMessages.rationalePrompt)}`;
      const rationale = await this.guard((context) =>
        textPrompt({ screen: { ...this.questionScreen(question.id), body }, draft: previous?.rationale }, context),
      );
      if (!rationale.ok) return this.interruptedAnswer(question, response, rationale.why);
      response.rationale = rationale.value;
    }
    if (this.live.settings.confidence) {
      const picked = await this.guard((context) => askConfidence(question, this.questionScreen(question.id), context));
      if (!picked.ok) return this.interruptedAnswer(question, response, picked.why);
      if (picked.value.kind === 'answer' && isConfidence(picked.value.value)) response.confidence = picked.value.value;
    }
    if (!this.live.save(question.id, response)) return undefined;
    if (this.mode !== 'practice') return undefined;

    // Practice: the self-assessment of `self` criteria first, so the feedback scores the answer
    // as the report will.
    const self = await this.selfAssess(question);
    if (self === 'expired') return this.live.expire();
    const assessed: Response = self ? { ...response, self } : response;
    const result = questionResult(question, assessed, this.resolved.guideline);
    // The report counts what was right at the first try; a second try keeps the first verdict.
    assessed.firstTryCorrect = previous?.firstTryCorrect ?? result.fullCredit;
    if (!result.fullCredit && previous?.firstTryCorrect === undefined && question.type !== 'free-text') {
      // One more try before the key is shown (as Moodle's interactive behaviour does). The answer
      // stays open meanwhile, so a resumed round asks it again, without a third try.
      this.live.save(question.id, { ...assessed, unfinished: true });
      const offer = await this.offerRetry(question, result.score.earned > 0);
      if (offer !== 'show') return offer;
    }
    this.live.save(question.id, assessed);
    const shown = await this.guard((context) =>
      pagerPrompt(
        {
          screen: { ...this.baseScreen(this.status()), title: this.resolved.bank.title },
          text: feedbackText(result, this.terminal.color),
          hint: uiMessages.continueHint,
        },
        context,
      ),
    );
    this.live.settle(question.id);
    if (!shown.ok && shown.why === 'exam-deadline') return this.live.expire();
    // Ctrl+C on the feedback asks, as it does on a question; the answer is settled either way.
    if (!shown.ok && shown.why === 'quit' && (await this.confirmQuit())) return 'saved';
    return undefined;
  }

  /** After a wrong first answer in practice: try again, or see the answer now. */
  private async offerRetry(question: Question, partly: boolean): Promise<'retry' | 'show' | 'expired' | 'saved'> {
    while (true) {
      const verdict = partly ? uiMessages.partly : uiMessages.wrong;
      // The verdict is pinned above the two choices: on a long question it would otherwise be
      // below the fold, leaving "Try again / Show the answer" with no reason on screen.
      const result = await this.guard((context) =>
        choicePrompt(
          {
            screen: {
              ...this.questionScreen(question.id),
              body: questionBody(question, this.terminal.color),
              pinned: `${this.c.yellow.bold(verdict)} · ${uiMessages.tryAgainNote}`,
            },
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
      if (result.why === 'exam-deadline') return this.live.expire();
      if (await this.confirmQuit()) return 'saved';
    }
  }

  /** The answer part that was given is kept even when the rest of the prompts were interrupted. */
  private async interruptedAnswer(
    question: Question,
    response: Response,
    why: Interrupt,
  ): Promise<'expired' | 'saved' | undefined> {
    this.live.save(question.id, response);
    if (why === 'exam-deadline') return this.live.expire();
    if (why === 'quit' && (await this.confirmQuit())) return 'saved';
    return undefined;
  }

  /** Ticks the `self` criteria that hold, after the model answer; undefined when there are none. */
  private async selfAssess(question: Question): Promise<string[] | undefined | 'expired'> {
    if (!question.rubric.some((c) => c.check === 'self')) return undefined;
    const given = this.state.answers[question.id];
    const result = await this.guard((context) =>
      askSelfAssessment(question, {
        screen: this.questionScreen(question.id),
        checked: given?.self ?? [],
        context,
        ownAnswer: ownAnswerText(question, given),
      }),
    );
    if (!result.ok) return result.why === 'exam-deadline' ? 'expired' : undefined;
    return result.value.kind === 'answer' ? result.value.value : undefined;
  }

  // ---------------------------------------------------------------- review, quit, finish

  private standing(): Standing {
    return {
      rows: session.reviewRows(this.state, this.clock()),
      question: (id) => this.live.question(id),
      answers: this.state.answers,
      mode: this.mode,
      color: this.terminal.color,
    };
  }

  /** The review screen; "continue" after moving to a question, or how the attempt ended. */
  private async review(): Promise<'continue' | Ending> {
    while (true) {
      const standing = this.standing();
      const screen = reviewScreen(standing, session.progress(this.state), this.state.sequential);
      const result = await this.guard((context) =>
        choicePrompt(
          {
            screen: { ...this.baseScreen(this.status()), body: screen.body },
            choices: screen.choices,
            default: screen.default,
            // Narrow window: the question type goes first, then the id, so its words stay readable.
            dropColumns: [2, 1],
            keys: { escape: 'return' },
            enterHint: uiMessages.keys.chooseOrBack,
            nav: { quitHint: true },
          },
          context,
        ),
      );
      if (!result.ok) {
        if (result.why === 'exam-deadline') return this.live.expire();
        if (await this.confirmQuit()) return 'saved';
        continue;
      }
      const value = result.value.kind === 'answer' ? result.value.value : 'return';
      if (value === 'return') return 'continue';
      if (value === 'submit') {
        const confirmed = await this.confirmSubmit(standing);
        if (confirmed === 'expired') return this.live.expire();
        if (confirmed === 'saved') return 'saved';
        if (!confirmed) continue;
        if (this.mode === 'exam' && (await this.selfAssessAll()) === 'expired') return this.live.expire();
        return this.live.submit();
      }
      this.live.goTo(Number(value));
      this.openedFromReview = true;
      return 'continue';
    }
  }

  /**
   * Before submitting: when questions are still flagged or not answered, lists them and asks
   * again. True to submit, false to go back to the review screen.
   */
  private async confirmSubmit(standing: Standing): Promise<boolean | 'expired' | 'saved'> {
    const screen = confirmSubmitScreen(standing);
    if (!screen) return true;
    const result = await this.guard((context) =>
      choicePrompt(
        {
          screen: { ...this.baseScreen(this.status()), body: screen.body },
          choices: screen.choices,
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

  /** At submit (exam): the self-assessment of every answered question with `self` criteria. */
  private async selfAssessAll(): Promise<'expired' | undefined> {
    for (const id of this.state.questionIds) {
      const response = this.state.answers[id];
      if (!hasAnswer(response)) continue;
      const self = await this.selfAssess(this.live.question(id));
      if (self === 'expired') return 'expired';
      if (self) this.live.save(id, { ...response, self });
    }
    return undefined;
  }

  /** Ctrl+C: "Save and quit?". Ctrl+C again, or yes, quits; the attempt stays in progress. */
  private async confirmQuit(): Promise<boolean> {
    const screen = quitScreen(this.state.deadlineAt !== undefined, this.terminal.color);
    const result = await this.guard((context) =>
      choicePrompt(
        {
          screen: { ...this.baseScreen(this.status()), body: screen.body },
          choices: screen.choices,
          keys: { escape: 'stay' },
          enterHint: uiMessages.keys.chooseOrBack,
        },
        context,
      ),
    );
    if (!result.ok) {
      if (result.why === 'exam-deadline') return false;
    } else if (result.value.kind === 'answer' && result.value.value === 'stay') return false;
    const left = this.live.remainingMs();
    const message = uiMessages.savedForLater(
      this.options.resumeCommand,
      left === undefined ? undefined : formatRemaining(left),
    );
    this.options.out(wrapMessage(message, this.terminal.size().columns - 1));
    return true;
  }

  /**
   * Scores and closes the attempt, then shows the mistake report (paged when long), headed by
   * `why` when time ran out.
   */
  private async finish(status: 'submitted' | 'expired', why: string = uiMessages.timeUp): Promise<void> {
    const report = this.live.finish(status);
    const { columns, rows } = this.terminal.size();
    // The pager keeps the last column free; the report is laid out for the same width, so the
    // pager never has to break its lines a second time.
    const width = columns - 1;
    // "Time is up" heads the report itself, so it is never left above a later screen.
    const timeUp = status === 'expired' ? `${wrapLines(this.c.red.bold(why), width).join('\n')}\n\n` : '';
    const text =
      timeUp +
      renderText(report, { color: this.terminal.color, width }) +
      (this.options.afterReport?.(report, width) ?? '');
    const next = this.nextAttemptNote(report.passed);
    if (text.split('\n').length < rows - 1) {
      // The report was printed whole; it names the time of a wait itself, not "now" or a lockout for good.
      this.options.out(next && report.nextAttemptAt === null ? `${text}\n${wrapMessage(next, width)}\n` : text);
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
    this.options.out(wrapMessage(uiMessages.afterReport(report.percent, report.passed, next), width));
  }

  /**
   * After a failed exam: when the next attempt opens (or that it is open now, or locked out), as
   * the home screen and `history` say it. Read after the attempt was closed, so its wait counts.
   */
  private nextAttemptNote(passed: boolean): string | undefined {
    if (this.mode !== 'exam' || passed) return undefined;
    const decision = retakeDecision(this.scope);
    const n = uiMessages.nextAttempt;
    switch (decision.kind) {
      case 'allowed':
        return n.available;
      case 'wait':
        return n.wait(formatWhen(decision.until), decision.until - this.clock());
      case 'locked-out':
        return decision.until === undefined ? n.lockedForGood : n.lockedUntil(formatWhen(decision.until));
      case 'clock-rollback':
        return undefined;
    }
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
      title: this.resolved.bank.title,
      status,
      color: this.terminal.color,
      size: screenSize(this.terminal),
      clock: this.clock,
    };
  }

  private questionScreen(id: string): Omit<ScreenConfig, 'body'> {
    const flagged = this.state.flagged.includes(id);
    return this.baseScreen({
      ...this.status(),
      questionDeadlineAt: session.questionDeadline(this.state, id),
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
    // Before an attempt is open (start screens) there is no exam deadline yet.
    if (withExamDeadline) schedule((this.live as LiveAttempt | undefined)?.state.deadlineAt, 'exam-deadline');
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
