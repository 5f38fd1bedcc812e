import type { PreferenceQuestion, RatingQuestion } from '../../content/types.js';
import type { AnswerRules } from './answer-rules.js';

/** Finds a label on the scale, forgiving case and surrounding spaces. */
function stepOf(scale: readonly string[], answer: unknown): number {
  if (typeof answer !== 'string') return -1;
  const wanted = answer.trim().toLowerCase();
  return scale.findIndex((label) => label.toLowerCase() === wanted);
}

function byDistance(tolerance: readonly number[], distance: number): number {
  return tolerance[distance] ?? 0;
}

function scaleProblem(question: RatingQuestion | PreferenceQuestion, answer: unknown): string | undefined {
  return stepOf(question.scale, answer) < 0
    ? `expected a label of the scale (${question.scale.join(', ')})`
    : undefined;
}

export const rating: AnswerRules<RatingQuestion> = {
  problem: scaleProblem,
  credit(question, answer) {
    const given = stepOf(question.scale, answer);
    if (given < 0) return 0;
    return byDistance(question.tolerance, Math.abs(given - stepOf(question.scale, question.answer)));
  },
};

/**
 * Which side a preference step favours: -1 for A, +1 for B, 0 for the neutral middle of an
 * odd-length scale. Steps before the middle favour A.
 */
export function sideOf(scaleLength: number, step: number): -1 | 0 | 1 {
  const middle = (scaleLength - 1) / 2;
  if (step < middle) return -1;
  if (step > middle) return 1;
  return 0;
}

/** Credit by distance, as for ratings, but nothing for preferring the other side than the key. */
export const preference: AnswerRules<PreferenceQuestion> = {
  problem: scaleProblem,
  credit(question, answer) {
    const given = stepOf(question.scale, answer);
    if (given < 0) return 0;
    const key = stepOf(question.scale, question.answer);
    const keySide = sideOf(question.scale.length, key);
    const givenSide = sideOf(question.scale.length, given);
    if (keySide !== 0 && givenSide !== 0 && keySide !== givenSide) return 0;
    return byDistance(question.tolerance, Math.abs(given - key));
  },
};
