import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checksumOf, type AttemptsFile } from '../../src/share/attempts-file.js';
import type { ItemStats } from '../../src/stats/item-stats.js';
import { GUIDELINE, parseJson } from '../helpers.js';
import { cli, tempHome, writeTemp } from './run-cli.js';

// A study group: members take a bank, export their attempts, and one of them pools the exports.

const BANK = `kind: bank
id: group-bank
title: Group Bank
guideline: g
version: 1.0.0
exam:
  pass_mark: 60
questions:
  - {id: q1, type: true-false, sections: ["1"], prompt: One is true., answer: true}
  - {id: q2, type: true-false, sections: ["2"], prompt: Two is true., answer: true}
  - id: q3
    type: single-choice
    sections: ["3"]
    rules: []
    prompt: Which?
    options: [{id: a, text: Ay}, {id: b, text: Bee}]
    answer: b
`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A content folder shared by the group, and a member's home with the given practice attempts. */
async function member(content: string, answerSets: string[]): Promise<string> {
  const home = tempHome();
  for (const [i, answers] of answerSets.entries()) {
    const file = writeTemp(home, `answers-${i}.yaml`, answers);
    const result = await cli(['--content', content, 'exam', 'group-bank', '--practice', '--answers', file], {
      home,
      now: `2026-04-0${i + 1}T09:00:00Z`,
    });
    expect(result.code, result.stderr).toBe(0);
  }
  return home;
}

function groupContent(): string {
  const dir = tempHome();
  writeTemp(dir, 'guideline.yaml', GUIDELINE);
  writeTemp(dir, 'bank.yaml', BANK);
  return dir;
}

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** The history of a database, as much of it as these tests read. */
const historyOf = (stdout: string) => parseJson<{ attempts: unknown[] }>(stdout);

async function exportOf(
  home: string,
  content: string,
  extra: string[] = [],
): Promise<{ file: string; json: AttemptsFile }> {
  const file = path.join(home, 'export.json');
  const result = await cli(['--content', content, 'export', '--out', file, ...extra], {
    home,
    now: '2026-04-09T09:00:00Z',
  });
  expect(result.code, result.stderr).toBe(0);
  return { file, json: parseJson<AttemptsFile>(fs.readFileSync(file, 'utf8')) };
}

describe('qualify export and merge', () => {
  it('writes a versioned file with attempt UUIDs, a random learner id and a name only when one is set', async () => {
    const content = groupContent();
    const ana = await member(content, ['q1: true\nq2: true\nq3: b\n', 'q1: false\nq2: true\nq3: a\n']);
    const { json } = await exportOf(ana, content);
    expect(json.format).toBe('qualify-attempts');
    expect(json.version).toBe(1);
    expect(json.checksum).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(json.learners).toHaveLength(1);
    expect(json.learners[0]!.id).toMatch(UUID);
    expect(json.learners[0]).not.toHaveProperty('name');
    expect(json.attempts).toHaveLength(2);
    for (const a of json.attempts) {
      expect(a.id).toMatch(UUID);
      expect(a.learner).toBe(json.learners[0]!.id);
      expect(a.bank.id).toBe('group-bank');
    }
    expect(json.attempts[0]!.id).not.toBe(json.attempts[1]!.id);
    expect(json.attempts[1]!.answers.map((x) => [x.question, x.response.answer]).sort()).toEqual([
      ['q1', false],
      ['q2', true],
      ['q3', 'a'],
    ]);

    // The same attempts keep their ids; a name appears once set, and goes with --no-name.
    const named = (await exportOf(ana, content, ['--name', 'Ana'])).json;
    expect(named.learners[0]).toEqual({ id: json.learners[0]!.id, name: 'Ana' });
    expect(named.attempts.map((a) => a.id)).toEqual(json.attempts.map((a) => a.id));
    expect((await exportOf(ana, content)).json.learners[0]!.name).toBe('Ana');
    expect((await exportOf(ana, content, ['--no-name'])).json.learners[0]).not.toHaveProperty('name');
  });

  it('round-trips: merging the same exports twice changes no count; a re-export keeps every attempt', async () => {
    const content = groupContent();
    const anaHome = await member(content, ['q1: true\nq2: true\nq3: b\n', 'q1: false\nq2: true\nq3: a\n']);
    const ana = await exportOf(anaHome, content, ['--name', 'Ana']);
    const ben = await exportOf(await member(content, ['q1: true\nq2: false\nq3: b\n']), content);
    const group = tempHome();
    const db = path.join(group, 'group.db');
    const first = await cli(['--content', content, 'merge', ana.file, ben.file, '--db', db], { home: group });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('2 attempts added');
    expect(first.stdout).toContain('1 attempt added');
    expect(first.stdout).toContain('now holds 3 finished attempts');
    const again = await cli(['--content', content, 'merge', ana.file, ben.file, '--db', db], { home: group });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('0 attempts added, 2 already in the database');
    expect(again.stdout).toContain('now holds 3 finished attempts');

    const history = historyOf(
      (await cli(['--content', content, 'history', '--json', '--db', db], { home: group })).stdout,
    );
    expect(history.attempts).toHaveLength(3);
    const pooled = (await exportOf(group, content, ['--db', db])).json;
    expect(pooled.attempts.map((a) => a.id).sort()).toEqual(
      [...ana.json.attempts, ...ben.json.attempts].map((a) => a.id).sort(),
    );
    expect(pooled.learners).toEqual(
      expect.arrayContaining([{ id: ana.json.learners[0]!.id, name: 'Ana' }, { id: ben.json.learners[0]!.id }]),
    );
    // The merged answers are the members' own.
    const anaSecond = pooled.attempts.find((a) => a.id === ana.json.attempts[1]!.id);
    expect(anaSecond?.answers).toEqual(ana.json.attempts[1]!.answers);
    expect(anaSecond?.score).toBe(ana.json.attempts[1]!.score);
    // A merged attempt's report opens in the group database under its new number.
    const report = await cli(['--content', content, 'report', '2', '--db', db], { home: group });
    expect(report.code).toBe(0);
    expect(report.stdout).toContain('attempt #2');
    // Its HTML trend shows that member's own attempts only: Ana's two, not Ben's.
    const html = (await cli(['--content', content, 'report', '2', '--db', db, '--format', 'html'], { home: group }))
      .stdout;
    expect(html.match(/class="point"/g)).toHaveLength(2);
  });

  it('refuses a truncated or edited file with exit 2 and its position, leaving the database untouched', async () => {
    const content = groupContent();
    const ana = await exportOf(await member(content, ['q1: true\nq2: true\nq3: b\n']), content);
    const ben = await exportOf(await member(content, ['q1: false\nq2: true\nq3: b\n']), content);
    const group = tempHome();
    const db = path.join(group, 'group.db');
    expect((await cli(['merge', ana.file, '--db', db], { home: group })).code).toBe(0);
    const before = sha(db);

    const text = fs.readFileSync(ben.file, 'utf8');
    const truncated = writeTemp(group, 'truncated.json', text.slice(0, Math.floor(text.length / 2)));
    const cut = await cli(['merge', truncated, '--db', db], { home: group });
    expect(cut.code).toBe(2);
    expect(cut.stderr).toMatch(/truncated\.json:\d+:\d+/);
    expect(cut.stderr).toContain('cut short');
    expect(cut.stderr).toContain('Nothing was merged');
    expect(cut.stderr).not.toMatch(/\n\s+at /);

    // Ben's score raised by hand: the checksum no longer matches.
    const edited = writeTemp(group, 'edited.json', text.replace(/"score": [\d.]+,/, '"score": 3,'));
    expect(fs.readFileSync(edited, 'utf8')).not.toBe(text);
    const tampered = await cli(['merge', ben.file, edited, '--db', db], { home: group });
    expect(tampered.code).toBe(2);
    expect(tampered.stderr).toMatch(/edited\.json:\d+:\d+ +the checksum does not match/);
    expect(tampered.stdout).toBe('');
    expect(sha(db)).toBe(before);
    const history = historyOf((await cli(['history', '--json', '--db', db], { home: group })).stdout);
    expect(history.attempts).toHaveLength(1);

    // A recomputed checksum does not get a malformed answer past the format's schema.
    const forged = parseJson<AttemptsFile>(text);
    forged.attempts[0]!.answers[0]!.response = { answer: 'b', self: 'not a list' };
    forged.checksum = checksumOf(forged);
    const forgedFile = writeTemp(group, 'forged.json', JSON.stringify(forged, null, 2));
    const badShape = await cli(['merge', forgedFile, '--db', db], { home: group });
    expect(badShape.code).toBe(2);
    expect(badShape.stderr).toMatch(/forged\.json:\d+:\d+ +\/attempts\/0\/answers\/0\/response\/self: must be array/);
    expect(sha(db)).toBe(before);

    // A file that is not an export at all, and a missing group database is never created by a refusal.
    const fresh = path.join(group, 'never.db');
    const answers = writeTemp(group, 'answers.json', '{"q1": true}\n');
    const wrong = await cli(['merge', answers, '--db', fresh], { home: group });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('answers.json:1:1');
    expect(wrong.stderr).toContain('not a qualify attempts file');
    expect(fs.existsSync(fresh)).toBe(false);
  });
});

describe('qualify stats and lint --stats on a group database', () => {
  /**
   * Three attempts by two members pooled: q1 everyone right (too easy); q2 right only in the
   * attempt that missed q3, q3 right only in the one that missed q2 (both: check the key).
   */
  async function groupDb(): Promise<{ content: string; group: string; db: string }> {
    const content = groupContent();
    const group = tempHome();
    const db = path.join(group, 'group.db');
    const members = [
      await member(content, ['q1: true\nq2: false\nq3: b\n']),
      await member(content, ['q1: true\nq2: true\nq3: a\n', 'q1: true\nq2: false\nq3: a\n']),
    ];
    for (const home of members)
      expect((await cli(['merge', (await exportOf(home, content)).file, '--db', db], { home: group })).code).toBe(0);
    return { content, group, db };
  }

  // Text, JSON, Markdown and HTML.
  it('prints facility, discrimination, option picks and flags with their section, in every format', async () => {
    const { content, group, db } = await groupDb();
    const run = (...args: string[]) =>
      cli(['--content', content, 'stats', 'group-bank', '--db', db, ...args], { home: group });

    const text = await run();
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('3 finished attempts by 2 learners');
    expect(text.stdout).toMatch(/q1 +3 +3 +1\.00 +– +true\* 3 · false 0/);
    expect(text.stdout).toMatch(/q3 +3 +3 +0\.33 +-0\.50 +a 2 · b\* 1/);
    expect(text.stdout).toContain('q1 · section 1 One');
    expect(text.stdout).toContain('too easy: 100% of its points earned on average over 3 attempts');
    expect(text.stdout).toContain('q3 · section 3 Three');
    // Piped without COLUMNS the text fits 80 columns: the flag wraps at a space, under its ⚑.
    expect(text.stdout).toContain(
      '  ⚑ discrimination -0.50: learners who scored well on the rest did no better on\n' +
        '    this question; check the key',
    );

    const json = parseJson<{ questions: (Omit<ItemStats, 'flags'> & { flags: { code: string }[] })[] }>(
      (await run('--format', 'json')).stdout,
    );
    const q3 = json.questions.find((q) => q.questionId === 'q3')!;
    expect(q3).toMatchObject({ attempts: 3, answered: 3, sections: [{ id: '3', title: 'Three' }] });
    expect(q3.facility).toBeCloseTo(1 / 3, 6);
    expect(q3.options).toEqual([
      { id: 'a', text: 'Ay', picked: 2, key: false },
      { id: 'b', text: 'Bee', picked: 1, key: true },
    ]);
    // Worked out: q3 scores 1,0,0 against rest scores 1,2,1 -> r = -1/3 / sqrt(2/3 * 2/3) = -0.5.
    expect(q3.discrimination).toBeCloseTo(-0.5, 6);
    expect(q3.flags.map((f) => f.code)).toEqual(['check-key']);

    const md = (await run('--format', 'md')).stdout;
    expect(md).toContain('| Question | Section | Drawn | Answered | Facility | Discrimination |');
    expect(md).toMatch(/\| q3 \| 3 Three \| 3 \| 3 \| 0\.33 \| -0\.50 \| a 2 · b✓ 1 \| check the key \|/);

    const out = path.join(group, 'stats.html');
    expect((await run('--format', 'html', '--out', out)).code).toBe(0);
    const html = fs.readFileSync(out, 'utf8');
    expect(html).toContain('<tr class="question-row"><td>q3</td>');
    expect(html).toContain('check the key');
  });

  it("lint --stats warns at the flagged questions' lines; without attempts, stats says how to get some", async () => {
    const { content, group, db } = await groupDb();
    const lint = await cli(['lint', content, '--stats', db], { home: group });
    expect(lint.code, lint.stdout).toBe(0);
    expect(lint.stdout).toMatch(/9:5 +warning +question "q1": too easy: .*\(guideline section 1 One\) +item-stats/);
    expect(lint.stdout).toMatch(
      /10:5 +warning +question "q2": discrimination -0\.50: .*\(guideline section 2 Two\) +item-stats/,
    );
    expect(lint.stdout).toMatch(
      /11:5 +warning +question "q3": discrimination .*check the key \(guideline section 3 Three\) +item-stats/,
    );
    expect((await cli(['lint', content, '--stats', db, '--max-warnings', '0'], { home: group })).code).toBe(1);
    expect((await cli(['lint', content], { home: group })).stdout).not.toContain('item-stats');
    const missing = await cli(['lint', content, '--stats', path.join(group, 'nope.db')], { home: group });
    expect(missing.code).toBe(2);

    const typo = await cli(['--content', content, 'stats', 'group-bank', '--db', path.join(group, 'grup.db')], {
      home: group,
    });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('qualify merge');
    expect(fs.existsSync(path.join(group, 'grup.db'))).toBe(false);
    const own = await cli(['--content', content, 'stats', 'group-bank'], { home: group });
    expect(own.code).toBe(2);
    expect(own.stderr).toContain('No finished attempts at "group-bank"');
  });
});
