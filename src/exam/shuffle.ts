import type { Choice, Question } from '../content/types.js';
import { seededRandom } from './draw.js';

/**
 * The order an attempt shows each question's options or items in: question id -> the ids of its
 * options (single-choice, multi-select) or items (ranking, label-each), first shown first. It is
 * recorded with the attempt, so a resume and the report show what the learner saw. A question
 * missing from it is shown in the author's order (old attempts, `shuffle: false`, scales).
 */
export type DisplayOrder = Record<string, string[]>;

/** The options or items a question shows in a shuffled order, if it has any (scales never do). */
function choicesOf(question: Question): readonly Choice[] | undefined {
  switch (question.type) {
    case 'single-choice':
    case 'multi-select':
      return question.options;
    case 'ranking':
    case 'label-each':
      return question.items;
    default:
      return undefined;
  }
}

/** A 32-bit FNV-1a hash: one question's own stream of the attempt's seed. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The ids of a question's options or items in the order an attempt with this seed shows them
 * (a seeded shuffle of the author's order), or undefined when the question keeps the author's
 * order: `shuffle: false`, or a type without options to shuffle.
 */
export function displayOrder(seed: number, question: Question): string[] | undefined {
  const choices = choicesOf(question);
  if (!choices || ('shuffle' in question && question.shuffle === false)) return undefined;
  const ids = choices.map((c) => c.id);
  const random = seededRandom(hash(`${seed >>> 0}:${question.id}`));
  for (let i = ids.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
  }
  return ids;
}

/** The display order of every question of an attempt drawn with this seed. */
export function attemptOrder(seed: number, questions: readonly Question[]): DisplayOrder {
  const order: DisplayOrder = {};
  for (const question of questions) {
    const ids = displayOrder(seed, question);
    if (ids) order[question.id] = ids;
  }
  return order;
}

/**
 * Choices in the recorded order; any the record does not name (added to the bank since) follow in
 * the author's order.
 */
function arrange(choices: readonly Choice[], order: readonly string[]): Choice[] {
  const rank = new Map(order.map((id, i) => [id, i]));
  const at = (c: Choice) => rank.get(c.id) ?? order.length;
  // Array.prototype.sort is stable: the unnamed ones keep the author's order among themselves.
  return [...choices].sort((a, b) => at(a) - at(b));
}

/**
 * The question as shown: its options or items in the given order (ids and everything else
 * untouched, so scoring and answers files are unaffected). Without an order, the question as written.
 */
export function inDisplayOrder(question: Question, order: readonly string[] | undefined): Question {
  if (!order) return question;
  switch (question.type) {
    case 'single-choice':
    case 'multi-select':
      return { ...question, options: arrange(question.options, order) };
    case 'ranking':
    case 'label-each':
      return { ...question, items: arrange(question.items, order) };
    default:
      return question;
  }
}
