import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportFormat } from '../../src/import/index.js';
import { importedFrom } from './imported.js';
import { FIXTURES } from '../cli/run-cli.js';

const MOODLE = path.join(FIXTURES, 'import', 'moodle');

const imported = (format: ImportFormat, file: string) => importedFrom(MOODLE, format, file);

describe("Moodle's examples.txt (GIFT), graded as Moodle grades it", () => {
  const { result, byLine, share } = imported('gift', 'examples.gift.txt');

  it('converts every question, reporting nothing', () => {
    expect(result.skipped).toEqual([]);
    expect(result.questions).toHaveLength(43);
  });

  it('multiple choice with one "=": the = answer is the key, a ~%50% answer earns half', () => {
    expect(share(8, 'c')).toBe(1);
    expect(share(8, 'a')).toBe(0);
    expect(share(10, 'b')).toBe(1);
    expect(byLine.get(10)!.prompt).toBe("Grant is _____ in Grant's tomb.");
    expect(share(115, 'c')).toBe(1);
    expect(share(115, 'b')).toBe(0.5);
    expect(share(115, 'a')).toBe(0);
    expect(share(117, 'd')).toBe(1);
    expect(share(117, 'c')).toBe(0.5);
    expect(share(117, 'b')).toBe(0.25);
    expect(share(143, 'b')).toBe(1);
    expect(share(148, 'f')).toBe(1);
  });

  it('multiple answers (no "="): the weights add up, a negative weight takes points back, never below 0', () => {
    expect(byLine.get(130)!.type).toBe('multi-select');
    expect(share(130, ['b', 'c'])).toBe(1);
    expect(share(130, ['b'])).toBe(0.5);
    expect(share(130, ['a', 'b', 'c'])).toBe(1); // "No one" is worth 0%: picking it costs nothing
    expect(share(136, ['b', 'c'])).toBe(1);
    expect(share(136, ['a', 'b', 'c'])).toBe(0.5);
    expect(share(136, ['a', 'd'])).toBe(0);
  });

  it('short answers: the whole answer, any letter case, with the weights and no substring match', () => {
    expect(byLine.get(14)!.type).toBe('short-answer');
    expect(share(14, 'No One')).toBe(1);
    expect(share(14, 'nobody')).toBe(1);
    expect(share(14, 'Someone, not no one')).toBe(0);
    expect(share(45, '4')).toBe(1);
    expect(share(45, 'Four')).toBe(1);
    expect(share(45, '14')).toBe(0);
    expect(share(123, 'nazareth')).toBe(1);
    expect(share(123, 'Nazereth')).toBe(0.75);
    expect(share(123, 'Bethlehem')).toBe(0.25);
    expect(share(123, 'Rome')).toBe(0);
  });

  it('numerical: exact values, tolerances, ranges and weighted answers', () => {
    expect(byLine.get(16)!.type).toBe('numeric');
    expect(share(16, 1823)).toBe(1);
    expect(share(16, 1824)).toBe(0);
    expect(share(70, '1822')).toBe(1);
    expect(share(72, 3.1418)).toBe(1);
    expect(share(72, 3.1421)).toBe(0);
    expect(share(74, '3.1415')).toBe(1);
    expect(share(74, 3.143)).toBe(0);
    expect(share(76, 1822)).toBe(1);
    expect(share(76, 1823)).toBe(0.5);
    expect(share(76, 1825)).toBe(0);
    expect(share(202, 1820)).toBe(0.5);
  });

  it('true/false, matching, and the feedback of a right and a wrong answer', () => {
    expect(share(12, false)).toBe(1);
    expect(share(12, true)).toBe(0);
    expect(share(51, true)).toBe(1);
    expect(share(61, { i1: 'Ottawa', i2: 'Rome', i3: 'Tokyo', i4: 'New Delhi' })).toBe(1);
    expect(byLine.get(113)!.explanation).toBe("If you answered true: No one is buried in Grant's tomb.");
    const choice = byLine.get(98)!;
    expect(choice.type === 'single-choice' && choice.options.map((o) => o.feedback)).toEqual([
      'feedback comment on the wrong answer',
      'feedback comment on this wrong answer',
      'Very good!',
    ]);
  });
});

describe("Moodle's GIFT test fixture questions.gift.txt", () => {
  const { result, byLine, share } = imported('gift', 'questions.gift.txt');

  // Each with its line and column.
  it('reports the essay without a model answer and the numerical question gift-pegjs cannot read', () => {
    expect(result.skipped.map((s) => [s.line, s.column])).toEqual([
      [2, undefined],
      [31, 43],
    ]);
    expect(result.skipped[0]!.reason).toContain('essay');
  });

  it('keys the rest as Moodle does', () => {
    expect(share(14, 'a')).toBe(1);
    expect(share(22, ['a', 'c'])).toBe(1);
    expect(share(22, ['a'])).toBe(0.5);
    expect(share(22, ['a', 'b'])).toBe(0);
    expect(share(34, 'frog')).toBe(1);
    expect(share(34, 'Cat')).toBe(0.5);
    expect(share(34, 'Dog')).toBe(0); // the catch-all =%0%* is feedback, not an accepted answer
    expect(share(41, false)).toBe(1);
    expect(share(46, true)).toBe(1);
    expect(share(5, { i1: 'Forum', i2: 'Choice', i3: 'Database', i4: 'Wiki' })).toBe(1);
  });

  it('puts the true/false feedback where GIFT puts it: the first after the answer is for a wrong answer', () => {
    expect(byLine.get(41)!.explanation).toBe(
      "This is, of course, a Hitchiker's Guide to the Galaxy reference.\n" +
        'If you answered false: You gave the right answer.\nIf you answered true: 42 is the Ultimate Answer.',
    );
  });
});

describe("Moodle's Aiken test fixtures", () => {
  it('questions.aiken.txt: both questions with their key, text kept literally', () => {
    const { result, byLine, share } = imported('aiken', 'questions.aiken.txt');
    expect(result.skipped).toEqual([]);
    expect(share(1, 'b')).toBe(1);
    expect(share(8, 'a')).toBe(1);
    expect(byLine.get(8)!.prompt).toContain('<html class="cool"> & images');
  });

  it('aiken_errors.txt: the two good questions ("A)text" without a space included), every error with its line', () => {
    const { result, share } = imported('aiken', 'aiken_errors.txt');
    expect(result.questions.map((q) => q.fields.prompt)).toEqual(['A good question', 'A second good question']);
    expect(share(18, 'b')).toBe(1);
    expect(result.skipped.map((s) => s.line)).toEqual([1, 5, 7, 14]);
    expect(result.skipped[1]!.reason).toContain('option line outside a question');
    expect(result.skipped[2]!.reason).toContain('ANSWER line outside a question');
  });
});
