import { describe, expect, it } from 'vitest';
import { keywordList, keywordListHeldOff, naiveAnswer, takeNaively } from '../../src/scoring/naive.js';
import { bankYaml, loadBank, question } from '../helpers.js';

const resolved = loadBank(
  bankYaml(`  - id: tf
    type: true-false
    sections: ["1"]
    prompt: Is it so?
    answer: true
  - id: sc
    type: single-choice
    sections: ["1"]
    prompt: Which?
    options:
      - {id: a, text: Short}
      - {id: b, text: The longest option of all three}
      - {id: c, text: Middling length}
    answer: b
  - id: ms
    type: multi-select
    sections: ["1"]
    prompt: Which ones?
    options:
      - {id: a, text: One}
      - {id: b, text: Two}
      - {id: c, text: Three}
    answer: [a]
  - id: rate
    type: rating
    sections: ["1"]
    prompt: How good?
    scale: quality
    answer: Highest
  - id: rank
    type: ranking
    sections: ["1"]
    prompt: Order them.
    items:
      - {id: x, text: X}
      - {id: y, text: Y}
    answer: [y, x]
  - id: label
    type: label-each
    sections: ["1"]
    prompt: Label each.
    labels: [Good, Bad]
    items:
      - {id: i1, text: First}
      - {id: i2, text: Second}
    answer: {i1: Bad, i2: Bad}
  - id: short
    type: short-answer
    sections: ["1"]
    prompt: Name it.
    accept: [{text: Paris}]
  - id: why
    type: free-text
    sections: ["1"]
    prompt: Why?
    model_answer: The summary contradicts the source about the date of the meeting.
    rubric:
      - id: contradicts
        text: Says the summary contradicts the source.
        points: 2
        check: {concepts: [[contradict, conflict], source]}
      - id: date
        text: Names the date.
        points: 1
        check: {any: [date]}
`),
);

describe('the naive test-wise taker', () => {
  it('answers by pattern, not by reading', () => {
    const answered = (id: string) => naiveAnswer(question(resolved, id)).response?.answer;
    expect(answered('tf')).toBe(false);
    expect(answered('sc')).toBe('b');
    expect(answered('ms')).toEqual(['a', 'b', 'c']);
    expect(answered('rate')).toBe('Medium');
    expect(answered('rank')).toEqual(['x', 'y']);
    expect(answered('label')).toEqual({ i1: 'Good', i2: 'Good' });
    expect(naiveAnswer(question(resolved, 'short')).response).toBeUndefined();
  });

  it('writes a comma-separated keyword list from the rubric for free text', () => {
    expect(keywordList(question(resolved, 'why'))).toBe('contradict, conflict, source, date');
    expect(naiveAnswer(question(resolved, 'why')).response?.text).toBe('contradict, conflict, source, date');
  });

  it('scores the bank: the longest key and the any-check give it points, the concepts check does not', () => {
    const result = takeNaively(resolved);
    const earned = Object.fromEntries(result.questions.map((q) => [q.questionId, q.earned]));
    expect(earned).toMatchObject({ tf: 0, sc: 1, ms: 0, rate: 0, rank: 0, label: 0, short: 0, why: 1 });
    expect(result.max).toBe(10);
    expect(result.percent).toBeCloseTo(20);
    const why = result.questions.find((q) => q.questionId === 'why')!;
    expect(why.modelEarned).toBe(3);
    expect(keywordListHeldOff(why)).toBe(true);
  });
});
