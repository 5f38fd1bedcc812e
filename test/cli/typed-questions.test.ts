import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseJson } from '../helpers.js';
import { cli, FIXTURES, spawnCli, tempHome, writeTemp } from './run-cli.js';

const home = tempHome();
afterAll(() => fs.rmSync(home, { recursive: true, force: true }));
const BANK = path.join(FIXTURES, 'typed', 'typed-bank.yaml');
const CONTENT = ['--content', path.join(FIXTURES, 'basic')];
const run = (args: string[]) => cli([...CONTENT, ...args], { home });

describe('short-answer and numeric questions from an answers file', () => {
  it('lint clean, and their key (from `qualify key`) scores 100%', async () => {
    expect((await run(['lint', BANK, '--max-warnings', '0'])).code).toBe(0);
    const key = await run(['key', BANK]);
    expect(key.stdout).toContain('t-word: fully meets');
    expect(key.stdout).toContain('t-count: 150');
    const exam = spawnCli([...CONTENT, 'exam', BANK, '--answers', '-', '--practice', '--json'], {
      home,
      input: key.stdout,
    });
    expect(parseJson<{ percent: number }>(exam.stdout)).toMatchObject({ percent: 100 });
  });

  it("give partial credit and the matched answer's feedback, shown in the report with the key", async () => {
    const answers = writeTemp(home, 'partial.yaml', 't-word: Highly Meets\nt-count: 145 s\n');
    const report = await run(['exam', BANK, '--answers', answers, '--practice']);
    expect(report.code).toBe(0);
    expect(report.stdout).toContain('Score 1 / 2 (50%)');
    expect(report.stdout).toMatch(/Expected\s+fully meets/);
    expect(report.stdout).toContain('One step below the top.');
    expect(report.stdout).toMatch(/Expected\s+150 s/);
    expect(report.stdout).toContain('Close; recount the half minute.');
  });

  it('refuse an answer that is not a number, with its position', async () => {
    const answers = writeTemp(home, 'words.yaml', 't-word: fully meets\nt-count: a lot\n');
    const result = await run(['exam', BANK, '--answers', answers, '--practice']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /words\.yaml:2:10 {2}question "t-count": expected a number \(optionally followed by "s"\)/,
    );
  });
});
