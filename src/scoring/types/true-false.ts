import type { TrueFalseQuestion } from '../../content/types.js';
import type { AnswerRules } from './answer-rules.js';

const WORDS: Record<string, boolean> = { true: true, false: false, yes: true, no: false };

/** Reads `true`, `false`, and the words true/false/yes/no in any case. */
export function asBoolean(answer: unknown): boolean | undefined {
  if (typeof answer === 'boolean') return answer;
  if (typeof answer === 'string') return WORDS[answer.trim().toLowerCase()];
  return undefined;
}

export const trueFalse: AnswerRules<TrueFalseQuestion> = {
  problem: (_question, answer) => (asBoolean(answer) === undefined ? 'expected true or false' : undefined),
  credit: (question, answer) => (asBoolean(answer) === question.answer ? 1 : 0),
};
