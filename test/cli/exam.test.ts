import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AttemptStore } from '../../src/store/attempts.js';
import { openDatabase } from '../../src/store/db.js';
import { GUIDELINE, bankYaml, parseJson } from '../helpers.js';
import { FIXTURES, cli, spawnCli, tempHome, writeTemp } from './run-cli.js';

const BASIC = path.join(FIXTURES, 'basic');
let home: string;
beforeEach(() => {
  home = tempHome();
});
afterEach(() => fs.rmSync(home, { recursive: true, force: true }));

/** The fields of `exam --json` (and of its refusals) and `history --json` that these tests read. */
interface ExamJson {
  attemptId: number;
  mode: string;
  seed: number;
  percent: number;
  passed: boolean;
  nextAttemptAt: string | null;
  sections: { id: string }[];
  mistakes: { questionId: string; sections: string[]; response: unknown; expected: unknown }[];
}
interface HistoryJson {
  attempts: { seed: number }[];
  retake: Record<string, unknown>;
}

const run = (args: string[], now?: string) => cli(['--content', BASIC, ...args], { home, now });
const json = async <T = ExamJson>(args: string[], now?: string) => {
  const result = await run([...args, '--json'], now);
  return { ...result, body: parseJson<T>(result.stdout) };
};
const keyFile = async () => writeTemp(home, 'key.yaml', (await run(['key', 'fixture-bank'])).stdout);
const emptyFile = () => writeTemp(home, 'empty.yaml', '');

describe('qualify list', () => {
  it('finds banks in $QUALIFY_HOME/content without --content', async () => {
    fs.cpSync(BASIC, path.join(home, 'content', 'mine'), { recursive: true });
    const result = await cli(['list', '--json'], { home });
    expect(result.code).toBe(0);
    expect(parseJson<{ id: string }[]>(result.stdout).map((b) => b.id)).toContain('fixture-bank');
  });

  it('lists the banks found with their question counts', async () => {
    const { code, body } = await json(['list']);
    expect(code).toBe(0);
    expect(body).toContainEqual(
      expect.objectContaining({ id: 'fixture-bank', title: 'Fixture Bank', guideline: 'fixture-guide', questions: 8 }),
    );
  });

  it('says "1 question" for a bank of one, and piped, suggests the answers-file route', async () => {
    const quick = fs.readFileSync(path.join(FIXTURES, 'interactive', 'quick-bank.yaml'), 'utf8');
    const single = quick.slice(0, quick.indexOf('  - id: k-second')).replace('id: quick-bank', 'id: single-bank');
    const dir = path.join(home, 'single');
    writeTemp(dir, 'bank.yaml', single);
    const { stdout } = await cli(['--content', BASIC, '--content', dir, 'list'], { home });
    expect(stdout).toMatch(/ 1 question · guideline fixture-guide/);
    expect(stdout).toMatch(/ 8 questions · guideline fixture-guide/);
    expect(stdout).toContain('Start one with: qualify exam <id> --answers <file>');
  });

  it('wraps to a 60-column window, keeping each file path whole on its own line', async () => {
    const { stdout } = await cli(['list'], { home, env: { COLUMNS: '60' } });
    const lines = stdout.trimEnd().split('\n');
    expect(lines.filter((line) => [...line].length > 59 && !/^ +\S+\.yaml$/.test(line))).toEqual([]);
    expect(stdout).toMatch(/^search-evaluation-basics\n {2}Search Result Evaluation/m);
    expect(stdout).toMatch(/^ {2}question-banks\/search-evaluation\/search-evaluation-basics\.yaml$/m);
  });
});

describe('qualify exam --answers', () => {
  it('scores the bank’s own key at 100% and passes', async () => {
    const { code, body } = await json(['exam', 'fixture-bank', '--answers', await keyFile()]);
    expect(code).toBe(0);
    expect(body).toMatchObject({
      bank: 'fixture-bank',
      mode: 'exam',
      percent: 100,
      passed: true,
      criticalMissed: false,
      mistakes: [],
      nextAttemptAt: null,
    });
    expect(body.sections.map((s) => s.id)).toEqual(['1', '2', '2.1', '3']);
  });

  it('scores an empty answers file at 0% with one mistake per question, each with its sections', async () => {
    const { code, body } = await json(['exam', 'fixture-bank', '--answers', emptyFile()]);
    expect(code).toBe(0);
    expect(body.percent).toBe(0);
    expect(body.passed).toBe(false);
    expect(body.mistakes).toHaveLength(8);
    for (const mistake of body.mistakes) {
      expect(mistake.sections.length).toBeGreaterThan(0);
      expect(mistake.response).toBeNull();
      expect(mistake.expected).not.toBeNull();
    }
  });

  it('saves every answer given in the database with the attempt', async () => {
    const answers = writeTemp(
      home,
      'some.yaml',
      'q-single: a\nq-tf: true\nq-rating: {answer: High, rationale: clear purpose, confidence: high}\n',
    );
    const { body } = await json(['exam', 'fixture-bank', '--answers', answers]);
    const db = new Database(path.join(home, 'qualify.db'), { readonly: true });
    const rows = db
      .prepare('SELECT question_id, response FROM answers WHERE attempt_id = ? ORDER BY question_id')
      .all(body.attemptId) as { question_id: string; response: string }[];
    const attempt = db.prepare('SELECT status, mode, percent FROM attempts WHERE id = ?').get(body.attemptId);
    db.close();
    expect(rows.map((r) => r.question_id)).toEqual(['q-rating', 'q-single', 'q-tf']);
    expect(JSON.parse(rows[0]!.response)).toMatchObject({
      answer: 'High',
      rationale: 'clear purpose',
      confidence: 'high',
    });
    expect(attempt).toEqual({ status: 'submitted', mode: 'exam', percent: body.percent });
  });

  it('refuses an answer that is not an option, naming where it is', async () => {
    const answers = writeTemp(home, 'bad.yaml', 'q-tf: true\nq-single: z\n');
    const { code, stderr } = await run(['exam', 'fixture-bank', '--answers', answers]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/bad\.yaml:2:11 {2}question "q-single": expected one option id \(a, b\)/);
  });

  it('reads the answers from standard input for "--answers -", and names it <stdin> in errors', async () => {
    const key = (await run(['key', 'fixture-bank'])).stdout;
    const piped = spawnCli(['--content', BASIC, 'exam', 'fixture-bank', '--answers', '-', '--practice', '--json'], {
      home,
      input: key,
    });
    expect(piped.code).toBe(0);
    expect(JSON.parse(piped.stdout)).toMatchObject({ percent: 100, passed: true });
    const bad = spawnCli(['--content', BASIC, 'exam', 'fixture-bank', '--answers', '-', '--practice'], {
      home,
      input: 'q-tf: true\nq-single: z\n',
    });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/<stdin>:2:11 {2}question "q-single": expected one option id/);
  });

  it('refuses a confidence that is not low, medium or high, naming where it is', async () => {
    const answers = writeTemp(home, 'conf.yaml', 'q-tf: {answer: true, confidence: very}\n');
    const { code, stderr } = await run(['exam', 'fixture-bank', '--answers', answers]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/conf\.yaml:1:34 {2}question "q-tf": confidence must be low, medium or high, not "very"/);
  });

  it('names an unknown bank and suggests the closest ones', async () => {
    const { code, stderr } = await run(['exam', 'fixture-bnk', '--answers', emptyFile()]);
    expect(code).toBe(2);
    expect(stderr).toContain('There is no question bank with id "fixture-bnk"');
    expect(stderr).toContain('Did you mean "fixture-bank"?');
    expect(stderr).toMatch(/Known banks: fixture-bank/);
  });

  it('lists the known banks in the same order every time, and guesses only when one is closest', async () => {
    const content = path.join(home, 'three');
    writeTemp(content, 'g.yaml', GUIDELINE);
    // Written in reverse order, so the order files are found in is not the order of the ids.
    for (const id of ['bank-c', 'bank-b', 'bank-a'])
      writeTemp(
        content,
        `${id}.yaml`,
        bankYaml('  - {id: q1, type: true-false, sections: ["1"], prompt: P, answer: true}\n').replace(
          'id: b\n',
          `id: ${id}\n`,
        ),
      );
    const refused = await cli(['--content', content, 'exam', 'bank-q', '--answers', emptyFile()], { home });
    expect(refused.code).toBe(2);
    // Each is one letter away: no single guess, and the list in name order.
    expect(refused.stderr).not.toContain('Did you mean');
    expect(refused.stderr).toContain('Known banks: bank-a, bank-b, bank-c');
    const typo = await cli(['--content', content, 'exam', 'bnk-b', '--answers', emptyFile()], { home });
    expect(typo.stderr).toContain('Did you mean "bank-b"?');
    const far = await cli(['--content', content, 'exam', 'something-else', '--answers', emptyFile()], { home });
    expect(far.stderr).not.toContain('Did you mean');
  });

  it('draws the same questions again with the same seed', async () => {
    const drawn = async (seed: string) =>
      (await json(['exam', 'fixture-bank', '--answers', emptyFile(), '--practice', '--seed', seed])).body.mistakes.map(
        (m) => m.questionId,
      );
    expect(await drawn('42')).toEqual(await drawn('42'));
    expect(await drawn('42')).not.toEqual(await drawn('43'));
  });

  it('accepts a bank by its file path', async () => {
    const { code, body } = await json([
      'exam',
      path.join(BASIC, 'bank.yaml'),
      '--answers',
      await keyFile(),
      '--practice',
    ]);
    expect(code).toBe(0);
    expect(body.percent).toBe(100);
  });
});

describe('retake waiting periods through the CLI', () => {
  const T0 = '2026-11-01T09:00:00.000Z';
  const at = (hours: number) => new Date(Date.parse(T0) + hours * 3_600_000).toISOString();

  it('refuses a retake inside the wait with exit 3 and the exact time it opens', async () => {
    expect((await json(['exam', 'fixture-bank', '--answers', emptyFile()], T0)).body.nextAttemptAt).toBe(at(24));
    const refused = await json(['exam', 'fixture-bank', '--answers', await keyFile()], at(23));
    expect(refused.code).toBe(3);
    expect(refused.body).toEqual({ error: 'retake-wait', availableAt: at(24) });
    expect(refused.stderr).toContain('Mon, 2 Nov 2026, 09:00 UTC');
  });

  it('escalates the wait, then locks out, and the lockout expires', async () => {
    const empty = emptyFile();
    await json(['exam', 'fixture-bank', '--answers', empty], T0);
    expect((await json(['exam', 'fixture-bank', '--answers', empty], at(24))).body.nextAttemptAt).toBe(at(24 + 72));
    const third = await json(['exam', 'fixture-bank', '--answers', empty], at(24 + 72));
    expect(third.body.nextAttemptAt).toBe(at(96 + 30 * 24)); // max_attempts 3, lockout 30d
    const locked = await json(['exam', 'fixture-bank', '--answers', empty], at(200));
    expect(locked.code).toBe(3);
    expect(locked.body).toEqual({ error: 'locked-out', availableAt: at(96 + 30 * 24) });
    expect(locked.stderr).toContain('Practice is still open, and never counts:\n  qualify practice fixture-bank\n');
    expect((await json(['exam', 'fixture-bank', '--answers', await keyFile()], at(96 + 30 * 24))).body.passed).toBe(
      true,
    );
  });

  it('practice never counts and is open during a wait', async () => {
    await json(['exam', 'fixture-bank', '--answers', emptyFile()], T0);
    const practice = await json(['exam', 'fixture-bank', '--answers', emptyFile(), '--practice'], at(1));
    expect(practice.code).toBe(0);
    expect(practice.body.mode).toBe('practice');
    expect((await json<HistoryJson>(['history', 'fixture-bank'], at(2))).body.retake['fixture-bank']).toEqual({
      status: 'waiting',
      availableAt: at(24),
    });
  });

  it('allows one counted exam at a time, and submits one left behind once its time ran out', async () => {
    // An exam saved and left in the terminal at T0, with the bank's 10-minute limit.
    const db = openDatabase(path.join(home, 'qualify.db'));
    new AttemptStore(db).start({
      bankId: 'fixture-bank',
      bankTitle: 'Fixture Bank',
      bankVersion: '1.0.0',
      bankFile: path.join(BASIC, 'bank.yaml'),
      guidelineId: 'fixture-guide',
      mode: 'exam',
      seed: 1,
      questionIds: ['q-single', 'q-tf'],
      startedAt: Date.parse(T0),
      deadlineAt: Date.parse(T0) + 600_000,
    });
    db.close();
    const during = await run(['exam', 'fixture-bank', '--answers', await keyFile()], at(0.05));
    expect(during.code).toBe(2);
    expect(during.stderr).toContain('is already in progress, started Sun, 1 Nov 2026, 09:00 UTC.');
    expect(during.stderr).toContain('To continue it:\n  qualify exam fixture-bank --resume\n');
    expect(during.stderr).toContain('its time runs out at Sun, 1 Nov 2026, 09:10 UTC');
    // An hour later it has run out: it is submitted as it stood (nothing answered: failed), so the
    // wait starts at its deadline.
    const after = await json(['exam', 'fixture-bank', '--answers', await keyFile()], at(1));
    expect(after.code).toBe(3);
    expect(after.body).toEqual({
      error: 'retake-wait',
      availableAt: new Date(Date.parse(T0) + 600_000 + 24 * 3_600_000).toISOString(),
    });
    expect((await json<HistoryJson>(['history'], at(1))).body.attempts[0]).toMatchObject({
      status: 'expired',
      passed: false,
      endedAt: new Date(Date.parse(T0) + 600_000).toISOString(),
    });
  });

  it('refuses when the clock was turned back behind the last attempt', async () => {
    await json(['exam', 'fixture-bank', '--answers', emptyFile()], T0);
    const rolled = await run(['exam', 'fixture-bank', '--answers', await keyFile()], at(-48));
    expect(rolled.code).toBe(3);
    expect(rolled.stderr).toMatch(/clock says it is earlier than an attempt already recorded/);
  });
});

describe('qualify report and history', () => {
  it('prints the latest report in text, Markdown and JSON', async () => {
    await run([
      'exam',
      'fixture-bank',
      '--answers',
      writeTemp(home, 'a.yaml', 'q-single: a\nq-free: {text: it is fine, self: [invents]}\n'),
    ]);
    const text = await run(['report']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('NOT PASSED');
    // Mistakes sit under the section they test.
    const section1 = text.stdout.indexOf('§ 1 Reading the task');
    expect(section1).toBeGreaterThan(0);
    expect(text.stdout.indexOf('q-single (0/1)')).toBeGreaterThan(section1);
    expect(text.stdout.indexOf('q-single (0/1)')).toBeLessThan(text.stdout.indexOf('§ 2 Rating quality'));
    expect(text.stdout).toMatch(/Rule 1\.r1 +Read every instruction before you rate\./);
    // The pick is labelled by its place in this attempt's shuffled order (the seed is random here).
    expect(text.stdout).toMatch(/On your pick +[a-d]\) Rating before reading misses instructions\./);
    expect(text.stdout).toMatch(/Pitfall +Invents a policy \(-1\)/);
    expect(text.stdout).toContain('Study plan');
    const md = await run(['report', '--format', 'md']);
    expect(md.stdout).toContain('| Section | Title | Earned | Max | Lost |');
    const data = parseJson<{ studyPlan: unknown[] }>((await run(['report', '1', '--format', 'json'])).stdout);
    expect(data.studyPlan[0]).toMatchObject({ sectionId: '3', reason: 'a critical error was made here' });
  });

  it('keeps bank text literal in Markdown: no links, images, HTML or emphasis from a shared bank', async () => {
    const dir = path.join(home, 'md');
    fs.cpSync(BASIC, dir, { recursive: true });
    fs.rmSync(path.join(dir, 'guideline.yaml'));
    const bank = fs
      .readFileSync(path.join(dir, 'bank.yaml'), 'utf8')
      .replace('id: fixture-bank', 'id: md-bank')
      .replace('What do you do first?', '"Read **this** [link](http://evil.example) <img src=x>"');
    fs.writeFileSync(path.join(dir, 'bank.yaml'), bank);
    await cli(['--content', BASIC, '--content', dir, 'exam', 'md-bank', '--answers', emptyFile(), '--practice'], {
      home,
    });
    const md = (await cli(['--content', BASIC, '--content', dir, 'report', '--format', 'md'], { home })).stdout;
    expect(md).toContain('Read \\*\\*this\\*\\* \\[link\\]\\(http://evil.example\\) \\<img src=x\\>');
    expect(md).not.toContain('[link](');
  });

  it('shows the seed of an attempt so it can be drawn again', async () => {
    const { body } = await json(['exam', 'fixture-bank', '--answers', emptyFile(), '--practice', '--seed', '42']);
    expect(body.seed).toBe(42);
    expect((await run(['report'])).stdout).toMatch(/Practice · attempt #1 · seed 42/);
    expect((await json<HistoryJson>(['history'])).body.attempts[0]!.seed).toBe(42);
  });

  it('explains that there is nothing to report yet', async () => {
    const result = await run(['report']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('No finished attempts yet');
  });

  it('names an unknown bank instead of saying it has no attempts', async () => {
    const result = await run(['history', 'nope']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('There is no question bank with id "nope"');
  });

  it('lists attempts with score and pass/fail', async () => {
    await run(['exam', 'fixture-bank', '--answers', await keyFile(), '--practice']);
    const { body } = await json<HistoryJson>(['history']);
    expect(body.attempts).toEqual([
      expect.objectContaining({
        attemptId: 1,
        bank: 'fixture-bank',
        mode: 'practice',
        status: 'submitted',
        percent: 100,
        passed: true,
      }),
    ]);
  });
});

describe('broken and hostile content', () => {
  it('stops any command with exit 2 and file:line:col, never a stack trace', async () => {
    const dir = path.join(home, 'shared');
    writeTemp(dir, 'broken.yaml', 'kind: bank\nid: x\ntitle: [unclosed\n');
    for (const command of [['list'], ['report'], ['history'], ['key', 'fixture-bank']]) {
      const result = await cli(['--content', dir, ...command], { home });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/broken\.yaml:\d+:\d+ {2}YAML syntax: /);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('never echoes escape sequences from a broken file in its error messages', async () => {
    const dir = path.join(home, 'evil');
    writeTemp(
      dir,
      'bank.yaml',
      'kind: bank\nid: h\ntitle: T\nguideline: fixture-guide\nversion: "1"\n' +
        '"\\e[2Jevil\\e]0;pwn\\a": 1\nquestions: []\n',
    );
    const result = await cli(['--content', BASIC, '--content', dir, 'list'], { home });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown field "\ufffdevil\ufffd"');
    expect(result.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });

  it('never prints escape sequences from bank text', async () => {
    const dir = path.join(home, 'hostile');
    fs.cpSync(BASIC, dir, { recursive: true });
    const bank = fs
      .readFileSync(path.join(dir, 'bank.yaml'), 'utf8')
      .replace('What do you do first?', '"What do you do \\e[2J\\e]0;owned\\a first?"')
      .replace('id: fixture-bank', 'id: hostile-bank')
      .replace('id: fixture-guide', 'id: fixture-guide');
    fs.writeFileSync(path.join(dir, 'bank.yaml'), bank);
    fs.rmSync(path.join(dir, 'guideline.yaml'));
    const result = await cli(
      ['--content', BASIC, '--content', dir, 'exam', 'hostile-bank', '--answers', emptyFile(), '--practice'],
      { home },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('What do you do');
    expect(result.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });
});

describe('qualify exam without --answers outside a terminal', () => {
  it('explains that the interactive exam needs a terminal, and qualify alone prints the help', async () => {
    const exam = await run(['exam', 'fixture-bank']);
    expect(exam.code).toBe(2);
    expect(exam.stderr).toContain(
      '"qualify exam" runs in a terminal; here stdin or stdout is not one. ' +
        'To score an answers file instead, use "qualify exam <bank> --answers <file>".',
    );
    const practice = await run(['practice', 'fixture-bank']);
    expect(practice.code).toBe(2);
    // practice has no --answers of its own, so the hint names the command that does.
    expect(practice.stderr).toContain('use "qualify exam <bank> --answers <file>" with --practice.');
    // A mistyped bank is named before the missing terminal.
    const typo = await run(['exam', 'fixture-bnak']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('There is no question bank with id "fixture-bnak"');
    const bare = await cli([], { home });
    expect(bare.code).toBe(0);
    expect(bare.stdout).toContain('Usage: qualify');
  });
});

describe('qualify exam --answers with a file for another bank', () => {
  const INTERACTIVE = path.join(FIXTURES, 'interactive');
  const both = (args: string[]) => cli(['--content', BASIC, '--content', INTERACTIVE, ...args], { home });
  const recorded = async () =>
    fs.existsSync(path.join(home, 'qualify.db')) ? (await both(['history', '--json'])).stdout : '[]';

  it('is a usage error naming the bank the ids belong to, and records no attempt and no retake wait', async () => {
    const { code, stderr } = await both(['exam', 'quick-bank', '--answers', await keyFile()]);
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /key\.yaml:\d+:\d+ {2}none of the 8 question ids in this answers file is in bank "quick-bank"; they belong to bank "fixture-bank"/,
    );
    expect(stderr).toContain('qualify exam fixture-bank --answers');
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(JSON.parse(await recorded())).toEqual([]);
    // Nothing was counted: the real exam is still open at once.
    const next = await both([
      'exam',
      'quick-bank',
      '--answers',
      writeTemp(home, 'right.yaml', 'k-first: b\n'),
      '--json',
    ]);
    expect(next.code).toBe(0);
  });

  it('suggests the same command for the right bank: a practice round stays a practice round', async () => {
    const key = await keyFile();
    const practice = await both(['exam', 'quick-bank', '--practice', '--seed', '4', '--answers', key, '--json']);
    expect(practice.code).toBe(2);
    expect(practice.stderr).toContain(
      `Did you mean: qualify exam fixture-bank --practice --seed 4 --answers ${key} --json?`,
    );
    const spaced = writeTemp(home, 'my answers.yaml', fs.readFileSync(key, 'utf8'));
    const counted = await both(['exam', 'quick-bank', '--answers', spaced]);
    expect(counted.stderr).toContain(`Did you mean: qualify exam fixture-bank --answers '${spaced}'?`);
    expect(JSON.parse(await recorded())).toEqual([]);
  });

  it('is refused too when most ids are not in the bank', async () => {
    const answers = writeTemp(home, 'mixed.yaml', 'q-single: b\nq-tf: true\nq-rating: High\nk-first: b\n');
    const { code, stderr } = await both(['exam', 'quick-bank', '--answers', answers]);
    expect(code).toBe(2);
    expect(stderr).toContain(
      '3 of the 4 question ids in this answers file are not in bank "quick-bank"; they belong to bank "fixture-bank"',
    );
  });

  it('still scores a file with one stray id among the right ones, warning about the stray one', async () => {
    const answers = writeTemp(home, 'stray.yaml', 'q-single: b\nq-tf: true\nk-first: b\n');
    const { code, stderr } = await both(['exam', 'fixture-bank', '--answers', answers, '--practice']);
    expect(code).toBe(0);
    expect(stderr).toContain('question "k-first" is not in bank "fixture-bank"');
  });
});
