import type { Question } from '../../content/types.js';
import { multiSelect, singleChoice } from './choice.js';
import { labelEach, ranking } from './items.js';
import { preference, rating } from './scale.js';
import { trueFalse } from './true-false.js';
import { numeric, shortAnswer } from './typed.js';
import type { AnswerRules } from './answer-rules.js';

export type { AnswerRules } from './answer-rules.js';

type RulesByType = { [T in Exclude<Question['type'], 'free-text'>]: AnswerRules<Extract<Question, { type: T }>> };

const RULES: RulesByType = {
  'single-choice': singleChoice,
  'multi-select': multiSelect,
  'true-false': trueFalse,
  rating,
  preference,
  ranking,
  'label-each': labelEach,
  'short-answer': shortAnswer,
  numeric,
};

/** The answer-key rules of a question, or undefined for free text (scored by its rubric only). */
export function answerRulesFor(question: Question): AnswerRules<Question> | undefined {
  if (question.type === 'free-text') return undefined;
  return RULES[question.type];
}
