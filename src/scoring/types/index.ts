import type { Question } from '../../content/types.js';
import { multiSelect, singleChoice } from './choice.js';
import { labelEach, ranking } from './items.js';
import { preference, rating } from './scale.js';
import { trueFalse } from './true-false.js';

/** How one question type reads and credits an answer against its key. */
export interface AnswerRules<Q extends Question> {
  /** Why an answer cannot be understood for this question, or undefined when it can. */
  problem(question: Q, answer: unknown): string | undefined;
  /** The share of the key's points the answer earns, between 0 and 1. */
  credit(question: Q, answer: unknown): number;
}

type RulesByType = { [T in Exclude<Question['type'], 'free-text'>]: AnswerRules<Extract<Question, { type: T }>> };

const RULES: RulesByType = {
  'single-choice': singleChoice,
  'multi-select': multiSelect,
  'true-false': trueFalse,
  rating,
  preference,
  ranking,
  'label-each': labelEach,
};

/** The answer-key rules of a question, or undefined for free text (scored by its rubric only). */
export function answerRulesFor(question: Question): AnswerRules<Question> | undefined {
  if (question.type === 'free-text') return undefined;
  return RULES[question.type] as AnswerRules<Question>;
}
