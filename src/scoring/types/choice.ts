import type { MultiSelectQuestion, SingleChoiceQuestion } from '../../content/types.js';
import type { AnswerRules } from './answer-rules.js';

export const singleChoice: AnswerRules<SingleChoiceQuestion> = {
  problem(question, answer) {
    const ids = question.options.map((o) => o.id);
    return typeof answer === 'string' && ids.includes(answer) ? undefined : `expected one option id (${ids.join(', ')})`;
  },
  credit: (question, answer) => (answer === question.answer ? 1 : 0),
};

/** Each correct pick earns 1/k, each wrong pick costs 1/k (k = number of correct choices), floor 0. */
export const multiSelect: AnswerRules<MultiSelectQuestion> = {
  problem(question, answer) {
    const ids = question.options.map((o) => o.id);
    const picks = Array.isArray(answer) ? answer : [answer];
    return picks.every((p) => typeof p === 'string' && ids.includes(p)) ? undefined : `expected a list of option ids (${ids.join(', ')})`;
  },
  credit(question, answer) {
    const picks = new Set((Array.isArray(answer) ? answer : [answer]).map(String));
    const k = question.answer.length;
    let share = 0;
    for (const pick of picks) share += question.answer.includes(pick) ? 1 / k : -1 / k;
    return Math.max(0, share);
  },
};
