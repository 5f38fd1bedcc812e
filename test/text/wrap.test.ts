import { describe, expect, it } from 'vitest';
import { wrapLines } from '../../src/text/wrap.js';

describe('wrapLines', () => {
  it('never starts or ends a wrapped line with the space it broke at', () => {
    const text = 'one two three four five six seven eight nine ten eleven twelve';
    const lines = wrapLines(text, 20);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.every((l) => l === l.trim() && l.length <= 20)).toBe(true);
    expect(lines.join(' ')).toBe(text);
  });

  it('keeps the indentation of indented lines, such as code', () => {
    expect(wrapLines('def f(x):\n    return some_long_name + other_long_name', 30)).toEqual([
      'def f(x):',
      '    return some_long_name +',
      '    other_long_name',
    ]);
  });

  it('continues a labelled line at its hanging indent', () => {
    const lines = wrapLines('  Why: alpha beta gamma delta epsilon zeta eta theta', 24, { hang: 7 });
    expect(lines[0]).toMatch(/^ {2}Why: alpha/);
    expect(lines.slice(1).every((l) => /^ {7}\S/.test(l) && l.length <= 24)).toBe(true);
  });
});
