import { describe, expect, it } from 'vitest';
import { groupedCount } from '../../src/text/count.js';

describe('groupedCount', () => {
  it('writes whole numbers as toLocaleString("en") does', () => {
    const numbers = [0, 1, 12, 999, 1000, 1001, 99_999, 100_000, 1_234_567, -1, -1000, -987_654_321];
    for (let n = 1; n < Number.MAX_SAFE_INTEGER / 7; n = n * 7 + 3) numbers.push(n, -n);
    for (const n of numbers) expect(groupedCount(n)).toBe(n.toLocaleString('en'));
  });

  it('leaves fractions and non-numbers to toLocaleString', () => {
    for (const n of [1234.5, 0.25, Number.NaN, Infinity, 2 ** 60]) expect(groupedCount(n)).toBe(n.toLocaleString('en'));
  });
});
