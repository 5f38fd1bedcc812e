import { describe, expect, it } from 'vitest';
import { SHIPPED_CONTENT_DIRS } from '../../src/content/discover.js';
import { loadContent } from '../../src/library/load.js';
import { KEYWORD_LIMIT, NAIVE_LIMIT, keywordListHeldOff, takeNaively } from '../../src/scoring/naive.js';

// Issue 11: no shipped bank can be passed by test-wiseness. `npm run naive` prints the same
// figures per question, to find what gives points away.
const banks = [...loadContent(SHIPPED_CONTENT_DIRS).banks.values()];
const results = banks.map((b) => takeNaively(b));

describe('a naive test-wise taker on the shipped banks', () => {
  it.each(results.map((r) => [r.bankId, r] as const))(`%s: scores at most ${NAIVE_LIMIT}%`, (_id, result) => {
    expect(result.percent).toBeLessThanOrEqual(NAIVE_LIMIT);
  });

  it.each(results.map((r) => [r.bankId, r] as const))(
    `%s: a keyword list earns under ${KEYWORD_LIMIT * 100}% of the model answer on every free-text question`,
    (_id, result) => {
      const freeText = result.questions.filter((q) => q.type === 'free-text');
      expect(freeText.length).toBeGreaterThan(0);
      expect(freeText.filter((q) => !keywordListHeldOff(q)).map((q) => q.questionId)).toEqual([]);
    },
  );
});
