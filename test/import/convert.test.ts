import { describe, expect, it } from 'vitest';
import { convertAiken } from '../../src/import/aiken.js';
import { convertGift } from '../../src/import/gift.js';
import { parse } from 'yaml';
import { buildBank, slugFromFileName, toYaml } from '../../src/import/index.js';

describe('GIFT conversion', () => {
  it('turns each GIFT shape into the matching question type', () => {
    const { questions, skipped } = convertGift(`Pick one {=right ~wrong ~other}

Grass is green.{T}

Pick two {~%50%a ~%50%b ~%-100%c}

Name it {=alpha =beta}

Match {
=x -> one
=y -> two
}

Six times seven? {#42}

Explain why. {####A model answer.}
`);
    expect(skipped).toEqual([]);
    expect(questions.map((q) => [q.line, q.fields.type])).toEqual([
      [1, 'single-choice'],
      [3, 'true-false'],
      [5, 'multi-select'],
      [7, 'short-answer'],
      [9, 'label-each'],
      [14, 'numeric'],
      [16, 'free-text'],
    ]);
    expect(questions[2]!.fields).toMatchObject({
      answer: ['a', 'b'],
      options: [{ credit: 0.5 }, { credit: 0.5 }, { credit: -1 }],
    });
    expect(questions[3]!.fields.accept).toEqual([{ text: 'alpha' }, { text: 'beta' }]);
    expect(questions[4]!.fields).toMatchObject({ labels: ['one', 'two'], answer: { i1: 'one', i2: 'two' } });
    expect(questions[5]!.fields.accept).toEqual([{ value: 42 }]);
    expect(questions[6]!.fields).toMatchObject({
      model_answer: 'A model answer.',
      rubric: [{ check: 'self', points: 1 }],
    });
  });

  it('several "=" answers make each fully right in a single-choice question, not a multi-select needing all', () => {
    const { questions } = convertGift('Pick {=a =b ~c}\n');
    expect(questions[0]!.fields).toMatchObject({
      type: 'single-choice',
      answer: 'a',
      options: [{ id: 'a' }, { id: 'b', credit: 1 }, { id: 'c' }],
    });
  });

  it('keeps short-answer weights: =%0% is not accepted, =%25% gives a quarter, feedback stays', () => {
    const { questions } = convertGift('Who? {=no one#Right. =%0%Greece =%25%x =%0%*#Not that.}\n');
    expect(questions[0]!.fields.accept).toEqual([
      { text: 'no one', feedback: 'Right.' },
      { text: 'Greece', credit: 0 },
      { text: 'x', credit: 0.25 },
      { text: '*', credit: 0, feedback: 'Not that.' },
    ]);
  });

  it('reports a negative weight on a typed answer, which cannot take points back, and imports it as worth 0', () => {
    const { questions, skipped } = convertGift('Who? {=no one =%-50%Grant}\n');
    expect(questions[0]!.fields.accept).toEqual([{ text: 'no one' }, { text: 'Grant', credit: 0 }]);
    expect(skipped).toEqual([
      { line: 1, reason: expect.stringContaining('the answer "Grant" has a negative weight (-50%)') as string },
    ]);
  });

  it('converts numerical ranges and several weighted answers', () => {
    const { questions } = convertGift(
      'From 1 to 5? {#1..5}\n\nWhen? {#\n=1822:0\n=%50%1822:2#Close.}\n\nAbout? {#3:0.5}\n',
    );
    expect(questions.map((q) => q.fields.accept)).toEqual([
      [{ min: 1, max: 5 }],
      [{ value: 1822 }, { value: 1822, tolerance: 2, credit: 0.5, feedback: 'Close.' }],
      [{ value: 3, tolerance: 0.5 }],
    ]);
  });

  it('reports a single-answer negative weight, weights not adding up to 100%, an essay without model', () => {
    const { questions, skipped } = convertGift('One {=a ~%-50%b}\n\nTwo {~%50%a ~%30%b ~c}\n\nWrite an essay. {}\n');
    expect(questions.map((q) => q.line)).toEqual([1]);
    expect(skipped.map((s) => [s.line, s.reason.slice(0, 30)])).toEqual([
      [1, 'option "b" has a negative weig'],
      [3, 'the positive weights add up to'],
      [5, 'an essay question without gene'],
    ]);
  });

  it('makes a description the context of the next question, and reports one with no question after it', () => {
    const { questions, skipped } = convertGift('Read this report first.\n\nIs it signed? {T}\n\nA closing note.\n');
    expect(questions[0]!.fields).toMatchObject({ context: 'Read this report first.', prompt: 'Is it signed?' });
    expect(skipped).toEqual([
      { line: 5, reason: expect.stringContaining('a description with no question after it') as string },
    ]);
  });

  it('decodes HTML entities after stripping tags and reports a dropped image on its own line', () => {
    const { questions, skipped } = convertGift(
      '[html]<p>Is&nbsp;5 &lt; 7 &amp;&amp; <b>true</b>?</p>\n<img src="chart.png"> {T}\n',
    );
    expect(questions[0]!.fields.prompt).toBe('Is 5 < 7 && true?');
    expect(skipped).toEqual([
      { line: 2, reason: expect.stringContaining('an image (chart.png) was dropped') as string },
    ]);
  });

  // In question text, up to the first "{".
  it('reads a bare ":" or "=" in question text as Moodle does, and a ":" in an answer or its feedback', () => {
    const { questions, skipped } = convertGift(
      '::Clock:: At 10:30, is x = 5 the rule? {=yes#Note: see 3.1 ~no}\n\nRatio? {=1:2 ~2:1}\n\nAbout? {#3:0.5}\n',
    );
    expect(skipped).toEqual([]);
    expect(questions[0]!.fields).toMatchObject({
      prompt: 'At 10:30, is x = 5 the rule?',
      answer: 'a',
      options: [{ text: 'yes', feedback: 'Note: see 3.1' }, { text: 'no' }],
    });
    expect(questions[1]!.fields).toMatchObject({
      type: 'single-choice',
      options: [{ text: '1:2' }, { text: '2:1' }],
      answer: 'a',
    });
    expect(questions[2]!.fields.accept).toEqual([{ value: 3, tolerance: 0.5 }]);
  });

  it('reports a syntax error with its line and column, and how to escape a stray ":" or "="', () => {
    const { questions, skipped } = convertGift('Fine.{T}\n\nA question\nwith {=a ~b} and {=c ~d}\n\nBroken = here\n');
    expect(questions).toHaveLength(1);
    expect(skipped.map((s) => [s.line, s.column])).toEqual([
      [4, 18],
      [6, 8],
    ]);
    expect(skipped[1]!.reason).toContain('must be escaped as \\=');
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
    expect(questions).toEqual([
      {
        line: 1,
        fields: {
          type: 'single-choice',
          prompt: 'Which?',
          options: [
            { id: 'a', text: 'One' },
            { id: 'b', text: 'Two' },
          ],
          answer: 'b',
        },
      },
    ]);
  });

  it('reports a missing or unknown answer letter with its line', () => {
    const { questions, skipped } = convertAiken('First?\nA. x\nB. y\n\nSecond?\nA. x\nB. y\nANSWER: C\n');
    expect(questions).toEqual([]);
    expect(skipped).toEqual([
      { line: 1, reason: 'the question has no "ANSWER: <letter>" line before the next question starts' },
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
    expect(built.guideline).toMatchObject({
      id: 'quiz-guideline',
      sections: [
        { id: '1', title: 'Quality' },
        { id: '2', title: 'Intent' },
      ],
    });
    expect(built.bank).toMatchObject({
      guideline: 'quiz-guideline',
      questions: [
        { id: 'q-001', sections: ['1'] },
        { id: 'q-002', sections: ['2'] },
      ],
    });
  });

  it('matches categories to sections of a named guideline by id or title, else the first section', () => {
    const guideline = {
      id: 'g',
      sectionIndex: new Map([
        ['1', { id: '1', title: 'Basics' }],
        ['2', { id: '2', title: 'Intent' }],
      ]),
    };
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

describe('the YAML written', () => {
  it('reads the same under YAML 1.1 and 1.2 parsers: y, no, on, =, 0777, 1:30 are quoted', () => {
    const tricky = [
      'y',
      'n',
      'no',
      'Yes',
      'on',
      'OFF',
      '=',
      '~',
      'null',
      '0777',
      '1:30',
      '1_000',
      '.inf',
      '12',
      'plain words',
    ];
    const text = toYaml('# modeline', { kind: 'bank', labels: tricky, answer: { i1: 'y', i2: '=' }, flag: true });
    const strict = parse(text, { version: '1.2' }) as unknown;
    expect(parse(text, { version: '1.1' })).toEqual(strict);
    expect(strict).toEqual({ kind: 'bank', labels: tricky, answer: { i1: 'y', i2: '=' }, flag: true });
    expect(text).toContain('plain words'); // ordinary text stays unquoted
    expect(text).not.toContain('"plain words"');
  });
});
