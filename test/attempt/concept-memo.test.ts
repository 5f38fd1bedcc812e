import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { conceptMemo } from '../../src/attempt/concept-memo.js';
import { openContentCache } from '../../src/content/cache.js';
import type { ConceptsCheck } from '../../src/content/types.js';
import * as concepts from '../../src/scoring/concepts.js';
import { tempTree } from '../helpers.js';

// Counts the language model's verdicts, which the memo exists to spare.
vi.mock('../../src/scoring/concepts.js', { spy: true });

const STALE: ConceptsCheck = {
  concepts: [
    ['stale', 'outdated'],
    ['price', 'cost'],
  ],
  negated: false,
};
const NO_CONFLICT: ConceptsCheck = { concepts: [['contradict', 'conflict']], negated: true };
const answers: [ConceptsCheck, string][] = [
  [STALE, 'The listed price is stale.'],
  [STALE, 'price stale'], // a bare list of words is no sentence
  [STALE, 'The price is current.'],
  [NO_CONFLICT, 'The two sources do not contradict each other.'],
  [NO_CONFLICT, 'The sources contradict each other.'],
];

describe('concept verdicts remembered between runs', () => {
  it('are what the language model says, and a later run gives them without asking it again', () => {
    const cacheDir = path.join(tempTree(), 'cache');
    const expected = answers.map(([check, text]) => concepts.conceptsHold(check, text));
    expect(expected).toEqual([true, false, false, true, false]);
    const asked = () => vi.mocked(concepts.conceptsHold).mock.calls.length;

    const first = conceptMemo(openContentCache(cacheDir));
    const before = asked();
    expect(answers.map(([check, text]) => first.judge(check, text))).toEqual(expected);
    expect(asked() - before).toBe(answers.length);
    first.save();

    // Another run: the same answers need no model; a new answer, or the same words under another check, do.
    const second = conceptMemo(openContentCache(cacheDir));
    const again = asked();
    expect(answers.map(([check, text]) => second.judge(check, text))).toEqual(expected);
    expect(asked()).toBe(again);
    expect(second.judge(STALE, 'The cost shown is outdated.')).toBe(true);
    expect(second.judge(NO_CONFLICT, 'The listed price is stale.')).toBe(false);
    expect(asked()).toBe(again + 2);
  });
});
