import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../cli/run-cli.js';
import { importedFrom } from './imported.js';

// Another open project's GIFT test files (see the README in the fixture folder), graded as Moodle
// grades them: the key and every partial weight, question by question.
const DIR = path.join(FIXTURES, 'import', 'gift-grammar-pegjs');
const imported = (file: string) => importedFrom(DIR, 'gift', file);

describe("GIFT-grammar-PEG.js's test questions, graded as Moodle grades them", () => {
  it('fractional weights: the three continents make the whole mark; a country takes it all back', () => {
    const { result, byLine, share } = imported('multipleAnswersFloat.gift');
    expect(result.skipped).toEqual([]);
    expect(byLine.get(1)!.prompt).toBe('Select all of the options below which name a continent:');
    expect(share(1, ['a', 'b', 'd'])).toBeCloseTo(1, 5);
    expect(share(1, ['a'])).toBeCloseTo(1 / 3, 5);
    expect(share(1, ['a', 'b', 'c'])).toBe(0); // 2/3 - 100%: never below 0
    expect(share(1, ['c', 'e'])).toBe(0);
  });

  it('numerical: exact values, negative values, tolerances, ranges and weighted answers', () => {
    const { result, byLine, share } = imported('numerical1.gift');
    expect(result.skipped).toEqual([]);
    expect([...byLine.values()].every((q) => q.type === 'numeric')).toBe(true);
    expect(share(3, 1822)).toBe(1);
    expect(share(3, 1823)).toBe(0);
    expect(share(5, -1)).toBe(1);
    expect(share(5, 1)).toBe(0);
    expect(share(7, 3.141)).toBe(1);
    expect(share(7, 3.1421)).toBe(0);
    expect(share(9, -3.1425)).toBe(1);
    expect(share(11, 3.1415)).toBe(1);
    expect(share(11, 3.143)).toBe(0);
    expect(share(13, -3.1415)).toBe(1);
    expect(share(15, 5)).toBe(1);
    expect(share(15, 6)).toBe(0);
    expect(share(17, -5)).toBe(1);
    expect(share(19, 1822)).toBe(1);
    expect(share(19, 1824)).toBe(0.5);
    expect(share(19, 1825)).toBe(0);
    // A 0% answer is feedback, not a key: 5 and 23 earn nothing, 9 everything.
    expect(share(23, 9)).toBe(1);
    expect(share(23, 5)).toBe(0);
    expect(share(23, 23)).toBe(0);
  });

  it('short answers match the whole answer, in any letter case', () => {
    const { share } = imported('shortAnswer1.gift');
    expect(share(3, 'Nobody')).toBe(1);
    expect(share(3, 'no one')).toBe(1);
    expect(share(3, 'no one knows')).toBe(0);
    expect(share(5, 'FOUR')).toBe(1);
    expect(share(5, '4')).toBe(1);
    expect(share(5, '14')).toBe(0);
  });

  it('true/false: the first feedback is for a wrong answer, the second for a right one', () => {
    const { byLine, share } = imported('TFTwoFeedback.gift');
    expect(share(1, false)).toBe(1);
    expect(share(1, true)).toBe(0);
    expect(byLine.get(1)!.explanation).toContain('If you answered true: feedback for true');
    expect(byLine.get(1)!.explanation).toContain('If you answered false: feedback for false');
    expect(share(3, true)).toBe(1);
    expect(byLine.get(3)!.explanation).toBe('If you answered false: feedback for true');
    expect(byLine.get(5)!.explanation).toBe('If you answered true: feedback for false');
  });

  it('negative weights (Totara): both right colours make the mark, a wrong one cancels it', () => {
    const { byLine, share } = imported('totara_moodle_multichoice_multi.gift');
    expect(byLine.get(4)!.type).toBe('multi-select');
    expect(share(4, ['a', 'c'])).toBe(1);
    expect(share(4, ['a'])).toBe(0.5);
    expect(share(4, ['a', 'c', 'b'])).toBe(0);
    expect(share(4, ['d'])).toBe(0);
  });

  it('several "=" answers are each fully right; the rest earn nothing', () => {
    const { byLine, share } = imported('escapeColon.gift');
    expect(byLine.get(1)!.prompt).toBe('Specify the seasons:');
    for (const season of ['a', 'b', 'c', 'd']) expect(share(1, season)).toBe(1);
    expect(share(1, 'e')).toBe(0);
    expect(imported('mc4.gift').share(2, 'c')).toBe(1);
    expect(imported('mc4.gift').share(2, 'a')).toBe(0);
  });

  it("format.php's own examples: every type, with partial credit where Moodle gives it", () => {
    const { result, byLine, share } = imported('giftFormatPhpExamples.gift');
    expect(result.skipped).toEqual([]);
    expect(share(5, 'c')).toBe(1);
    expect(share(7, 'b')).toBe(1);
    expect(share(7, 'a')).toBe(0);
    expect(share(9, false)).toBe(1);
    expect(share(11, 'Nobody')).toBe(1);
    expect(share(13, 1826)).toBe(1);
    expect(share(13, 1828)).toBe(0);
    expect(byLine.get(15)!.type).toBe('label-each');
    expect(share(15, { i1: 'Ottawa', i2: 'Rome', i3: 'Tokyo' })).toBe(1);
    expect(share(28, 'b')).toBe(0.5);
    expect(share(28, 'c')).toBe(1);
    expect(share(33, 'Nazereth')).toBe(0.75);
    expect(share(33, 'bethlehem')).toBe(0.25);
    expect(share(40, 1821)).toBe(0.5);
  });
});
