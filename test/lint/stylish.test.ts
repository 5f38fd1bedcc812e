import { describe, expect, it } from 'vitest';
import { stylish } from '../../src/lint/formatters/stylish.js';
import type { LintResult } from '../../src/lint/index.js';
import { textWidth } from '../../src/text/width.js';

const result: LintResult = {
  files: ['/work/bank.yaml'],
  coverage: [],
  errorCount: 1,
  warningCount: 1,
  problems: [
    {
      file: '/work/bank.yaml',
      line: 8,
      column: 15,
      severity: 'error',
      ruleId: 'yaml-syntax',
      message: 'YAML syntax: this list opened with [ is never closed; add ] at its end',
    },
    {
      file: '/work/bank.yaml',
      line: 120,
      column: 3,
      severity: 'warning',
      ruleId: 'near-duplicate',
      message:
        'question "q7" reads almost the same as "q2" (92% of its words); merge them or make them ask different things',
    },
  ],
};
const displayPath = (file: string) => file.replace('/work/', '');

describe('the stylish formatter', () => {
  it('in a terminal, wraps a long message under its own start, inside the width', () => {
    const lines = stylish(result, { color: false, displayPath, width: 60 }).split('\n');
    expect(lines.every((line) => textWidth(line) <= 60)).toBe(true);
    const start = lines.findIndex((line) => line.startsWith('  120:3'));
    const messageColumn = lines[start]!.indexOf('question');
    // The lines after it, up to the next problem or the blank line, start where the message does.
    const continued = lines.slice(start + 1, lines.indexOf('', start));
    expect(continued.length).toBeGreaterThan(0);
    for (const line of continued) expect(line.search(/\S/)).toBe(messageColumn);
    const text = [lines[start]!.slice(messageColumn), ...continued.map((l) => l.trim())].join(' ');
    expect(text).toBe(`${result.problems[1]!.message} near-duplicate`);
  });

  it('piped (no width), keeps one line per problem, for grep and editors', () => {
    const lines = stylish(result, { color: false, displayPath }).split('\n');
    expect(lines.filter((line) => /^ {2}\d+:\d+/.test(line))).toEqual([
      expect.stringMatching(/^ {2}8:15 +error +YAML syntax: .* at its end {2}yaml-syntax$/),
      expect.stringMatching(/^ {2}120:3 +warning +question "q7" .* different things {2}near-duplicate$/),
    ]);
  });
});
