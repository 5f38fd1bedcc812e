import { describe, expect, it } from 'vitest';
import { scoreQuestion } from '../../src/scoring/rubric.js';
import { normalizeResponse } from '../../src/scoring/response.js';
import { bankYaml, loadBank, question } from '../helpers.js';

const bank = loadBank(
  bankYaml(`  - {id: single, type: single-choice, sections: ["1"],
      prompt: P, options: [{id: a, text: A}, {id: b, text: B}], answer: b, points: 2}
  - {id: multi, type: multi-select, sections: ["1"],
      prompt: P, options: [{id: a, text: A}, {id: b, text: B}, {id: c, text: C}, {id: d, text: D}], answer: [a, b],
      points: 4}
  - {id: single-half, type: single-choice, sections: ["1"],
      prompt: P, options: [{id: a, text: A}, {id: b, text: B, credit: 0.5}, {id: c, text: C}], answer: c, points: 2}
  - {id: multi-weighted, type: multi-select, sections: ["1"],
      prompt: P, options: [{id: a, text: A, credit: 0.5}, {id: b, text: B, credit: 0.5},
      {id: c, text: C, credit: -1}, {id: d, text: D}], answer: [a, b], points: 2}
  - {id: tf, type: true-false, sections: ["1"], prompt: P, answer: false}
  - {id: rate, type: rating, sections: ["1"], prompt: P, scale: quality, answer: High}
  - {id: rate-strict, type: rating, sections: ["1"], prompt: P, scale: [Bad, Okay, Good], answer: Good, tolerance: [1]}
  - {id: pref, type: preference, sections: ["1"], prompt: P, answer: A slightly better}
  - {id: pref-same, type: preference, sections: ["1"], prompt: P, answer: About the same}
  - {id: rank, type: ranking, sections: ["1"],
      prompt: P, items: [{id: a, text: A}, {id: b, text: B}, {id: c, text: C}], answer: [a, b, c], points: 3}
  - {id: labels, type: label-each, sections: ["1"],
      prompt: P, items: [{id: x, text: X}, {id: y, text: Y}, {id: z, text: Z}, {id: w, text: W}], labels: [Yes, No],
      answer: {x: Yes, y: No, z: Yes, w: No}}
`),
);

const earned = (id: string, raw: unknown) => scoreQuestion(question(bank, id), normalizeResponse(raw)).earned;

describe('single-choice', () => {
  it('gives all the points for the key and none otherwise', () => {
    expect(earned('single', 'b')).toBe(2);
    expect(earned('single', 'a')).toBe(0);
    expect(earned('single', undefined)).toBe(0);
  });
});

describe('option credits (GIFT weights, scored as Moodle scores them)', () => {
  it('single-choice: the key earns everything, an option with a credit earns its share, others nothing', () => {
    expect(earned('single-half', 'c')).toBe(2);
    expect(earned('single-half', 'b')).toBe(1);
    expect(earned('single-half', 'a')).toBe(0);
  });
  it("multi-select: the picks' credits add up, a negative credit takes points back, kept between 0 and all", () => {
    expect(earned('multi-weighted', ['a', 'b'])).toBe(2);
    expect(earned('multi-weighted', ['a'])).toBe(1);
    expect(earned('multi-weighted', ['a', 'b', 'd'])).toBe(2);
    expect(earned('multi-weighted', ['a', 'b', 'c'])).toBe(0);
    expect(earned('multi-weighted', ['c'])).toBe(0);
  });
});

describe('multi-select', () => {
  it('earns 1/k per correct pick', () => {
    expect(earned('multi', ['a', 'b'])).toBe(4);
    expect(earned('multi', ['a'])).toBe(2);
  });
  it('costs 1/k per wrong pick', () => {
    expect(earned('multi', ['a', 'b', 'c'])).toBe(2);
    expect(earned('multi', ['a', 'c'])).toBe(0);
  });
  it('never goes below zero', () => {
    expect(earned('multi', ['c', 'd'])).toBe(0);
    expect(earned('multi', ['a', 'c', 'd'])).toBe(0);
  });
});

describe('true-false', () => {
  it('accepts booleans and the words true/false/yes/no', () => {
    expect(earned('tf', false)).toBe(1);
    expect(earned('tf', 'False')).toBe(1);
    expect(earned('tf', 'no')).toBe(1);
    expect(earned('tf', true)).toBe(0);
  });
});

describe('rating', () => {
  it('credits by distance with the default tolerance [1, 0.5, 0]', () => {
    expect(earned('rate', 'High')).toBe(1);
    expect(earned('rate', 'Highest')).toBe(0.5);
    expect(earned('rate', 'Medium')).toBe(0.5);
    expect(earned('rate', 'Low')).toBe(0);
    expect(earned('rate', 'Lowest')).toBe(0);
  });
  it('forgives case and spaces in the label', () => {
    expect(earned('rate', '  high ')).toBe(1);
  });
  it('uses a custom tolerance and gives 0 beyond the list', () => {
    expect(earned('rate-strict', 'Good')).toBe(1);
    expect(earned('rate-strict', 'Okay')).toBe(0);
  });
});

describe('preference', () => {
  it('credits by distance on the default seven-step scale', () => {
    expect(earned('pref', 'A slightly better')).toBe(1);
    expect(earned('pref', 'A better')).toBe(0.5);
    expect(earned('pref', 'About the same')).toBe(0.5);
  });
  it('gives nothing for preferring the other side, even one step away from neutral', () => {
    expect(earned('pref', 'B slightly better')).toBe(0);
  });
  it('credits either side by distance when the key is a tie', () => {
    expect(earned('pref-same', 'A slightly better')).toBe(0.5);
    expect(earned('pref-same', 'B slightly better')).toBe(0.5);
    expect(earned('pref-same', 'B better')).toBe(0);
  });
});

describe('ranking', () => {
  it('credits the share of item pairs in the key order', () => {
    expect(earned('rank', ['a', 'b', 'c'])).toBe(3);
    expect(earned('rank', ['b', 'a', 'c'])).toBeCloseTo(2); // 2 of 3 pairs
    expect(earned('rank', ['c', 'b', 'a'])).toBe(0);
  });
});

describe('label-each', () => {
  it('gives equal credit per item', () => {
    expect(earned('labels', { x: 'Yes', y: 'No', z: 'Yes', w: 'No' })).toBe(1);
    expect(earned('labels', { x: 'Yes', y: 'Yes', z: 'Yes', w: 'Yes' })).toBe(0.5);
    expect(earned('labels', { x: 'Yes' })).toBe(0.25);
  });
  it('reads the full form {answer: {...}}', () => {
    expect(earned('labels', { answer: { x: 'Yes', y: 'No', z: 'No', w: 'No' } })).toBe(0.75);
  });
});
