import type { MultiSelectQuestion, SingleChoiceQuestion } from '../../content/types.js';
import type { AnswerRules } from './answer-rules.js';

export const singleChoice: AnswerRules<SingleChoiceQuestion> = {
  problem(question, answer) {
    const ids = question.options.map((o) => o.id);
    return typeof answer === 'string' && ids.includes(answer)
      ? undefined
      : `expected one option id (${ids.join(', ')})`;
  },
  // A wrong option may carry partial credit (GIFT's `~%50%`); the key always earns it all.
  credit: (question, answer) =>
    answer === question.answer ? 1 : Math.max(0, question.options.find((o) => o.id === answer)?.credit ?? 0),
};

/** Moodle's rule once options carry credits: the picks' credits added up, kept between 0 and 1. */
function weightedShare(question: MultiSelectQuestion, picks: Set<string>): number {
  const sum = question.options.filter((o) => picks.has(o.id)).reduce((total, o) => total + (o.credit ?? 0), 0);
  return Math.min(1, Math.max(0, sum));
}

/**
 * Each correct pick earns 1/k, each wrong pick costs 1/k (k = number of correct choices), floor 0;
 * with option credits, their sum instead.
 */
export const multiSelect: AnswerRules<MultiSelectQuestion> = {
  problem(question, answer) {
    const ids = question.options.map((o) => o.id);
    const picks = Array.isArray(answer) ? answer : [answer];
    return picks.every((p) => typeof p === 'string' && ids.includes(p))
      ? undefined
      : `expected a list of option ids (${ids.join(', ')})`;
  },
  credit(question, answer) {
    const picks = new Set((Array.isArray(answer) ? answer : [answer]).map(String));
    if (question.options.some((o) => o.credit !== undefined)) return weightedShare(question, picks);
    const k = question.answer.length;
    let share = 0;
    for (const pick of picks) share += question.answer.includes(pick) ? 1 / k : -1 / k;
    return Math.max(0, share);
  },
};
