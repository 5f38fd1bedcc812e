import type { Bank, Question } from '../content/types.js';

/** A small, fast, seedable generator (mulberry32): the same seed always draws the same exam. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seed for when the user gives none; it is recorded with the attempt so it can be replayed. */
export function newSeed(): number {
  return Math.floor(Math.random() * 2 ** 31);
}

/**
 * Draws the questions of one attempt: a seeded shuffle of the bank, cut to `exam.draw`
 * (all questions when the bank sets no draw or asks for more than it has). `count` overrides
 * the bank's draw, e.g. to check a whole answer key.
 */
export function drawQuestions(bank: Bank, seed: number, count = bank.exam.draw): Question[] {
  const random = seededRandom(seed);
  const pool = [...bank.questions];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, Math.min(count ?? pool.length, pool.length));
}
