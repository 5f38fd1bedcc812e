import { describe, expect, it } from 'vitest';
import type { ConceptsCheck } from '../../src/content/types.js';
import { conceptsHold, readSentences, withinOneEdit } from '../../src/scoring/concepts.js';
import { scoreQuestion } from '../../src/scoring/rubric.js';
import { loadBank, question } from '../helpers.js';

const concepts = (list: (string | string[])[], negated = false): ConceptsCheck => ({
  concepts: list.map((c) => (typeof c === 'string' ? [c] : c)),
  negated,
});

const STALE_PRICES = concepts([
  ['outdated', 'out of date', 'stale', 'no longer current', 'old'],
  ['price', 'cost', 'fare'],
]);
const CONTRADICTS = concepts([['contradict', 'conflict', 'at odds']]);
const SAYS_NO_CONTRADICTION = concepts([['contradict', 'conflict', 'at odds']], true);

/** [what the case shows, check, answer text, whether the criterion holds] */
const cases: [string, ConceptsCheck, string, boolean][] = [
  // Negation: a negated mention does not count by default...
  ['"does not contradict" is not a contradiction', CONTRADICTS, 'The summary does not contradict the source.', false],
  ['"doesn\'t" negates', CONTRADICTS, "The summary doesn't contradict anything in the source.", false],
  ['"never" negates', CONTRADICTS, 'The summary never contradicts the source text.', false],
  ['"no longer" negates', concepts(['current']), 'The listed prices are no longer current.', false],
  ['"nothing" negates the verb before it', CONTRADICTS, 'The summary contradicts nothing in the source.', false],
  ['"without" negates', CONTRADICTS, 'It restates the source without contradicting it.', false],
  ['a plain statement holds', CONTRADICTS, 'The summary contradicts the source on the date.', true],
  ['the negation scope ends at "but"', CONTRADICTS, 'It is not short, but it contradicts the source.', true],
  [
    'the negation scope ends at a new clause',
    CONTRADICTS,
    'It is not long and the summary contradicts the source.',
    true,
  ],
  ['"not only" adds rather than denies', CONTRADICTS, 'It not only contradicts the source but also adds claims.', true],
  [
    'a negation in another sentence does not reach',
    CONTRADICTS,
    'It is not short. The summary contradicts the source.',
    true,
  ],
  // ...and with `negated: true` only a negated mention counts.
  ['negated: "does not contradict" holds', SAYS_NO_CONTRADICTION, 'The summary does not contradict the source.', true],
  ['negated: "never" holds', SAYS_NO_CONTRADICTION, 'The summary never conflicts with the source.', true],
  ['negated: a plain mention does not hold', SAYS_NO_CONTRADICTION, 'The summary contradicts the source.', false],
  // Paraphrase through listed alternatives, and phrases.
  ['a listed phrase', STALE_PRICES, "The page's prices are out of date.", true],
  ['a phrase that carries its own negation', STALE_PRICES, 'The fares shown on the page are no longer current.', true],
  ['another alternative', STALE_PRICES, 'The ticket costs quoted there are stale.', true],
  ['one concept missing', STALE_PRICES, 'The page is stale and needs an update.', false],
  ['concepts in different sentences', STALE_PRICES, 'The page is out of date. Its prices were set in 2019.', true],
  ['an unlisted paraphrase does not match', STALE_PRICES, 'The page shows prices from years ago.', false],
  [
    'a phrase split by a comma does not match',
    concepts(['at odds']),
    'The summary is at, odds are, wrong here.',
    false,
  ],
  // Inflections.
  ['past tense', CONTRADICTS, 'The summary contradicted the source twice.', true],
  ['-ing form', CONTRADICTS, 'The summary is contradicting the source.', true],
  ['an inflected expression matches the base form', concepts(['contradicts']), 'They contradict the source.', true],
  ['plural noun', concepts(['source']), 'The answer cites no reliable sources but it names two sources.', true],
  ['case does not matter', CONTRADICTS, 'THE SUMMARY CONTRADICTS THE SOURCE.', true],
  // A bare keyword list is not a sentence.
  ['a comma-separated keyword list', STALE_PRICES, 'outdated, price, stale, cost, out of date', false],
  ['a keyword list with a verb in it', CONTRADICTS, 'contradict, conflict, at odds, outdated, price, cost', false],
  ['a keyword list, one per line', STALE_PRICES, 'stale\nprice\noutdated\ncost', false],
  ['a keyword list separated by spaces', CONTRADICTS, 'contradict conflict outdated price stale', false],
  ['a sentence of three words', STALE_PRICES, 'Prices are stale.', false],
  ['four words without a verb', STALE_PRICES, 'Stale prices, old fares.', false],
  ['a verb the tagger reads as a noun', concepts(['price']), 'Both give accurate definitions of the price.', true],
  ['a sentence without any function word', concepts(['price']), 'Prices contradict fares completely here.', false],
  ['a real sentence with a short list in it', STALE_PRICES, 'The page lists prices that are stale, old, wrong.', true],
  // Misspellings: one edit for a word of 5+ letters, not two, not a real word.
  ['a swapped pair of letters', STALE_PRICES, 'The prices on this page are stlae.', true],
  ['one letter missing', CONTRADICTS, 'The summary contradcts the source.', true],
  ['one letter wrong in an inflected word', CONTRADICTS, 'The summary contradixts the source.', true],
  ['two edits do not match', CONTRADICTS, 'The summary contardixts the source.', false],
  ['a real word one edit away does not match', STALE_PRICES, 'The prices depend on the state you live in.', false],
  ['a short word gets no typo tolerance', concepts([['cost']]), 'The cozt was wrong on that page.', false],
  // Whole words only.
  ['"old" is not in "bold", "gold" or "holds"', concepts(['old']), 'The bold gold trophy holds water.', false],
  ['"old" as a word', concepts(['old']), 'The page has an old trophy on it.', true],
  ['"price" is not in "priceless"', concepts(['price']), 'The painting on the page is priceless.', false],
  ['nothing written', CONTRADICTS, '', false],
];

describe('concepts check', () => {
  it.each(cases)('%s', (_name, check, text, expected) => {
    expect(conceptsHold(check, text)).toBe(expected);
  });
});

describe('readSentences', () => {
  it('keeps a rule reference such as 3.r1 inside its sentence', () => {
    expect(readSentences('Under rule 3.r1 the page fails the query. It is stale.')).toEqual([
      { text: 'Under rule 3-r1 the page fails the query.', counts: true },
      { text: 'It is stale.', counts: false },
    ]);
  });
});

describe('withinOneEdit', () => {
  it.each([
    ['stale', 'stlae', true],
    ['stale', 'stal', true],
    ['stale', 'staale', true],
    ['stale', 'stake', true],
    ['stale', 'tsale', true],
    ['stale', 'slate', false],
    ['stale', 'steal', false],
  ] as const)('%s ~ %s: %s', (a, b, expected) => {
    expect(withinOneEdit(a, b)).toBe(expected);
    expect(withinOneEdit(b, a)).toBe(expected);
  });
});

describe('a concepts rubric, scored', () => {
  const resolved = loadBank(`kind: bank
id: b
title: Test Bank
guideline: g
version: 1.0.0
questions:
  - id: why
    type: free-text
    sections: ["1"]
    prompt: What is wrong with the page?
    model_answer: The page quotes prices that are out of date, and nothing in it contradicts the source.
    rubric:
      - id: stale
        text: Says the prices are out of date.
        points: 2
        check: {concepts: [[outdated, "out of date", stale, old], [price, cost, fare]]}
      - id: no-contradiction
        text: Says the page does not contradict the source.
        points: 1
        check: {concepts: [[contradict, conflict]], negated: true}
      - id: invents-refund
        text: Claims the page gives a refund policy.
        points: -2
        check: {concepts: [[refund, "money back"], [policy, rule, terms]]}
`);
  const q = question(resolved, 'why');
  const score = (text: string) => scoreQuestion(q, { text, self: [] });

  it('the model answer earns every point', () => {
    const result = score(q.model_answer!);
    expect(result.earned).toBe(3);
    expect(result.max).toBe(3);
  });

  it('a keyword list of every expression earns nothing', () => {
    expect(score('outdated, out of date, stale, old, price, cost, fare, contradict, conflict').earned).toBe(0);
  });

  it('a pitfall uses the same matcher: a claimed refund policy loses its points', () => {
    const result = score('The prices are out of date. The page sets out a refund policy for late trains.');
    expect(result.criteria.find((c) => c.id === 'invents-refund')!.holds).toBe(true);
    expect(result.earned).toBe(0);
  });

  it('a pitfall does not hold when the answer denies it', () => {
    const result = score('The prices are out of date. The page states no refund policy at all.');
    expect(result.criteria.find((c) => c.id === 'invents-refund')!.holds).toBe(false);
    expect(result.earned).toBe(2);
  });
});
