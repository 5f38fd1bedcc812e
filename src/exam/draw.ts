import { questionList } from '../content/packed-questions.js';
import type { Bank, Question } from '../content/types.js';

/**
 * A small, fast, seedable generator (mulberry32): the same seed always draws the same exam. Its
 * 32-bit words come as signed integers, which V8 keeps unboxed.
 */
function seededWords(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return t ^ (t >>> 14);
  };
}

/** Fractions in [0, 1) from `seededWords`. */
export function seededRandom(seed: number): () => number {
  const next = seededWords(seed);
  return () => (next() >>> 0) / 4294967296;
}

/** A seed for when the user gives none; it is recorded with the attempt so it can be replayed. */
export function newSeed(): number {
  return Math.floor(Math.random() * 2 ** 31);
}

/**
 * `seededRandom(seed)`, drawing whole numbers: `next(n)` is `Math.floor(random() * n)` for the
 * same seed, worked out in 32-bit integers while `n` is at most 65,536. Shuffling ten thousand
 * questions took about 10 ms in floating point (each fraction a new heap number before the code
 * is optimised, as on every exam), and 2 ms so.
 */
export function seededIndex(seed: number): (n: number) => number {
  const next = seededWords(seed);
  return (n) => {
    const bits = next();
    // floor(bits * n / 2^32), its 32-bit word cut in two halves of 16 bits, exactly.
    if (n <= 0x10000) return ((bits >>> 16) * n + (((bits & 0xffff) * n) >>> 16)) >>> 16;
    return Math.floor(((bits >>> 0) / 4294967296) * n);
  };
}

/**
 * Draws the questions of one attempt: a seeded shuffle of the bank, cut to `exam.draw`
 * (all questions when the bank sets no draw or asks for more than it has). `count` overrides
 * the bank's draw, e.g. to check a whole answer key.
 */
export function drawQuestions(bank: Bank, seed: number, count = bank.exam.draw): Question[] {
  const questions = questionList(bank);
  // The places are shuffled, not the questions: whole numbers in a typed array stay unboxed.
  const places = new Uint32Array(questions.length);
  for (let i = 0; i < places.length; i++) places[i] = i;
  const next = seededIndex(seed);
  for (let i = places.length - 1; i > 0; i--) {
    const j = next(i + 1);
    const place = places[i]!;
    places[i] = places[j]!;
    places[j] = place;
  }
  return Array.from(places.subarray(0, Math.min(count ?? places.length, places.length)), (i) => questions.at(i));
}
