import { describe, expect, it } from 'vitest';
import { wrapText } from '../../src/text/wrap.js';

describe('wrapText', () => {
  it('never starts or ends a wrapped line with the space it broke at', () => {
    const lines = wrapText('one two three four five six seven eight nine ten', 14);
    expect(lines).toEqual(['one two three', 'four five six', 'seven eight', 'nine ten']);
    expect(lines.every((l) => l === l.trim())).toBe(true);
  });

  it('keeps the indentation of indented lines, such as code', () => {
    expect(wrapText('def f(x):\n    return some_long_name + other_long_name', 30)).toEqual([
      'def f(x):',
      '    return some_long_name +',
      '    other_long_name',
    ]);
  });

  it('leaves room for a label before the first line, then uses the full width', () => {
    const lines = wrapText('alpha beta gamma delta epsilon zeta eta theta', 24, 12);
    expect(lines[0]!.length).toBeLessThanOrEqual(12);
    expect(lines.slice(1).every((l) => l.length <= 24)).toBe(true);
    expect(lines.join(' ')).toBe('alpha beta gamma delta epsilon zeta eta theta');
  });
});
