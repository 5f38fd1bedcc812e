import type { Question } from '../../content/types.js';

/** How one question type reads and credits an answer against its key. */
export interface AnswerRules<Q extends Question> {
  /** Why an answer cannot be understood for this question, or undefined when it can. */
  problem(question: Q, answer: unknown): string | undefined;
  /** The share of the key's points the answer earns, between 0 and 1. */
  credit(question: Q, answer: unknown): number;
}
