import { describe, expect, it } from 'vitest';
import { spawnCli, tempHome, writeTemp } from '../cli/run-cli.js';
import { seededRandom } from '../../src/exam/draw.js';
import { compareNumbered, compareText } from '../../src/text/collation.js';

/** `count` random texts of up to `longest` characters from `alphabet`, the same ones on every run. */
function texts(alphabet: string, count: number, seed: number, longest = 8): string[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    let text = '';
    const length = 1 + Math.floor(random() * longest);
    for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
    return text;
  });
}

/** Random section numbers: one to four parts of up to three digits, no leading zeros. */
function sectionNumbers(count: number, seed: number): string[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () =>
    Array.from({ length: 1 + Math.floor(random() * 4) }, () => String(Math.floor(random() ** 3 * 200))).join('.'),
  );
}

const text = new Intl.Collator('en');
const numeric = new Intl.Collator('en', { numeric: true });

describe('compareText', () => {
  it('orders plain names (compared without a collator) as the collator does', () => {
    const names = texts('abcdefghijklmnopqrstuvwxyz0123456789.-', 20_000, 1);
    expect([...names].sort(compareText)).toEqual([...names].sort(text.compare));
  });

  it('orders names with capitals, underscores, spaces or accents as the collator does, mixed with plain ones', () => {
    const names = [...texts('aAbB_- .é1', 3_000, 2), ...texts('ab-.1', 3_000, 3)];
    expect([...names].sort(compareText)).toEqual([...names].sort(text.compare));
    // Where character codes would differ: capitals sort among their letters, "_" before "-".
    expect(['b-bank', 'B_bank', 'a', 'Z'].sort(compareText)).toEqual(['a', 'B_bank', 'b-bank', 'Z']);
  });
});

describe('compareNumbered', () => {
  it('orders section numbers (compared number by number) as the numeric collator does', () => {
    const numbers = sectionNumbers(20_000, 4);
    expect([...numbers].sort(compareNumbered)).toEqual([...numbers].sort(numeric.compare));
    expect(['10', '5.10', '5.2', '9', '5'].sort(compareNumbered)).toEqual(['5', '5.2', '5.10', '9', '10']);
  });

  it('orders any other section ids as the numeric collator does, mixed with numbers', () => {
    const ids = [...texts('0123456789.aB-', 5_000, 5), ...sectionNumbers(3_000, 6)];
    expect([...ids].sort(compareNumbered)).toEqual([...ids].sort(numeric.compare));
  });
});

describe('the order files are reported in', () => {
  it('is the same whatever the locale (Danish sorts "aa" after "z")', () => {
    const home = tempHome();
    for (const name of ['z', 'aa', 'Ab']) writeTemp(home, `content/${name}.yaml`, 'kind: bank\nid: [unclosed\n');
    const files = (LANG: string) => {
      const result = spawnCli(['lint', `${home}/content`], { home, env: { LANG, LC_ALL: LANG } });
      expect(result.code).toBe(1);
      return result.stdout.split('\n').filter((line) => line.endsWith('.yaml'));
    };
    const english = files('en_US.UTF-8');
    expect(english.map((line) => line.split('/').at(-1))).toEqual(['aa.yaml', 'Ab.yaml', 'z.yaml']);
    expect(files('da_DK.UTF-8')).toEqual(english);
  });
});
