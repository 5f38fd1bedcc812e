import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GUIDELINE, bankYaml, parseJson } from '../helpers.js';
import { FIXTURES, builtBin, cli, spawnCli, tempHome, writeTemp, type CliResult } from './run-cli.js';

// The "Found" list of issue 15: each case here failed before its fix.
const BASIC = path.join(FIXTURES, 'basic');
const BANK = 'fixture-bank';
let home: string;
beforeEach(() => {
  home = tempHome();
});
afterEach(() => fs.rmSync(home, { recursive: true, force: true }));

/** The CLI in this process; with text for standard input, the real launcher (the drivable exam). */
const run = (args: string[], now?: string, input?: string): Promise<CliResult> =>
  input === undefined
    ? cli(['--content', BASIC, ...args], { home, now })
    : Promise.resolve(spawnCli(['--content', BASIC, ...args], { home, now, input }));
const db = () => path.join(home, 'qualify.db');
const wrongAnswers = () => writeTemp(home, 'wrong.yaml', 'q-single: a\nq-tf: false\n');

const events = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
/** Schema 1 as an older qualify left it: the first migration only. */
const SCHEMA_1 = `CREATE TABLE attempts (id INTEGER PRIMARY KEY, bank_id TEXT NOT NULL, bank_title TEXT NOT NULL,
  bank_version TEXT NOT NULL, bank_file TEXT NOT NULL, guideline_id TEXT NOT NULL, mode TEXT NOT NULL,
  status TEXT NOT NULL, seed INTEGER NOT NULL, question_ids TEXT NOT NULL, started_at INTEGER NOT NULL,
  deadline_at INTEGER, ended_at INTEGER, score REAL, max_score REAL, percent REAL, passed INTEGER, result TEXT);
  CREATE TABLE answers (attempt_id INTEGER NOT NULL, question_id TEXT NOT NULL, response TEXT NOT NULL,
  answered_at INTEGER NOT NULL, flagged INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (attempt_id, question_id));
  PRAGMA user_version = 1;`;
const lines = (...objects: unknown[]) => objects.map((o) => JSON.stringify(o)).join('\n') + '\n';

describe('the drivable exam: --answers - --stream', () => {
  it('acknowledges each answer once saved, reports bad lines, and submits on {"submit": true}', async () => {
    const result = await run(
      ['exam', BANK, '--answers', '-', '--stream', '--practice', '--all'],
      undefined,
      lines(
        { id: 'q-single', answer: 'b' },
        { id: 'nope', answer: 'a' },
        { id: 'q-tf', answer: 'maybe' },
        { id: 'q-tf', answer: true },
        { submit: true },
      ),
    );
    expect(result.code).toBe(0);
    const seen = events(result.stdout);
    expect(seen.map((e) => e.event)).toEqual(['started', 'ack', 'error', 'error', 'ack', 'result']);
    expect(seen[2]).toMatchObject({ line: 2 });
    const answers = new Database(db(), { readonly: true })
      .prepare('SELECT question_id FROM answers ORDER BY question_id')
      .all();
    expect(answers).toEqual([{ question_id: 'q-single' }, { question_id: 'q-tf' }]);
    expect(seen[5]).toMatchObject({ status: 'submitted', score: expect.any(Number) as number });
  });

  // Without a terminal.
  it('leaves the attempt in progress when stdin ends without a submit; --resume continues it', async () => {
    const first = await run(
      ['exam', BANK, '--answers', '-', '--stream', '--seed', '1'],
      undefined,
      lines({ id: 'q-single', answer: 'b' }),
    );
    expect(first.code).toBe(2);
    expect(first.stderr).toContain('--answers - --stream --resume');
    const blocked = await run(['exam', BANK, '--answers', wrongAnswers()]);
    expect(blocked.code).toBe(2);
    expect(blocked.stderr).toContain(`To continue it:\n  qualify exam ${BANK} --resume\n`);
    // That command, run without a terminal, names the one that hands in an answers file instead.
    const hint = await run(['exam', BANK, '--resume']);
    expect(hint.code).toBe(2);
    expect(hint.stderr).toContain('use "qualify exam <bank> --answers <file> --resume"');
    const resumed = await run(
      ['exam', BANK, '--answers', '-', '--stream', '--resume'],
      undefined,
      lines({ id: 'q-tf', answer: true }, { submit: true }),
    );
    expect(resumed.code).toBe(0);
    const seen = events(resumed.stdout);
    expect(seen[0]).toMatchObject({ event: 'started', answered: ['q-single'] });
    expect(seen.at(-1)).toMatchObject({ event: 'result', status: 'submitted' });
    const history = parseJson<{ attempts: unknown[] }>((await run(['history', '--json'])).stdout);
    expect(history.attempts).toHaveLength(1);
  });

  it('keeps every acknowledged answer when the run is killed, and the attempt can still be resumed', async () => {
    const env: Record<string, string> = {
      ...(process.env as Record<string, string>),
      QUALIFY_HOME: home,
      NO_COLOR: '1',
    };
    delete env.QUALIFY_NOW;
    const child = spawn(
      process.execPath,
      [builtBin(), '--content', BASIC, 'exam', BANK, '--answers', '-', '--stream'],
      {
        env,
      },
    );
    const acked: string[] = [];
    let buffer = '';
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        for (const event of events(buffer.slice(0, buffer.lastIndexOf('\n') + 1)))
          if (event.event === 'ack' && !acked.includes(event.id as string)) acked.push(event.id as string);
        if (acked.length === 2) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.stdin.write(lines({ id: 'q-single', answer: 'b' }, { id: 'q-multi', answer: ['a', 'b'] }));
    });
    await new Promise((resolve) => child.on('exit', resolve));
    const store = new Database(db(), { readonly: true });
    expect(store.pragma('integrity_check', { simple: true })).toBe('ok');
    const saved = (store.prepare('SELECT question_id FROM answers').all() as { question_id: string }[]).map(
      (r) => r.question_id,
    );
    store.close();
    expect(saved.sort()).toEqual(acked.sort());
    const resumed = await run(['exam', BANK, '--answers', wrongAnswers(), '--resume']);
    expect(resumed.code).toBe(0);
  });
});

describe('found: the clock turned back', () => {
  // So the wait cannot be shortened.
  it('refuses to resume (or submit) an attempt with a clock earlier than its records', async () => {
    await run(
      ['exam', BANK, '--answers', '-', '--stream'],
      '2031-01-10T10:00:00Z',
      lines({ id: 'q-single', answer: 'a' }),
    );
    const back = await run(
      ['exam', BANK, '--answers', '-', '--stream', '--resume'],
      '2031-01-08T10:00:00Z',
      lines({ submit: true }),
    );
    expect(back.code).toBe(3);
    expect(back.stderr).toContain('earlier than an attempt already recorded');
    const backFile = await run(['exam', BANK, '--answers', wrongAnswers(), '--resume'], '2031-01-08T10:00:00Z');
    expect(backFile.code).toBe(3);
    // Submitted with the real clock, the failure's wait counts from then.
    expect((await run(['exam', BANK, '--answers', wrongAnswers(), '--resume'], '2031-01-10T10:05:00Z')).code).toBe(0);
    const retake = await run(['exam', BANK, '--answers', wrongAnswers()], '2031-01-10T12:00:00Z');
    expect(retake.code).toBe(3);
    expect(retake.stderr).toContain('11 Jan 2031, 10:05');
  });
});

describe('found: race in the retake check', () => {
  it('four counted exams started at once record one counted failure; the others are refused', async () => {
    const answers = wrongAnswers();
    for (let trial = 0; trial < 3; trial++) {
      fs.rmSync(db(), { force: true });
      for (const suffix of ['-wal', '-shm']) fs.rmSync(db() + suffix, { force: true });
      // history leaves no database behind (it reads nothing), so the four also race to create it:
      // one that checked the file while another created the schema once took it for a foreign file.
      await cli(['history'], { home });
      const env: Record<string, string> = {
        ...(process.env as Record<string, string>),
        QUALIFY_HOME: home,
        NO_COLOR: '1',
      };
      delete env.QUALIFY_NOW;
      const codes = await Promise.all(
        [0, 1, 2, 3].map(
          () =>
            new Promise<number>((resolve) => {
              const child = spawn(
                process.execPath,
                [builtBin(), '--content', BASIC, 'exam', BANK, '--answers', answers],
                {
                  env,
                  stdio: 'ignore',
                },
              );
              child.on('exit', (code) => resolve(code ?? -1));
            }),
        ),
      );
      expect(codes.sort()).toEqual([0, 3, 3, 3]);
      const store = new Database(db(), { readonly: true });
      expect(store.prepare("SELECT count(*) AS n FROM attempts WHERE mode = 'exam'").get()).toEqual({ n: 1 });
      store.close();
    }
  });
});

describe('found: deep nesting', () => {
  const nested = (depth: number) => {
    let text = '';
    for (let i = 0; i < depth; i++) text += `${' '.repeat(i)}k:\n`;
    return `${text}${' '.repeat(depth)}v\n`;
  };

  it('gives a positioned error, not a crash, in lint, list and answers files', async () => {
    const bank = writeTemp(
      home,
      'deep/bank.yaml',
      `kind: bank\nid: deep\nextra:\n${nested(1500).replace(/^/gm, '  ')}`,
    );
    const lint = await cli(['lint', bank], { home });
    expect(lint.code).toBe(1);
    expect(lint.stdout).toMatch(/\d+:\d+ +error +YAML: nested more than 64 levels deep/);
    expect(lint.stdout).not.toContain('call stack');
    const list = await cli(['list', '--content', path.dirname(bank)], { home });
    expect(list.code).toBe(2);
    expect(list.stderr).toMatch(/bank\.yaml:\d+:\d+ +YAML: nested more than 64 levels/);
    const flow = writeTemp(home, 'flow.yaml', `q-single: ${'['.repeat(3000)}${']'.repeat(3000)}\n`);
    const answers = await run(['exam', BANK, '--practice', '--answers', flow]);
    expect(answers.code).toBe(2);
    expect(answers.stderr).toMatch(/flow\.yaml:1:\d+ +YAML: nested more than 64 levels/);
  });
});

describe('found: write errors and refused databases', () => {
  it('changes nothing in a database it refuses (newer, foreign, user_version -1), with a plain message', async () => {
    for (const [name, setup, expected] of [
      ['newer.db', 'CREATE TABLE t (x); PRAGMA user_version = 99;', 'newer version of qualify'],
      ['foreign.db', 'CREATE TABLE t (x);', 'another program'],
      ['negative.db', 'CREATE TABLE t (x); PRAGMA user_version = -1;', 'invalid schema version (-1)'],
    ] as const) {
      const file = path.join(home, name);
      const raw = new Database(file);
      raw.exec(setup);
      raw.close();
      const before = fs.readFileSync(file);
      const result = await run(['exam', BANK, '--practice', '--answers', wrongAnswers(), '--db', file]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(expected);
      expect(result.stderr).toContain('left as it is');
      expect(fs.readFileSync(file).equals(before)).toBe(true);
      expect(fs.existsSync(`${file}-wal`)).toBe(false);
    }
  });

  it('refuses a damaged database (quick_check) before writing, and a truncated one', async () => {
    const file = db();
    await run(['exam', BANK, '--practice', '--answers', wrongAnswers()]);
    const damaged = Buffer.from(fs.readFileSync(file));
    // Page 2 holds the attempts table: scribble over its b-tree header.
    damaged.fill(0xff, 4096 + 0, 4096 + 12);
    fs.writeFileSync(file, damaged);
    const result = await run(['exam', BANK, '--practice', '--answers', wrongAnswers()]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/is damaged .*will not write to it/);
    expect(fs.readFileSync(file).equals(damaged)).toBe(true);
    const truncated = damaged.subarray(0, 5000);
    fs.writeFileSync(file, truncated);
    expect((await run(['history'])).code).toBe(2);
    expect(fs.readFileSync(file).equals(truncated)).toBe(true);
  });

  it('takes a backup before upgrading an older schema and names it', async () => {
    const file = db();
    const old = new Database(file);
    old.exec(SCHEMA_1);
    old.close();
    const before = fs.readFileSync(file);
    const history = await run(['history']);
    expect(history.code).toBe(0);
    expect(fs.readFileSync(file).equals(before)).toBe(true); // reading never upgrades
    const result = await run(['exam', BANK, '--practice', '--answers', wrongAnswers()]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`${file}.v1-backup`);
    const backup = new Database(`${file}.v1-backup`, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    backup.close();
  });

  it('reads an older schema that a killed run left with its write-ahead log, run after run', () => {
    // Schema 1 in WAL mode, copied while its writer still had it open: the attempt is in the log.
    const writer = path.join(home, 'writer.db');
    const old = new Database(writer);
    old.pragma('journal_mode = WAL');
    old.exec(SCHEMA_1);
    old
      .prepare(
        `INSERT INTO attempts (bank_id, bank_title, bank_version, bank_file, guideline_id, mode, status, seed,
        question_ids, started_at) VALUES ('${BANK}', 'Fixture', '1', 'bank.yaml', 'g', 'exam', 'in_progress', 1,
        '["q-single"]', ${Date.parse('2026-01-01T00:00:00Z')})`,
      )
      .run();
    for (const suffix of ['', '-wal', '-shm']) fs.copyFileSync(writer + suffix, db() + suffix);
    old.close();
    for (let run = 0; run < 2; run++) {
      const history = spawnCli(['--content', BASIC, 'history', '--json'], { home });
      expect(history.stderr).toBe('');
      expect(history.code).toBe(0);
      expect(parseJson<{ attempts: unknown[] }>(history.stdout).attempts).toHaveLength(1);
    }
    // Reading never upgrades (closing may fold the log into the file, which changes its bytes).
    const after = new Database(db(), { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(1);
    after.close();
  });

  it('refuses a missing --db folder, an empty --db= and a missing --content folder instead of going on', async () => {
    const missing = await run(['history', '--db', path.join(home, 'no', 'such', 'q.db')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('does not exist');
    expect(fs.existsSync(path.join(home, 'no'))).toBe(false);
    const empty = await run(['history', '--db=']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('--db needs the path');
    const content = await cli(['list', '--content', path.join(home, 'missing')], { home });
    expect(content.code).toBe(2);
    expect(content.stderr).toContain('no such folder');
  });
});

describe('a damaged content cache', () => {
  it("stops plainly (exit 2) when a big bank's remembered questions are damaged; the next reads the file", async () => {
    // About 1.5 MB of questions: more than is read and checked at once when the bank is looked
    // up, so their remembered bytes are checked block by block as each question is read.
    const filler = 'Read the passage and decide whether the claim holds. '.repeat(40);
    const questions = Array.from(
      { length: 700 },
      (_, i) =>
        `  - {id: q${i}, type: true-false, sections: ["1"], prompt: "${i}. ${filler}", answer: ${i % 3 === 0}}\n`,
    );
    const content = path.join(home, 'content');
    writeTemp(content, 'g.yaml', GUIDELINE);
    const bankFile = writeTemp(content, 'b.yaml', bankYaml(questions.join('')));
    const key = () => cli(['key', 'b', '--content', content], { home });
    const first = await key();
    expect(first.code).toBe(0);
    expect(await key()).toEqual(first); // from the cache
    const name = createHash('sha256')
      .update(`${path.resolve(bankFile)}\u0000resolved`)
      .digest('hex')
      .slice(0, 32);
    const entry = path.join(home, 'cache', 'content', `${name}.v8`);
    const bytes = fs.readFileSync(entry);
    expect(bytes.length).toBeGreaterThan(1024 * 1024);
    // Inside the packed questions, which fill about the first half (their texts follow them).
    const at = Math.floor(bytes.length * 0.3);
    bytes.writeUInt8(bytes.readUInt8(at) ^ 0xff, at);
    fs.writeFileSync(entry, bytes);

    const damaged = await key();
    expect(damaged.code).toBe(2);
    expect(damaged.stderr).toMatch(/cached copy of .*b\.yaml was damaged[^]*removed[^]*run the command again/);
    expect(damaged.stderr).not.toMatch(/unexpected|at .*\.js:\d+/);
    expect(fs.existsSync(entry)).toBe(false);
    expect(await key()).toEqual(first);

    // Damage in the questions' texts, which only reading an edit of the bank looks at: the edited
    // bank is read afresh instead, without a word.
    const again = fs.readFileSync(entry);
    const inTexts = Math.floor(again.length * 0.85);
    again.writeUInt8(again.readUInt8(inTexts) ^ 0xff, inTexts);
    fs.writeFileSync(entry, again);
    fs.writeFileSync(bankFile, fs.readFileSync(bankFile, 'utf8').replace('id: q1, ', 'id: q1-renamed, '));
    const edited = await key();
    expect(edited.code).toBe(0);
    expect(edited.stdout).toBe(first.stdout.replace('q1:', 'q1-renamed:'));
  });
});

describe('found: limits and untrusted text', () => {
  it('refuses a file over the size limit unread, and one over 4 MB it cannot read question by question', async () => {
    const big = writeTemp(home, 'big/bank.yaml', `kind: bank\nid: big\nnotes: "${'x'.repeat(5 * 1024 * 1024)}"\n`);
    const started = Date.now();
    const result = await cli(['list', '--content', path.dirname(big)], { home });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /bank\.yaml:1:1 +the file is 5\.0 MB; a bank over 4\.0 MB is read one question at a time/,
    );
    fs.writeFileSync(big, `kind: bank\nid: big\nnotes: "${'x'.repeat(65 * 1024 * 1024)}"\n`);
    const huge = await cli(['list', '--content', path.dirname(big)], { home });
    expect(huge.code).toBe(2);
    expect(huge.stderr).toMatch(/bank\.yaml:1:1 +the file is 65\.0 MB, over the 64\.0 MB limit for such a file/);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('escapes U+009B and U+202E in key and in every JSON output', async () => {
    const folder = path.join(home, 'hostile');
    fs.cpSync(BASIC, folder, { recursive: true });
    const bankFile = path.join(folder, 'bank.yaml');
    const text = fs
      .readFileSync(bankFile, 'utf8')
      .replace('title: Fixture Bank', 'title: "Fixture \\u009b31m Bank \\u202e"')
      .replace('prompt: What do you do first?', 'prompt: "What \\u009b2J do you do \\u202e first?"')
      .replace('version: 1.0.0', 'version: "1.0.0\\u009b"');
    fs.writeFileSync(bankFile, text);
    const hostile = (args: string[]) => cli(['--content', folder, ...args], { home });
    const outputs = [
      await hostile(['key', BANK]),
      await hostile(['list', '--json']),
      await hostile(['exam', BANK, '--practice', '--all', '--answers', wrongAnswers(), '--json']),
      await hostile(['report', '--format', 'json']),
      await hostile(['report']),
      await hostile(['history', '--json']),
    ];
    for (const output of outputs) {
      expect(output.code).toBe(0);
      expect(output.stdout + output.stderr).not.toMatch(/[\u009b\u202e]/);
    }
    expect(outputs[3]!.stdout).toContain('\\u009b31m Bank \\u202e');
  });

  it('reports an alias used before its anchor where the alias is', async () => {
    const file = writeTemp(home, 'alias.yaml', 'q-single: *later\nq-tf: &later true\n');
    const result = await run(['exam', BANK, '--practice', '--answers', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/alias\.yaml:1:11 +YAML syntax: this alias/);
  });

  it('warns about an empty answers file, and refuses self: entries that are not criteria of the question', async () => {
    const empty = await run(['exam', BANK, '--practice', '--answers', writeTemp(home, 'empty.yaml', '')]);
    expect(empty.code).toBe(0);
    expect(empty.stderr).toContain('holds no answers; every question will score 0');
    const self = await run([
      'exam',
      BANK,
      '--practice',
      '--answers',
      writeTemp(home, 'self.yaml', 'q-free:\n  text: flag it\n  self: [unknown, 5, null]\n'),
    ]);
    expect(self.code).toBe(2);
    expect(self.stderr).toMatch(
      /self\.yaml:3:9 +question "q-free": self: "unknown" is not one of this question's self-assessed criteria \(checked, invents\)/,
    );
  });

  it('does not promise that an unfinished practice round will be submitted by the next start', async () => {
    await run(
      ['exam', BANK, '--practice', '--answers', '-', '--stream'],
      '2031-01-10T10:00:00Z',
      lines({ id: 'q-single', answer: 'b' }),
    );
    // Its time ran out: the round can no longer be resumed, so it is shown closed, as it stood.
    const history = await run(['history', '--json'], '2031-01-11T10:00:00Z');
    const rounds = parseJson<{ attempts: { mode: string; status: string }[] }>(history.stdout).attempts;
    expect(rounds).toEqual([expect.objectContaining({ mode: 'practice', status: 'expired' })]);
    expect((await run(['history'], '2031-01-11T10:00:00Z')).stdout).not.toContain('when you next start');
  });

  it('leaves streamed attempts out of the rushing figures, as they have no time per question', async () => {
    // Every question of the bank answered with its key (enough answers for the rushing figures).
    const questions = (
      parse(fs.readFileSync(path.join(BASIC, 'bank.yaml'), 'utf8')) as {
        questions: { id: string; answer?: unknown; model_answer?: string }[];
      }
    ).questions;
    const answers = questions.map((q) =>
      q.answer === undefined ? { id: q.id, text: q.model_answer ?? 'An answer.' } : { id: q.id, answer: q.answer },
    );
    expect(answers.length).toBeGreaterThanOrEqual(8);
    const streamed = await run(
      ['exam', BANK, '--practice', '--all', '--answers', '-', '--stream'],
      '2031-01-10T10:00:00Z',
      lines(...answers, { submit: true }),
    );
    expect(events(streamed.stdout).filter((e) => e.event === 'ack')).toHaveLength(answers.length);
    const history = parseJson<{ analytics: { rushing?: unknown } }>(
      (await run(['history', '--json'], '2031-01-10T10:05:00Z')).stdout,
    );
    expect(history.analytics.rushing ?? null).toBeNull();
  });

  it('keeps one open practice round per bank when a stream starts another', async () => {
    await run(
      ['exam', BANK, '--practice', '--answers', '-', '--stream'],
      '2031-01-10T10:00:00Z',
      lines({ id: 'q-single', answer: 'b' }),
    );
    const second = await run(
      ['exam', BANK, '--practice', '--answers', '-', '--stream'],
      '2031-01-10T10:01:00Z',
      lines({ submit: true }),
    );
    expect(second.code).toBe(2);
    expect(second.stderr).toContain(`A practice round of "${BANK}" is still open`);
  });
});
