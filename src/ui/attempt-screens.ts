import { formatDuration } from '../content/duration.js';
import type { Bank, Question } from '../content/types.js';
import type { AttemptMode } from '../exam/attempt-kind.js';
import type { ReviewRow } from '../exam/session.js';
import { hasAnswer, isAnswered, type Response } from '../scoring/response.js';
import { makeTheme } from '../text/theme.js';
import { uiMessages } from './messages.js';
import type { ChoiceItem } from './prompts/choice.js';
import { distinguishingWords, isCritical } from './question-view.js';
import { safe } from './screen.js';

/**
 * The screens of an interactive attempt that are not a question: the start screen, the review
 * screen, the confirmation before submitting and the one before quitting. Pure: values in, the
 * body and choices of a prompt out (ui/attempt-runner.ts shows them).
 */

/** What the start screen needs to know of the attempt about to start. */
export interface StartFacts {
  bank: Bank;
  mode: AttemptMode;
  untimed: boolean;
  /** Exams only: failed attempts so far under the retake policy. */
  failedSoFar: number;
  color: boolean;
}

/**
 * The start screen: what this attempt is (the body, which may scroll on a small window), and
 * whether it counts (`pinned`: kept on screen right above the choices, never scrolled away).
 */
export function startScreen({ bank, mode, untimed, failedSoFar, color }: StartFacts): {
  body: string;
  bodyHang: number;
  pinned?: string;
  choices: ChoiceItem[];
} {
  const c = makeTheme(color);
  const f = uiMessages.startFacts;
  const exam = bank.exam;
  const lines = [
    f.questions(Math.min(exam.draw ?? bank.questions.length, bank.questions.length)),
    untimed || exam.timeLimitMs === undefined ? f.untimed : f.timeLimit(formatDuration(exam.timeLimitMs)),
    f.passMark(exam.passMark),
    f.openBook(exam.openBook, mode === 'practice'),
    f.sequential(exam.sequential && mode === 'exam'),
    ...(bank.questions.some(isCritical) ? [f.critical] : []),
  ];
  let warning: string;
  if (mode === 'exam') {
    const policy = exam.retake;
    const lockout = policy.lockout.kind === 'permanent' ? 'for good' : `for ${formatDuration(policy.lockout.ms)}`;
    lines.push(f.retake(uiMessages.retakePolicy(policy.waitsMs.map(formatDuration), policy.maxAttempts, lockout)));
    lines.push(f.attemptsUsed(failedSoFar, policy.maxAttempts));
    if (policy.maxAttempts !== undefined && failedSoFar + 1 >= policy.maxAttempts) warning = uiMessages.countsLockout;
    else if (policy.waitsMs.length) {
      const wait = policy.waitsMs[Math.min(failedSoFar + 1, policy.waitsMs.length) - 1]!;
      warning = uiMessages.countsWarning(formatDuration(wait));
    } else warning = '';
  } else {
    warning = uiMessages.practiceNote;
  }
  return {
    body: lines.join('\n'),
    bodyHang: uiMessages.startFactsColumn,
    pinned: warning ? (mode === 'exam' ? c.yellow.bold(warning) : c.dim(warning)) : undefined,
    choices: [
      { value: 'start', label: mode === 'exam' ? uiMessages.startExam : uiMessages.startPractice },
      { value: 'cancel', label: uiMessages.cancel },
    ],
  };
}

/** A practice round is open: resume it, close it and start a new one, or leave. */
export function openRoundScreen(
  answered: number,
  total: number,
  startedAt: string,
  color: boolean,
): { body: string; choices: ChoiceItem[] } {
  return {
    body: makeTheme(color).bold(uiMessages.openRound(answered, total, startedAt)),
    choices: [
      { value: 'resume', label: uiMessages.resumeRound },
      { value: 'new', label: uiMessages.newRound },
      { value: 'cancel', label: uiMessages.cancel },
    ],
  };
}

/** A question's row on the review screen: answered, unanswered, "3 of 5 labelled", or a draft. */
export function answerState(question: Question, response: Response | undefined): string {
  if (isAnswered(response)) return uiMessages.answered;
  if (!hasAnswer(response)) return uiMessages.unanswered;
  if (question.type === 'free-text') return uiMessages.draft;
  // Practice: a wrong first answer waiting for its second try.
  if (question.type !== 'label-each') return uiMessages.secondTryPending;
  const labels = response!.answer as Record<string, unknown>;
  return uiMessages.labelled(
    question.items.filter((item) => labels[item.id] !== undefined).length,
    question.items.length,
  );
}

/** How far a question that is not finished got ("3 of 5 labelled"), or nothing. */
function partState(question: Question, response: Response | undefined): string | undefined {
  return !isAnswered(response) && hasAnswer(response) ? answerState(question, response) : undefined;
}

/** Where an attempt stands, as the review and confirmation screens read it. */
export interface Standing {
  rows: readonly ReviewRow[];
  question: (id: string) => Question;
  answers: Readonly<Record<string, Response>>;
  mode: AttemptMode;
  color: boolean;
}

/** The review screen: one row per question, then submit (or finish) and return. */
export function reviewScreen(
  { rows, question, answers, mode, color }: Standing,
  progress: { number: number; answered: number; total: number; flagged: number },
  sequential: boolean,
): { body: string; choices: ChoiceItem[]; default: string } {
  const c = makeTheme(color);
  const words = distinguishingWords(rows.map((row) => question(row.questionId)));
  const choices: ChoiceItem[] = rows.map((row, i) => {
    const marks = [
      answerState(question(row.questionId), answers[row.questionId]),
      ...(row.flagged ? [uiMessages.flaggedMark] : []),
      ...(row.reachable ? [] : [uiMessages.closed]),
    ];
    // One line per question: id, type and the words that tell it apart, cut to the screen's width.
    const { id, type } = question(row.questionId);
    return {
      value: String(row.index),
      label: uiMessages.reviewRow(row.index + 1, marks.join(' · ')),
      cells: [id, type, words[i]!],
      disabled: !row.reachable,
    };
  });
  // Those with nothing at all score 0; a half-labelled question or a draft is scored as it stands.
  const blank = rows.filter((r) => !hasAnswer(answers[r.questionId])).length;
  const practice = mode === 'practice';
  const submitLabel = blank
    ? practice
      ? uiMessages.finishPracticeWithGaps(blank)
      : uiMessages.submitWithGaps(blank)
    : practice
      ? uiMessages.finishPractice
      : uiMessages.submitNow;
  choices.push({ value: 'submit', label: submitLabel });
  choices.push({ value: 'return', label: uiMessages.returnTo(progress.number) });
  const body = [
    c.bold(uiMessages.reviewTitle),
    uiMessages.reviewSummary(progress.answered, progress.total, progress.flagged),
    ...(sequential ? [c.dim(uiMessages.sequentialNote)] : []),
  ].join('\n');
  return { body, choices, default: rows.some((r) => !r.answered) || progress.flagged ? 'return' : 'submit' };
}

/**
 * Before submitting: the questions still flagged, not answered or not finished, one compact list
 * per kind; undefined when there is nothing to confirm.
 */
export function confirmSubmitScreen({
  rows,
  question,
  answers,
  mode,
  color,
}: Standing): { body: string; choices: ChoiceItem[] } | undefined {
  const c = makeTheme(color);
  // Number, id, and how far a half-done one got, so a long exam's list still fits a small window.
  const list = (some: ReviewRow[]) =>
    `  ${some
      .map((row) =>
        safe(
          uiMessages.confirmRow(
            row.index + 1,
            row.questionId,
            partState(question(row.questionId), answers[row.questionId]),
          ),
        ),
      )
      .join(' · ')}`;
  const flagged = rows.filter((r) => r.flagged);
  // As on the review screen: nothing given scores 0; a half-labelled question or a draft is
  // scored as it stands, so it is "not finished", not "not answered".
  const open = rows.filter((r) => !r.answered && !r.flagged);
  const blank = open.filter((r) => !hasAnswer(answers[r.questionId]));
  const unfinished = open.filter((r) => hasAnswer(answers[r.questionId]));
  if (flagged.length === 0 && open.length === 0) return undefined;
  const exam = mode === 'exam';
  const body = [
    c.bold(exam ? uiMessages.confirmSubmitTitle : uiMessages.confirmFinishTitle),
    ...(flagged.length ? ['', uiMessages.stillFlagged(flagged.length), list(flagged)] : []),
    ...(blank.length ? ['', uiMessages.stillUnanswered(blank.length), list(blank)] : []),
    ...(unfinished.length ? ['', uiMessages.stillUnfinished(unfinished.length), list(unfinished)] : []),
  ].join('\n');
  return {
    body,
    choices: [
      { value: 'back', label: uiMessages.backToReview },
      { value: 'submit', label: exam ? uiMessages.submitAnyway : uiMessages.finishAnyway },
    ],
  };
}

/** Ctrl+C: "Save and quit?"; an untimed round says it waits, an exam that its clock keeps running. */
export function quitScreen(timed: boolean, color: boolean): { body: string; choices: ChoiceItem[] } {
  return {
    body: makeTheme(color).bold(uiMessages.saveAndQuit),
    choices: [
      { value: 'quit', label: timed ? uiMessages.saveAndQuitYes : uiMessages.saveAndQuitPracticeYes },
      { value: 'stay', label: uiMessages.saveAndQuitNo },
    ],
  };
}
