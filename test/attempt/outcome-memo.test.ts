import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { outcomesFor, questionLookup } from '../../src/attempt/study-data.js';
import { openContentCache } from '../../src/content/cache.js';
import { loadContent } from '../../src/library/load.js';
import { questionOutcomes, type AttemptRecord } from '../../src/study/outcomes.js';
import { tempTree } from '../helpers.js';

const BASIC = path.join(import.meta.dirname, '..', 'fixtures', 'basic');

const record: AttemptRecord = {
  attemptId: 1,
  uuid: 'a1b2c3',
  bankId: 'fixture-bank',
  mode: 'exam',
  startedAt: 1_000,
  endedAt: 9_000,
  percent: 50,
  timed: true,
  questionIds: ['q-tf', 'q-single', 'q-rating'],
  answers: [
    { questionId: 'q-tf', response: { answer: true, self: [] }, answeredAt: 3_000 },
    { questionId: 'q-single', response: { answer: 'a', self: [], confidence: 'high' }, answeredAt: 4_500 },
    { questionId: 'q-rating', response: { answer: 'Highest', self: [] }, answeredAt: 8_000 },
  ],
};

describe('outcomes remembered per attempt', () => {
  it('are what scoring the answers again gives, and follow how the attempt was taken', () => {
    const cacheDir = path.join(tempTree(), 'cache');
    const load = () => loadContent([BASIC], [], openContentCache(cacheDir));
    for (const taken of [record, { ...record, timed: false }, record]) {
      const fresh = loadContent([BASIC]);
      const expected = questionOutcomes([taken], questionLookup(fresh));
      // Worked out and remembered on the first read, taken from the cache on the second.
      expect(outcomesFor(load(), [taken])).toEqual(expected);
      expect(outcomesFor(load(), [taken])).toEqual(expected);
    }
    const [tf] = outcomesFor(load(), [record]);
    expect(tf).toMatchObject({ questionId: 'q-tf', correct: true, elapsedMs: 2_000 });
    expect(outcomesFor(load(), [{ ...record, timed: false }])[0]!.elapsedMs).toBeUndefined();
  });
});
