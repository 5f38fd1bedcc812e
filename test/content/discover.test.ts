import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { byName, findContentFiles } from '../../src/content/discover.js';
import { seededRandom } from '../../src/exam/draw.js';
import { tempTree } from '../helpers.js';

/** `count` random names of up to 8 characters from `alphabet`, the same ones on every run. */
function names(alphabet: string, count: number, seed: number): { name: string }[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    let name = '';
    const length = 1 + Math.floor(random() * 8);
    for (let i = 0; i < length; i++) name += alphabet[Math.floor(random() * alphabet.length)];
    return { name };
  });
}

const collated = (entries: { name: string }[]) => entries.map((e) => e.name).sort((a, b) => a.localeCompare(b));

describe('the order content files are read in', () => {
  it('is the collation order for plain names (sorted without building a collator)', () => {
    const entries = names('abcdefghijklmnopqrstuvwxyz0123456789.-', 20_000, 1);
    expect(entries.sort(byName(entries)).map((e) => e.name)).toEqual(collated(entries));
  });

  it('is the collation order when names have capitals, underscores, spaces or accents', () => {
    const entries = names('aAbB_- .é1', 5_000, 2);
    expect(entries.sort(byName(entries)).map((e) => e.name)).toEqual(collated(entries));
  });

  it('lists every YAML file of a folder tree in that order, folders in place', () => {
    const dir = tempTree({
      'b-bank.yaml': 'x',
      'B_bank.yaml': 'x',
      'a.yml': 'x',
      'sub/z.yaml': 'x',
      'notes.txt': 'x',
      '.hidden.yaml': 'x',
    });
    expect(findContentFiles([dir]).map((f) => path.relative(dir, f))).toEqual([
      'a.yml',
      'B_bank.yaml',
      'b-bank.yaml',
      path.join('sub', 'z.yaml'),
    ]);
  });
});
