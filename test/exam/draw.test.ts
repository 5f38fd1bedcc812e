import { describe, expect, it } from 'vitest';
import type { Bank, Question } from '../../src/content/types.js';
import { drawQuestions, seededIndex, seededRandom } from '../../src/exam/draw.js';

/** A bank of `n` questions q0, q1, ... (the draw reads only the questions and the draw count). */
const bankOf = (n: number, draw?: number): Bank =>
  ({
    exam: { draw },
    questions: Array.from({ length: n }, (_, i) => ({ id: `q${i}` }) as Question),
  }) as unknown as Bank;

/**
 * The shuffle as earlier versions drew it, in floating point: an attempt recorded with a seed
 * (`--seed`, or the one `history` shows) must draw the same questions when taken again.
 */
function floatingDraw(ids: string[], seed: number, count: number): string[] {
  const random = seededRandom(seed);
  const pool = [...ids];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, count);
}

describe('drawing an exam', () => {
  it('draws for a seed the questions earlier versions drew for it', () => {
    for (const [size, draw] of [
      [1, 1],
      [7, 3],
      [500, 40],
      [10_000, 50],
      [70_000, 60],
    ] as const) {
      const bank = bankOf(size, draw);
      const ids = bank.questions.map((q) => q.id);
      for (const seed of [0, 1, 7, 424242, 2 ** 31 - 1, 2 ** 32 - 1]) {
        expect(drawQuestions(bank, seed).map((q) => q.id)).toEqual(floatingDraw(ids, seed, draw));
      }
    }
  });

  it('draws each question at most once, as many as asked, and all of a bank smaller than the draw', () => {
    const drawn = drawQuestions(bankOf(300, 80), 5).map((q) => q.id);
    expect(drawn).toHaveLength(80);
    expect(new Set(drawn).size).toBe(80);
    expect(drawQuestions(bankOf(12, 50), 5)).toHaveLength(12);
    expect(new Set(drawQuestions(bankOf(12), 5).map((q) => q.id)).size).toBe(12);
    expect(drawQuestions(bankOf(300, 80), 5, 300)).toHaveLength(300);
    expect(drawQuestions(bankOf(0, 10), 5)).toEqual([]);
  });

  it('picks whole numbers as the floating-point generator would, small and large ranges alike', () => {
    for (const seed of [3, 99, 123456789]) {
      const fraction = seededRandom(seed);
      const whole = seededIndex(seed);
      for (let k = 0; k < 5000; k++) {
        const n = [1, 2, 3, 1000, 65_535, 65_536, 65_537, 1 << 20][k % 8]!;
        expect(whole(n)).toBe(Math.floor(fraction() * n));
      }
    }
  });
});
