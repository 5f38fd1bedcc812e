import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/exam/draw.js';
import { collationBy } from '../../src/text/collation.js';

/** `count` random texts of up to 8 characters from `alphabet`, the same ones on every run. */
function texts(alphabet: string, count: number, seed: number): string[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    let text = '';
    const length = 1 + Math.floor(random() * 8);
    for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
    return text;
  });
}

const sortedBy = (items: string[]) => [...items].sort(collationBy(items, (text) => text));
const collated = (items: string[]) => [...items].sort((a, b) => a.localeCompare(b));

describe('the order file names and ids are sorted in', () => {
  it('is the collation order for plain names (sorted without building a collator)', () => {
    const names = texts('abcdefghijklmnopqrstuvwxyz0123456789.-', 20_000, 1);
    expect(sortedBy(names)).toEqual(collated(names));
  });

  it('is the collation order when names have capitals, underscores, spaces or accents', () => {
    const names = texts('aAbB_- .é1', 5_000, 2);
    expect(sortedBy(names)).toEqual(collated(names));
    // Where character codes would differ: capitals sort among their letters, "_" before "-".
    expect(sortedBy(['b-bank', 'B_bank', 'a', 'Z'])).toEqual(['a', 'B_bank', 'b-bank', 'Z']);
  });
});
