import { describe, expect, it } from 'vitest';
import { convertAiken } from '../../src/import/aiken.js';
import { convertGift } from '../../src/import/gift.js';
import { buildBank, slugFromFileName } from '../../src/import/index.js';

describe('GIFT conversion', () => {
  it('turns each supported GIFT shape into the matching question type', () => {
    const { questions, skipped } = convertGift(`Pick one {=right ~wrong ~other}

Grass is green.{T}

Pick two {~%50%a ~%50%b ~%-100%c}

Name it {=alpha =beta}

Match {
=x -> one
=y -> two
}

Six times seven? {#42}
`);
    expect(skipped).toEqual([]);
    expect(questions.map((q) => [q.line, q.fields.type])).toEqual([
      [1, 'single-choice'],
      [3, 'true-false'],
      [5, 'multi-select'],
      [7, 'free-text'],
      [9, 'label-each'],
      [14, 'free-text'],
    ]);
    expect(questions[2]!.fields.answer).toEqual(['a', 'b']);
    expect(questions[4]!.fields).toMatchObject({ labels: ['one', 'two'], answer: { i1: 'one', i2: 'two' } });
    expect(questions[5]!.fields).toMatchObject({ model_answer: '42', rubric: [{ check: { matches: '^\\s*42(\\.0+)?\\s*$' } }] });
  });

  it('reports what it cannot convert with the line where it starts, and goes on', () => {
    const { questions, skipped } = convertGift(`// a comment

Write an essay. {}

Around when? {#1850:5}

Broken {=a ~b

Still converted.{F}
`);
    expect(skipped.map((s) => s.line)).toEqual([3, 5, 7]);
    expect(skipped[0]!.reason).toContain('essay');
    expect(skipped[1]!.reason).toContain('tolerance or range');
    expect(skipped[2]!.reason).toMatch(/^GIFT syntax: /);
    expect(questions.map((q) => q.fields.prompt)).toEqual(['Still converted.']);
  });

  it('files questions under their $CATEGORY', () => {
    const { questions } = convertGift('$CATEGORY: $course$/top/Intent\n\nQ {T}\n');
    expect(questions[0]!.category).toBe('Intent');
  });
});

describe('Aiken conversion', () => {
  it('converts options with "A." or "A)" and the ANSWER line into a single-choice question', () => {
    const { questions, skipped } = convertAiken('Which?\nA. One\nB) Two\nANSWER: B\n');
    expect(skipped).toEqual([]);
    expect(questions).toEqual([{ line: 1, fields: { type: 'single-choice', prompt: 'Which?', options: [{ id: 'a', text: 'One' }, { id: 'b', text: 'Two' }], answer: 'b' } }]);
  });

  it('reports a missing or unknown answer letter with its line', () => {
    const { questions, skipped } = convertAiken('First?\nA. x\nB. y\n\nSecond?\nA. x\nB. y\nANSWER: C\n');
    expect(questions).toEqual([]);
    expect(skipped).toEqual([
      { line: 1, reason: 'the question has no "ANSWER: <letter>" line' },
      { line: 8, reason: '"ANSWER: C" is not one of the option letters (A, B)' },
    ]);
  });
});

describe('building the bank', () => {
  it('makes a stub guideline with one section per category when none is named', () => {
    const drafts = [
      { line: 1, category: 'Quality', fields: { type: 'true-false', prompt: 'a', answer: true } },
      { line: 3, category: 'Intent', fields: { type: 'true-false', prompt: 'b', answer: false } },
    ];
    const built = buildBank('gift', 'quiz', drafts, undefined);
    expect(built.guideline).toMatchObject({ id: 'quiz-guideline', sections: [{ id: '1', title: 'Quality' }, { id: '2', title: 'Intent' }] });
    expect(built.bank).toMatchObject({ guideline: 'quiz-guideline', questions: [{ id: 'q-001', sections: ['1'] }, { id: 'q-002', sections: ['2'] }] });
  });

  it('matches categories to sections of a named guideline by id or title, else the first section', () => {
    const guideline = { id: 'g', sectionIndex: new Map([['1', { id: '1', title: 'Basics' }], ['2', { id: '2', title: 'Intent' }]]) };
    const drafts = [
      { line: 1, category: 'intent', fields: { type: 'true-false', prompt: 'a', answer: true } },
      { line: 2, category: 'Elsewhere', fields: { type: 'true-false', prompt: 'b', answer: true } },
    ];
    const built = buildBank('aiken', 'quiz', drafts, guideline);
    expect((built.bank.questions as { sections: string[] }[]).map((q) => q.sections)).toEqual([['2'], ['1']]);
    expect(built.fallbackCount).toBe(1);
    expect(built.guideline).toBeUndefined();
  });

  it('names the bank after the file', () => {
    expect(slugFromFileName('Week 3 Quiz.gift.txt')).toBe('week-3-quiz');
    expect(slugFromFileName('search-basics.aiken.txt')).toBe('search-basics');
  });
});
