import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, FIXTURES, tempHome, writeTemp } from '../cli/run-cli.js';

const home = tempHome();
afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

const BANK = `kind: bank
id: all-problems
title: All problems
guideline: fixture-guide
version: 1.0.0
exam:
  draw: 9
questions:
  - {id: q1, type: single-choice, sections: ["1"], prompt: P, options: "a or b", answer: a}
  - {id: q2, type: true-false, sections: ["1"], prompt: P, answer: true}
  - {id: q2, type: true-false, sections: ["1"], prompt: P, answer: false}
  - {id: q4, type: single-choice, sections: ["1"], prompt: P, options: [{id: a, text: A}, {id: b, text: B}], answer: c}
  - {id: q5, type: true-false, sections: ["99"], prompt: P, answer: true}
  - {type: true-false, sections: ["1"], prompt: P, answer: true}
  - {type: true-false, sections: ["1"], prompt: P, answer: false}
`;

describe('lint reports every problem of a file in one run', () => {
  it('a schema error in a question hides no duplicate id, wrong answer, unknown section, draw too large', async () => {
    const dir = fs.mkdtempSync(path.join(home, 'all-'));
    const bank = writeTemp(dir, 'bank.yaml', BANK);
    const result = await cli(['lint', bank, '--content', path.join(FIXTURES, 'basic'), '--format', 'json'], { home });
    expect(result.code).toBe(1);
    const [entry] = JSON.parse(result.stdout) as { messages: { line: number; ruleId: string; message: string }[] }[];
    // The two questions without an id are schema errors, not a duplicate id.
    expect(entry!.messages.map((m) => `${m.line} ${m.ruleId}`)).toEqual([
      '7 draw-count',
      '9 schema',
      '11 unique-ids',
      '12 answer-shape',
      '13 unknown-section',
      '14 schema',
      '15 schema',
    ]);
    expect(entry!.messages[0]!.message).toContain('draws 9 questions but the bank has only 7');
  });

  it('a bank with a broken question still stops every other command', async () => {
    const dir = fs.mkdtempSync(path.join(home, 'stop-'));
    writeTemp(dir, 'bank.yaml', BANK);
    const result = await cli(['--content', dir, '--content', path.join(FIXTURES, 'basic'), 'key', 'all-problems'], {
      home,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('options: must be a list');
  });
});
