import { MAX_MATCHED_TEXT, rubricPatternMatches } from '../content/regex.js';
import type { ConceptsCheck, Criterion, Question } from '../content/types.js';
import { conceptsHold } from './concepts.js';
import { hasAnswer, type Response } from './response.js';
import { answerRulesFor } from './types/index.js';

export const KEY_CRITERION_ID = 'key';

export interface CriterionResult {
  id: string;
  text: string;
  points: number;
  /** Points this criterion contributed (negative for a pitfall that holds). */
  earned: number;
  /** Whether the criterion holds for the response (for the key: full credit). */
  holds: boolean;
  sections: string[];
  critical: boolean;
  /** A critical criterion that was missed (or a critical pitfall that was committed). */
  criticalMissed: boolean;
}

export interface QuestionScore {
  questionId: string;
  answered: boolean;
  /** Clamped to [0, max]. */
  earned: number;
  /** The sum of the positive points of every criterion. */
  max: number;
  criteria: CriterionResult[];
  criticalMissed: boolean;
  /** Points available per section (positive criteria, split evenly over their sections). */
  maxBySection: Record<string, number>;
  /** Points lost per section; sums to max - earned. */
  lostBySection: Record<string, number>;
}

/** The answer key as the rubric's implicit first criterion. */
export function keyCriterion(question: Question): Criterion | undefined {
  if (question.type === 'free-text') return undefined;
  return {
    id: KEY_CRITERION_ID,
    text: 'Matches the answer key',
    points: question.points,
    sections: question.sections,
    critical: question.critical,
    check: 'self',
  };
}

/** The text that `any`, `matches` and `concepts` checks read: the written answer plus the rationale. */
export function responseText(question: Question, response: Response | undefined): string {
  if (!response) return '';
  const written =
    question.type === 'free-text'
      ? (response.text ?? (typeof response.answer === 'string' ? response.answer : ''))
      : '';
  return [written, response.rationale ?? ''].join('\n').slice(0, MAX_MATCHED_TEXT);
}

/**
 * Decides a `concepts` check on a text: `conceptsHold` itself, or the same verdicts remembered
 * from an earlier run (see attempt/concept-memo.ts), which spares loading the language model.
 */
export type ConceptJudge = (check: ConceptsCheck, text: string) => boolean;

function holds(criterion: Criterion, text: string, response: Response | undefined, judge: ConceptJudge): boolean {
  const check = criterion.check;
  if (check === 'self') return response?.self.includes(criterion.id) ?? false;
  if ('concepts' in check) return judge(check, text);
  if ('any' in check) {
    const lower = text.toLowerCase();
    return check.any.some((phrase) => lower.includes(phrase.toLowerCase()));
  }
  // Patterns run on the linear-time engine, so no answer can make this slow (see content/regex.ts).
  return rubricPatternMatches(check.matches, text);
}

function addTo(target: Record<string, number>, sections: readonly string[], amount: number): void {
  if (amount === 0 || sections.length === 0) return;
  for (const section of sections) target[section] = (target[section] ?? 0) + amount / sections.length;
}

/**
 * Scores one question by its rubric: the answer key first, then every extra criterion.
 * The score is clamped to [0, max]; lost points are charged to the sections of the criteria
 * that lost them (scaled so they add up to what was really lost after clamping).
 */
export function scoreQuestion(
  question: Question,
  response: Response | undefined,
  judge: ConceptJudge = conceptsHold,
): QuestionScore {
  const text = responseText(question, response);
  const results: CriterionResult[] = [];
  const key = keyCriterion(question);
  const rules = answerRulesFor(question);
  if (key && rules) {
    const answered = response?.answer !== undefined;
    const credit = answered ? rules.credit(question, response.answer) : 0;
    const full = credit >= 1 - 1e-9;
    results.push({ ...key, earned: credit * key.points, holds: full, criticalMissed: key.critical && !full });
  }
  for (const criterion of question.rubric) {
    const held = holds(criterion, text, response, judge);
    const positive = criterion.points > 0;
    results.push({
      ...criterion,
      earned: held ? criterion.points : 0,
      holds: held,
      criticalMissed: criterion.critical && (positive ? !held : held),
    });
  }

  const max = results.reduce((sum, c) => sum + Math.max(0, c.points), 0);
  const raw = results.reduce((sum, c) => sum + c.earned, 0);
  const earned = Math.min(max, Math.max(0, raw));

  const maxBySection: Record<string, number> = {};
  const rawLoss: Record<string, number> = {};
  for (const c of results) {
    if (c.points > 0) {
      addTo(maxBySection, c.sections, c.points);
      addTo(rawLoss, c.sections, c.points - c.earned);
    } else if (c.holds) {
      addTo(rawLoss, c.sections, -c.points);
    }
  }
  const totalRawLoss = Object.values(rawLoss).reduce((a, b) => a + b, 0);
  const lost = max - earned;
  const lostBySection: Record<string, number> = {};
  if (totalRawLoss > 0 && lost > 0) {
    for (const [section, amount] of Object.entries(rawLoss)) lostBySection[section] = (amount * lost) / totalRawLoss;
  }

  return {
    questionId: question.id,
    // An empty free-text answer is no answer at all.
    answered: hasAnswer(response),
    earned,
    max,
    criteria: results,
    criticalMissed: results.some((c) => c.criticalMissed),
    maxBySection,
    lostBySection,
  };
}

/**
 * Whether a response earns every point without missing a critical criterion: what
 * `scoreQuestion` says (earned >= max, no critical miss), without building its breakdown. The
 * study analytics ask this of every answer of every attempt.
 */
export function fullCredit(question: Question, response: Response | undefined): boolean {
  let max = 0;
  let raw = 0;
  const rules = answerRulesFor(question);
  if (question.type !== 'free-text' && rules) {
    const credit = response?.answer !== undefined ? rules.credit(question, response.answer) : 0;
    if (question.critical && credit < 1 - 1e-9) return false;
    max += Math.max(0, question.points);
    raw += credit * question.points;
  }
  if (question.rubric.length) {
    const text = responseText(question, response);
    for (const criterion of question.rubric) {
      const held = holds(criterion, text, response, conceptsHold);
      if (criterion.critical && (criterion.points > 0 ? !held : held)) return false;
      max += Math.max(0, criterion.points);
      raw += held ? criterion.points : 0;
    }
  }
  return Math.min(max, Math.max(0, raw)) >= max - 1e-9;
}
