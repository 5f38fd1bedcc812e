import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import * as answersFile from '../../src/attempt/answers.js';
import { cli, FIXTURES, tempHome } from '../cli/run-cli.js';

// Counts the files parsed, which remembering a file read before spares.
vi.mock('../../src/attempt/answers.js', { spy: true });
const parsed = () => vi.mocked(answersFile.parseAnswersFile).mock.calls.length;

/** The parts of an exam's JSON summary that do not change from one attempt to the next. */
const scored = (stdout: string) => {
  const { score, percent, mistakes } = JSON.parse(stdout) as { score: number; percent: number; mistakes: unknown[] };
  return { score, percent, mistakes };
};

describe('an answers file read before', () => {
  it('scores and warns as when first read; an edited file, or an edited bank, is read again', async () => {
    const home = tempHome();
    const content = path.join(home, 'content');
    fs.cpSync(path.join(FIXTURES, 'basic'), content, { recursive: true });
    const answers = path.join(home, 'answers.yaml');
    const exam = () =>
      cli(['--content', content, 'exam', 'fixture-bank', '--practice', '--seed', '3', '--answers', answers, '--json'], {
        home,
      });
    fs.writeFileSync(answers, 'q-single: a\nq-tf: true\nq-gone: true\n');

    const first = await exam();
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/answers\.yaml:3:1 .*q-gone/);
    const before = parsed();
    const again = await exam();
    expect(parsed()).toBe(before);
    expect(again.stderr).toBe(first.stderr); // the warning, from the remembered file
    expect(scored(again.stdout)).toEqual(scored(first.stdout));

    // An edit to a question the file does not name: still not parsed again.
    const bank = path.join(content, 'bank.yaml');
    const touch = (text: string) => {
      fs.writeFileSync(bank, text);
      const later = new Date(Date.now() + 5000 + parsed() * 1000);
      fs.utimesSync(bank, later, later);
    };
    touch(fs.readFileSync(bank, 'utf8').replace('prompt: Rate this page.', 'prompt: Rate this page, please.'));
    expect(scored((await exam()).stdout)).toEqual(scored(first.stdout));
    expect(parsed()).toBe(before);

    fs.writeFileSync(answers, 'q-single: b\nq-tf: true\nq-gone: true\n');
    expect(scored((await exam()).stdout).score).toBeGreaterThan(scored(first.stdout).score);

    // The bank renames option b: the same file now names an option the question lacks.
    const renamed = fs
      .readFileSync(bank, 'utf8')
      .replace('{id: b, text: Read', '{id: c2, text: Read')
      .replace('answer: b\n    explanation: Section 1', 'answer: c2\n    explanation: Section 1');
    touch(renamed);
    for (let run = 0; run < 2; run++) {
      const refused = await exam();
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/answers\.yaml:1:\d+ .*q-single/);
    }
  });
});
