import { Rating, type Grade } from 'ts-fsrs';
import type { Confidence } from '../scoring/response.js';

/** How one drill answer went, as the grade needs it. */
export interface AnswerFacts {
  correct: boolean;
  /** Time from showing the card to the answer. */
  elapsedMs: number;
  /** The time a question of this kind should take (see expectedAnswerMs). */
  expectedMs: number;
  confidence?: Confidence;
}

/** Quicker than this share of the expected time counts as fast. */
export const FAST_SHARE = 0.5;

/**
 * The FSRS grade an answer earns: wrong -> Again; right but slow (over the expected time) or
 * unsure (low confidence) -> Hard; right, fast and sure (high confidence) -> Easy; otherwise
 * right -> Good. The learner never grades themselves: the answer does.
 */
export function gradeAnswer(facts: AnswerFacts): Grade {
  if (!facts.correct) return Rating.Again;
  if (facts.elapsedMs > facts.expectedMs || facts.confidence === 'low') return Rating.Hard;
  if (facts.elapsedMs <= facts.expectedMs * FAST_SHARE && facts.confidence === 'high') return Rating.Easy;
  return Rating.Good;
}

/** Without a time limit to go by, a question is expected to take a minute. */
export const DEFAULT_EXPECTED_MS = 60_000;

/**
 * The time one question should take: the exam's limit shared out over the questions it draws
 * (a question's own limit wins), or a minute when the bank is untimed.
 */
export function expectedAnswerMs(examLimitMs: number | undefined, questionsDrawn: number, ownLimitMs?: number): number {
  if (ownLimitMs !== undefined) return ownLimitMs;
  if (examLimitMs === undefined || questionsDrawn <= 0) return DEFAULT_EXPECTED_MS;
  return examLimitMs / questionsDrawn;
}

/** The name of a grade, as the drill screen and --json show it. */
export function gradeName(grade: Grade): 'again' | 'hard' | 'good' | 'easy' {
  return grade === Rating.Again ? 'again' : grade === Rating.Hard ? 'hard' : grade === Rating.Good ? 'good' : 'easy';
}
