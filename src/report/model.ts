import type { Guideline, NumericQuestion, Question, ResolvedBank } from '../content/types.js';
import { matchingNumber, matchingText } from '../scoring/types/typed.js';
import type { AttemptScore, SectionMinimumResult, SectionScore } from '../scoring/attempt.js';
import type { Confidence, Response } from '../scoring/response.js';
import { KEY_CRITERION_ID, scoreQuestion, type QuestionScore } from '../scoring/rubric.js';
import type { AttemptMode, EndStatus } from '../exam/attempt-kind.js';

export interface MistakeCriterion {
  id: string;
  text: string;
  points: number;
  earned: number;
  critical: boolean;
}

export interface Mistake {
  questionId: string;
  type: Question['type'];
  prompt: string;
  sections: { id: string; title: string }[];
  rules: { id: string; text: string }[];
  earned: number;
  max: number;
  critical: boolean;
  /** False when the learner gave no answer at all (reported as "not answered", not as wrong). */
  answered: boolean;
  /** The response as given (null when unanswered) and the key, in answers-file shape. */
  response: unknown;
  expected: unknown;
  /** The same two, written for people ("b) The official site", "c > a > b"). */
  responseText: string;
  expectedText: string;
  explanation?: string;
  /** The bank's feedback on each option the learner picked. */
  feedback: string[];
  modelAnswer?: string;
  missedCriteria: MistakeCriterion[];
  confidence?: Confidence;
}

export interface StudyItem {
  sectionId: string;
  title: string;
  lost: number;
  reason: string;
}

export interface ConfidenceRow {
  confidence: Confidence;
  answered: number;
  correct: number;
}

/** Everything a mistake report shows; renderers only format it. Stored with the attempt. */
export interface ReportModel {
  attemptId: number;
  /** Draws the same questions again with `--seed`. */
  seed: number | null;
  bank: { id: string; title: string; version: string };
  guideline: { id: string; title: string };
  mode: AttemptMode;
  status: EndStatus;
  startedAt: string;
  endedAt: string;
  questionCount: number;
  answeredCount: number;
  score: number;
  maxScore: number;
  percent: number;
  passMark: number;
  passed: boolean;
  criticalMisses: { questionId: string; criterionId: string; text: string }[];
  sections: SectionScore[];
  sectionMinimums: SectionMinimumResult[];
  mistakes: Mistake[];
  studyPlan: StudyItem[];
  confidence: ConfidenceRow[];
  /**
   * Practice with "try again": how many answers were fully right at the first try, and which
   * questions needed a second one. Absent when no answer recorded it (exams, answers files).
   */
  firstTry?: { answered: number; correct: number; retried: string[] };
  nextAttemptAt: string | null;
}

/**
 * The label an option or item is shown with: its place in the order the learner saw (a, b, c...),
 * not its id. Options are shuffled per attempt, so an id shown on screen would let a learner
 * learn which ids tend to be keyed; answers files and the database keep using the ids.
 */
export function positionLabel(index: number): string {
  return index < 26 ? String.fromCharCode(97 + index) : String(index + 1);
}

/** An option as the learner saw it, "b) its text", from its id (the options in shown order). */
function optionText(options: { id: string; text: string }[], id: unknown): string {
  const index = options.findIndex((o) => o.id === id);
  return index >= 0 ? `${positionLabel(index)}) ${options[index]!.text}` : String(id);
}

function itemText(items: { id: string; text: string }[], id: unknown): string {
  return items.find((i) => i.id === id)?.text ?? String(id);
}

/** A value from a response or an answers file as text: a scalar as written, anything else as JSON. */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  // JSON.stringify gives undefined for undefined (and functions, symbols): their type names them.
  const json: string | undefined = JSON.stringify(value);
  return json ?? typeof value;
}

/** What the report says for a question the learner left without an answer. */
export const NOT_ANSWERED = 'not answered';

/**
 * A response or key written as the learner saw it on screen, per question type: "True"/"False",
 * option texts, item text -> label, items in their order (never bare ids). Options and labelled
 * items are listed in the order the question has them: the attempt's shown order (see exam/shuffle.ts).
 */
export function describeAnswer(question: Question, answer: unknown): string {
  if (answer === undefined || answer === null) return NOT_ANSWERED;
  switch (question.type) {
    case 'single-choice':
      return optionText(question.options, answer);
    case 'multi-select': {
      // In the order the options were shown (an id that is no option, -1 >>> 0, last).
      const shown = (id: unknown) => question.options.findIndex((o) => o.id === id) >>> 0;
      const picks = (Array.isArray(answer) ? [...(answer as unknown[])] : [answer]).sort((a, b) => shown(a) - shown(b));
      return picks.map((a) => optionText(question.options, a)).join('; ') || '(none picked)';
    }
    case 'true-false':
      return answer === true || textOf(answer).toLowerCase() === 'true' ? 'True' : 'False';
    case 'ranking':
      return Array.isArray(answer) ? answer.map((id) => itemText(question.items, id)).join(' > ') : textOf(answer);
    case 'label-each': {
      if (typeof answer !== 'object') return textOf(answer);
      const labels = answer as Record<string, unknown>;
      // In the question's item order, with the items left without a label said so.
      return question.items
        .map((item) => `${item.text} -> ${labels[item.id] === undefined ? NOT_ANSWERED : textOf(labels[item.id])}`)
        .join('; ');
    }
    default:
      return textOf(answer);
  }
}

/** The full-credit numbers of a numeric question as written (`3 ± 0.5 kg or 1..5 kg`). */
export function fullCreditNumbers(question: NumericQuestion): string {
  const unit = question.unit ? ` ${question.unit}` : '';
  return question.accept
    .filter((a) => a.credit === 1)
    .map((a) => `${a.shown}${unit}`)
    .join(' or ');
}

/** The feedback the bank gives on this answer: of each picked option, or of the matched accepted answer. */
export function pickedFeedback(question: Question, given: unknown): string[] {
  if (question.type === 'short-answer' || question.type === 'numeric') {
    const matched = question.type === 'numeric' ? matchingNumber(question, given) : matchingText(question, given);
    return matched?.feedback ? [matched.feedback] : [];
  }
  if (question.type !== 'single-choice' && question.type !== 'multi-select') return [];
  const picked = (Array.isArray(given) ? given : [given]).map(String);
  return question.options.flatMap((o, i) =>
    o.feedback && picked.includes(o.id) ? [`${positionLabel(i)}) ${o.feedback}`] : [],
  );
}

function keyOf(question: Question): unknown {
  // A numeric key is a range or a value with a tolerance: shown as written, every full-credit one.
  if (question.type === 'numeric') return fullCreditNumbers(question);
  return question.type === 'free-text' ? (question.model_answer ?? null) : question.answer;
}

function responseOf(question: Question, response: Response | undefined): unknown {
  if (!response) return null;
  if (question.type === 'free-text') {
    // Only spaces is nothing written: reported as not answered, like an empty answer.
    const text = response.text ?? response.answer;
    return typeof text === 'string' && text.trim() === '' ? null : (text ?? null);
  }
  return response.answer ?? null;
}

/** The most a question can earn: its answer key's points plus every positive rubric criterion. */
export function maxPoints(question: Question): number {
  return scoreQuestion(question, undefined).max;
}

/**
 * One question's outcome, the single description of it: the mistake report lists those that lost
 * points, practice shows it as feedback right after the answer.
 */
export interface QuestionResult extends Pick<
  Mistake,
  'sections' | 'rules' | 'expected' | 'expectedText' | 'feedback' | 'missedCriteria'
> {
  question: Question;
  response: Response | undefined;
  score: QuestionScore;
  /** Every point earned and no critical criterion missed. */
  fullCredit: boolean;
  /** The response as given, in answers-file shape (null when unanswered), and as people read it. */
  given: unknown;
  givenText: string;
  /** The missed criteria less the answer key and the self-assessed ones: what the rubric itself teaches. */
  rubricMissed: MistakeCriterion[];
}

/** Scores (unless the score is given) and describes one question's answer. */
export function questionResult(
  question: Question,
  response: Response | undefined,
  guideline: Guideline,
  score: QuestionScore = scoreQuestion(question, response),
): QuestionResult {
  const given = responseOf(question, response);
  const expected = keyOf(question);
  const selfChecked = new Set(question.rubric.filter((x) => x.check === 'self').map((x) => x.id));
  const missedCriteria = score.criteria
    .filter((c) => (c.points > 0 ? !c.holds : c.holds))
    .map((c) => ({ id: c.id, text: c.text, points: c.points, earned: c.earned, critical: c.critical }));
  return {
    question,
    response,
    score,
    fullCredit: score.earned >= score.max - 1e-9 && !score.criticalMissed,
    sections: question.sections.map((id) => ({ id, title: guideline.sectionIndex.get(id)?.title ?? id })),
    rules: question.rules.flatMap((id) => {
      const rule = guideline.ruleIndex.get(id);
      return rule ? [{ id, text: rule.text }] : [];
    }),
    given,
    expected,
    givenText: describeAnswer(question, given),
    expectedText: describeAnswer(question, expected),
    feedback: pickedFeedback(question, given),
    missedCriteria,
    rubricMissed: missedCriteria.filter((c) => c.id !== KEY_CRITERION_ID && !selfChecked.has(c.id)),
  };
}

/** A question that lost points, as the report stores it. */
function mistakeOf(result: QuestionResult): Mistake {
  const { question, score } = result;
  return {
    questionId: question.id,
    type: question.type,
    prompt: question.prompt,
    sections: result.sections,
    rules: result.rules,
    earned: Math.round(score.earned * 100) / 100,
    max: score.max,
    critical: score.criticalMissed,
    answered: score.answered,
    response: result.given,
    expected: result.expected,
    responseText: result.givenText,
    expectedText: result.expectedText,
    explanation: question.explanation,
    feedback: result.feedback,
    modelAnswer: question.model_answer,
    missedCriteria: result.missedCriteria,
    confidence: result.response?.confidence,
  };
}

export interface ReportInput {
  attemptId: number;
  seed?: number;
  resolved: ResolvedBank;
  mode: AttemptMode;
  status: EndStatus;
  startedAt: number;
  endedAt: number;
  questions: readonly Question[];
  responses: ReadonlyMap<string, Response>;
  score: AttemptScore;
  nextAttemptAt: number | null;
}

const STUDY_PLAN_LENGTH = 3;

/**
 * Builds the mistake report: every question that lost points, keyed to the guideline sections
 * and rules it tests, and a short study plan of the sections that cost the most.
 */
export function buildReport(input: ReportInput): ReportModel {
  const { resolved, questions, responses, score } = input;
  const { guideline, bank } = resolved;
  const byId = new Map(questions.map((q) => [q.id, q]));

  const mistakes: Mistake[] = score.questions.flatMap((qs) => {
    const question = byId.get(qs.questionId)!;
    const result = questionResult(question, responses.get(question.id), guideline, qs);
    return result.fullCredit ? [] : [mistakeOf(result)];
  });

  const criticalMisses = score.criticalMissed.map((m) => {
    const question = byId.get(m.questionId)!;
    const criterion = question.rubric.find((c) => c.id === m.criterionId);
    const answered = score.questions.find((qs) => qs.questionId === m.questionId)?.answered ?? false;
    const text = !answered
      ? `critical question not answered: "${question.prompt}"`
      : !criterion
        ? `wrong answer to "${question.prompt}"`
        : criterion.points > 0
          ? `missed "${criterion.text}"`
          : `"${criterion.text}"`;
    return { ...m, text };
  });

  const studyPlan: StudyItem[] = [...score.sections]
    .filter((s) => s.lost > 0)
    .sort((a, b) => b.lost - a.lost || a.earned / (a.max || 1) - b.earned / (b.max || 1))
    .slice(0, STUDY_PLAN_LENGTH)
    .map((s) => {
      const critical = mistakes.some((m) => m.critical && m.sections.some((x) => x.id === s.id));
      return {
        sectionId: s.id,
        title: s.title,
        lost: s.lost,
        reason: critical
          ? 'a critical error was made here'
          : `${s.lost} of ${s.max} point${s.max === 1 ? '' : 's'} lost`,
      };
    });

  const confidence: ConfidenceRow[] = (['high', 'medium', 'low'] as const).flatMap((level) => {
    const rated = score.questions.filter((qs) => responses.get(qs.questionId)?.confidence === level);
    if (rated.length === 0) return [];
    return [
      { confidence: level, answered: rated.length, correct: rated.filter((qs) => qs.earned >= qs.max - 1e-9).length },
    ];
  });

  const tracked = questions.filter((q) => responses.get(q.id)?.firstTryCorrect !== undefined);
  const firstTry = tracked.length
    ? {
        answered: tracked.length,
        correct: tracked.filter((q) => responses.get(q.id)!.firstTryCorrect).length,
        retried: tracked.filter((q) => !responses.get(q.id)!.firstTryCorrect).map((q) => q.id),
      }
    : undefined;

  return {
    attemptId: input.attemptId,
    seed: input.seed ?? null,
    bank: { id: bank.id, title: bank.title, version: bank.version },
    guideline: { id: guideline.id, title: guideline.title },
    mode: input.mode,
    status: input.status,
    startedAt: new Date(input.startedAt).toISOString(),
    endedAt: new Date(input.endedAt).toISOString(),
    questionCount: questions.length,
    answeredCount: score.questions.filter((q) => q.answered).length,
    score: score.score,
    maxScore: score.maxScore,
    percent: score.percent,
    passMark: score.passMark,
    passed: score.passed,
    criticalMisses,
    sections: score.sections,
    sectionMinimums: score.sectionMinimums,
    mistakes,
    studyPlan,
    confidence,
    ...(firstTry ? { firstTry } : {}),
    nextAttemptAt: input.nextAttemptAt === null ? null : new Date(input.nextAttemptAt).toISOString(),
  };
}
