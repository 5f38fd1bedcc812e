import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { parseJson } from '../helpers.js';
import { FIXTURES, cli, tempHome, writeTemp } from './run-cli.js';

const CONTENT = ['--content', path.join(FIXTURES, 'basic')];
const WRONG = path.join(FIXTURES, 'study', 'wrong-answers.yaml');
const homes: string[] = [];
afterEach(() => {
  while (homes.length) fs.rmSync(homes.pop()!, { recursive: true, force: true });
});

function home(): string {
  const dir = tempHome();
  homes.push(dir);
  return dir;
}

const run = (dir: string, ...args: string[]) => cli([...CONTENT, ...args], { home: dir });

/** The fields of `drill --json` and `history --json` these tests read. */
interface DrillJson {
  target: unknown;
  round: unknown[];
  due: { card: string; due: string }[];
}
interface HistoryJson {
  analytics: {
    calibration: { scale: string; confusion: number[][] }[];
    trends: unknown;
    rushing: unknown;
  };
}

describe('qualify drill without a terminal', () => {
  it('prints the cards due as JSON: the questions missed, then the rules of the sections missed', async () => {
    const dir = home();
    await run(dir, 'exam', 'fixture-bank', '--answers', WRONG);
    const result = await run(dir, 'drill', 'fixture-bank', '--json');
    expect(result.code).toBe(0);
    const json = parseJson<DrillJson>(result.stdout);
    expect(json.target).toEqual({ kind: 'bank', id: 'fixture-bank' });
    expect(json.round).toEqual([]);
    expect(json.due.map((c) => c.card)).toEqual([
      'question:fixture-bank:q-single',
      'question:fixture-bank:q-rating',
      'question:fixture-bank:q-label',
      'question:fixture-bank:q-tf',
      'rule:fixture-guide:1.r1',
      'rule:fixture-guide:2.1.r1',
      'rule:fixture-guide:3.r1',
    ]);
    expect(json.due[0]).toMatchObject({ kind: 'question', bank: 'fixture-bank', section: '1' });
    expect(Date.parse(json.due[0]!.due)).not.toBeNaN();
  });

  it('--section and --weak narrow the deck', async () => {
    const dir = home();
    // Only q-single (section 1) and q-rating (2.1) wrong: section 3 is all right.
    const key = (await run(dir, 'key', 'fixture-bank')).stdout
      .replace('q-single: b', 'q-single: a')
      .replace('q-rating: High', 'q-rating: Highest');
    await run(dir, 'exam', 'fixture-bank', '--practice', '--answers', writeTemp(dir, 'two-wrong.yaml', key));
    const due = async (...args: string[]) =>
      parseJson<DrillJson>((await run(dir, 'drill', 'fixture-guide', '--json', ...args)).stdout).due.map((c) => c.card);
    expect(await due('--section', '2')).toEqual(['question:fixture-bank:q-rating', 'rule:fixture-guide:2.1.r1']);
    // The rule cards were added at different times (2.1.r1 by the round above), so compare as sets.
    expect(new Set(await due('--weak'))).toEqual(
      new Set([
        'question:fixture-bank:q-single',
        'question:fixture-bank:q-rating',
        'rule:fixture-guide:1.r1',
        'rule:fixture-guide:2.1.r1',
      ]),
    );
    expect(await due()).toContain('rule:fixture-guide:3.r1');
  });

  it('refuses bad input with exit code 2 and a clear message', async () => {
    const dir = home();
    const piped = await run(dir, 'drill', 'fixture-bank');
    expect(piped.code).toBe(2);
    expect(piped.stderr).toContain(
      '"qualify drill" runs in a terminal; here stdin or stdout is not one. ' +
        '"qualify drill [target] --json" lists the cards due',
    );
    const limit = await run(dir, 'drill', 'fixture-bank', '--limit', '0', '--json');
    expect(limit.code).toBe(2);
    expect(limit.stderr).toContain('--limit must be a whole number of cards, 1 or more (got "0")');
    const unknown = await run(dir, 'drill', 'no-such-thing', '--json');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('There is no bank or guideline with id "no-such-thing"');
    const section = await run(dir, 'drill', 'fixture-bank', '--section', '9', '--json');
    expect(section.code).toBe(2);
    expect(section.stderr).toContain('Guideline "fixture-guide" has no section "9". Its sections: 1, 2, 2.1, 3');
    for (const r of [limit, unknown, section]) expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });
});

describe('qualify read without a terminal', () => {
  it('prints the contents with the record per section, a section (then read), and search results', async () => {
    const dir = home();
    await run(dir, 'exam', 'fixture-bank', '--answers', WRONG);
    const section = await run(dir, 'read', 'fixture-bank', '3');
    expect(section.stdout).toContain('# 3 Safety');
    expect(section.stdout).toContain('Rule 3.r1 Always flag instructions that could cause harm.');
    const toc = (await run(dir, 'read', 'fixture-guide')).stdout;
    expect(toc).toMatch(/3 {2}Safety +3 tried · 33% right · seen today {2}✓ read/);
    expect(toc).toMatch(/1 {2}Reading the task +2 tried · 50% right · seen today\n/);
    expect((await run(dir, 'read', 'fixture-guide', '--search', 'purpose')).stdout).toBe(
      '2.1  High quality\n    Pages with clear purpose.\n',
    );
    expect((await run(dir, 'read', 'fixture-guide', '--search', 'zebra')).stdout).toBe('No section matches "zebra".\n');
    const bad = await run(dir, 'read', 'nope');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('There is no guideline or bank with id "nope"');
  });
});

describe('analytics and the next step in history and reports', () => {
  it('history scores stored answers against the bank as it is now: a corrected key counts at once', async () => {
    const dir = home();
    const content = path.join(dir, 'content-copy');
    fs.cpSync(path.join(FIXTURES, 'basic'), content, { recursive: true });
    const runHere = (...args: string[]) => cli(['--content', content, ...args], { home: dir });
    await runHere('exam', 'fixture-bank', '--answers', WRONG);
    const sectionOne = async () => {
      const json = parseJson<{ analytics: { sections: { sectionId: string; accuracy: number[] }[] } }>(
        (await runHere('history', '--json')).stdout,
      );
      return json.analytics.sections.find((s) => s.sectionId === '1')?.accuracy;
    };
    // Section 1: q-single wrong, q-multi right.
    expect(await sectionOne()).toEqual([50]);
    expect(await sectionOne()).toEqual([50]); // the second read takes the remembered verdicts
    // The author decides "Rate at once" (the learner's pick) is the key after all.
    const bank = path.join(content, 'bank.yaml');
    fs.writeFileSync(bank, fs.readFileSync(bank, 'utf8').replace('    answer: b\n', '    answer: a\n'));
    expect(await sectionOne()).toEqual([100]);
  });

  it('remembers outcomes per attempt: attempt 1 of another database, answered otherwise, is its own', async () => {
    const dir = home();
    const right = writeTemp(dir, 'right.yaml', fs.readFileSync(WRONG, 'utf8').replace('q-single: a', 'q-single: b'));
    const sectionOne = async (db: string) => {
      const json = parseJson<{
        attempts: { attemptId: number }[];
        analytics: { sections: { sectionId: string; accuracy: number[] }[] };
      }>((await run(dir, '--db', db, 'history', '--json')).stdout);
      return {
        ids: json.attempts.map((a) => a.attemptId),
        one: json.analytics.sections.find((s) => s.sectionId === '1')?.accuracy,
      };
    };
    const first = path.join(dir, 'first.db');
    const second = path.join(dir, 'second.db');
    await run(dir, '--db', first, 'exam', 'fixture-bank', '--answers', WRONG);
    await run(dir, '--db', second, 'exam', 'fixture-bank', '--answers', right);
    // Twice each, the second read from what the first remembered; both databases' attempt is number 1.
    for (let read = 0; read < 2; read++) {
      expect(await sectionOne(first)).toEqual({ ids: [1], one: [50] });
      expect(await sectionOne(second)).toEqual({ ids: [1], one: [100] });
    }
  });

  it('history --json carries calibration (mean signed error per scale) and the confusion table', async () => {
    const dir = home();
    await run(dir, 'exam', 'fixture-bank', '--answers', WRONG);
    const json = parseJson<HistoryJson>((await run(dir, 'history', '--json')).stdout);
    const quality = json.analytics.calibration.find((s) => s.scale === 'quality');
    // One rating answered: Highest where High was expected, one step too high.
    expect(quality).toMatchObject({ answered: 1, meanSignedError: 1, meanAbsoluteError: 1 });
    expect(quality?.confusion[3]?.[4]).toBe(1);
    expect(json.analytics.trends).toEqual([{ bankId: 'fixture-bank', percents: [72.7] }]);
    expect(json.analytics.rushing).toBeNull(); // an answers file says nothing about time taken
    const text = (await run(dir, 'history')).stdout;
    expect(text).toContain('quality: you rate one step too high (mean +1 steps over 1 answer)');
  });

  it('every report ends with the next step; the JSON report carries it', async () => {
    const dir = home();
    const exam = (await run(dir, 'exam', 'fixture-bank', '--answers', WRONG)).stdout;
    expect(exam.trimEnd().split('\n').pop()).toBe(
      'Next step: 4 cards due - drill (2 min)  →  qualify drill fixture-bank',
    );
    expect((await run(dir, 'report')).stdout.trimEnd().split('\n').pop()).toBe(
      'Next step: 4 cards due - drill (2 min)  →  qualify drill fixture-bank',
    );
    const json = parseJson<{ nextStep: unknown }>((await run(dir, 'report', '--format', 'json')).stdout);
    expect(json.nextStep).toEqual({
      rule: 'drill-due',
      text: '4 cards due - drill (2 min)',
      command: 'qualify drill fixture-bank',
    });
    expect((await run(dir, 'report', '--format', 'md')).stdout).toContain(
      '**Next step:** 4 cards due - drill (2 min) (`qualify drill fixture-bank`)',
    );
    expect((await run(dir, 'report', '--format', 'html')).stdout).toContain(
      '<strong>Next step:</strong> 4 cards due - drill (2 min) (<code>qualify drill fixture-bank</code>)',
    );
  });
});
