import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AttemptStore } from '../../src/store/attempts.js';
import {
  DatabaseRefusedError,
  SCHEMA_VERSION,
  integrityStamp,
  openCheckedDatabase,
  openDatabase,
} from '../../src/store/db.js';
import { STORED_ATTEMPT, tempTree } from '../helpers.js';

const attempt = { ...STORED_ATTEMPT, mode: 'exam' as const };

/** The fields every stored report has (a real one, from src/report/model.ts, has many more). */
const report = (attemptId: number, extra: Record<string, unknown> = {}) => ({
  attemptId,
  score: 1,
  maxScore: 2,
  percent: 50,
  passed: false,
  bank: { id: 'b', title: 'Bank', version: '1' },
  mistakes: [],
  sections: [],
  ...extra,
});

describe('attempts database', () => {
  it('creates a real SQLite file in WAL mode, migrated to the current schema', () => {
    const file = path.join(tempTree(), 'nested', 'qualify.db');
    const db = openDatabase(file);
    expect(fs.existsSync(file)).toBe(true);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
    // Opening again does not re-run migrations.
    const again = openDatabase(file);
    expect(again.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    again.close();
  });

  it('checks a database again whenever it changed since it last passed its integrity check', () => {
    const dir = tempTree();
    const file = path.join(dir, 'q.db');
    const checkedStampFile = path.join(dir, 'cache', 'checked');
    const open = () => openCheckedDatabase(file, { write: true, createFolder: true, checkedStampFile }).db;
    const db = open();
    new AttemptStore(db).start(attempt);
    db.close();
    open().close();
    // The second open found the file as the first left it and remembered that it passed.
    expect(fs.readFileSync(checkedStampFile, 'utf8')).toBe(integrityStamp(file, []));
    const damaged = Buffer.from(fs.readFileSync(file));
    // Page 2 holds the attempts table: scribble over its b-tree header.
    damaged.fill(0xff, 4096, 4096 + 12);
    fs.writeFileSync(file, damaged);
    expect(open).toThrow(DatabaseRefusedError);
    expect(() => open()).toThrow(
      expect.objectContaining({ problem: { kind: 'corrupt', detail: expect.any(String) as string } }),
    );
    expect(fs.readFileSync(file).equals(damaged)).toBe(true);
  });

  it('a store for a reading command lists the attempts once, and again after it writes itself', () => {
    const file = path.join(tempTree(), 'q.db');
    const writer = new AttemptStore(openDatabase(file));
    writer.start(attempt);
    const reading = new AttemptStore(openDatabase(file), { remembersListing: true });
    expect(reading.list()).toHaveLength(1);
    // Another process's attempt, started while the command reads: the command reads one state.
    writer.start({ ...attempt, bankId: 'c' });
    expect(reading.list().map((a) => a.bankId)).toEqual(['b']);
    // Its own writes (closing a stale practice round, as history does) are listed at once.
    const own = reading.start({ ...attempt, startedAt: 9000 });
    expect(reading.list().map((a) => [a.bankId, a.id])).toEqual([
      ['b', 1],
      ['c', 2],
      ['b', own],
    ]);
    expect(reading.list('b').map((a) => a.id)).toEqual(writer.list('b').map((a) => a.id));
    // A store for a command that decides from what it reads sees every write at once.
    writer.start({ ...attempt, bankId: 'd' });
    expect(new AttemptStore(openDatabase(file)).list()).toHaveLength(4);
  });

  it('refuses a database from a newer version instead of damaging it', () => {
    const file = path.join(tempTree(), 'q.db');
    const raw = new Database(file);
    raw.pragma('user_version = 99');
    raw.close();
    const before = fs.readFileSync(file);
    expect(() => openDatabase(file)).toThrow(expect.objectContaining({ problem: { kind: 'newer', version: 99 } }));
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('an answer is on disk as soon as it is saved, visible to another connection', () => {
    const file = path.join(tempTree(), 'q.db');
    const db = openDatabase(file);
    const store = new AttemptStore(db);
    const id = store.start(attempt);
    store.saveAnswer(id, { questionId: 'q1', response: { answer: 'b', self: [] }, answeredAt: 2000, flagged: false });
    // A second connection (as after a crash) sees the attempt in progress with its answer.
    const other = new AttemptStore(openDatabase(file));
    expect(other.get(id)).toMatchObject({ status: 'in_progress', questionIds: ['q1', 'q2'], deadlineAt: 61_000 });
    expect(other.answers(id)).toEqual([
      { questionId: 'q1', response: { answer: 'b', self: [] }, answeredAt: 2000, flagged: false },
    ]);
    db.close();
  });

  it('lists attempts without stored reports; reads every answer of a bank at once as answers() orders them', () => {
    const db = openDatabase(path.join(tempTree(), 'q.db'));
    const store = new AttemptStore(db);
    const first = store.start(attempt);
    const other = store.start({ ...attempt, bankId: 'c' });
    const second = store.start({ ...attempt, startedAt: 1500 });
    store.saveAnswer(first, {
      questionId: 'q2',
      response: { answer: 'a', self: [] },
      answeredAt: 2500,
      flagged: false,
    });
    store.saveAnswer(first, { questionId: 'q1', response: { answer: 'b', self: [] }, answeredAt: 2000, flagged: true });
    store.saveAnswer(other, {
      questionId: 'q1',
      response: { answer: 'c', self: [] },
      answeredAt: 2000,
      flagged: false,
    });
    store.saveAnswer(second, {
      questionId: 'q1',
      response: { answer: 'd', self: [] },
      answeredAt: 2100,
      flagged: false,
    });
    store.finish(first, {
      status: 'submitted',
      endedAt: 3000,
      score: 1,
      maxScore: 2,
      percent: 50,
      passed: false,
      result: report(first, { kept: 'yes' }),
    });

    expect(store.get(first)!.result).toEqual(report(first, { kept: 'yes' }));
    const listed = store.list('b');
    expect(listed.map((a) => a.id)).toEqual([first, second]);
    expect(listed[0]).toMatchObject({ status: 'submitted', percent: 50, questionIds: ['q1', 'q2'] });
    expect(listed[0]!.result).toBeUndefined();

    const byBank = store.answersByAttempt('b');
    expect([...byBank.keys()]).toEqual([first, second]);
    expect(byBank.get(first)).toEqual(store.answers(first));
    expect(byBank.get(first)!.map((a) => a.questionId)).toEqual(['q1', 'q2']);
    expect(byBank.get(second)).toEqual(store.answers(second));
    const all = store.answersByAttempt();
    expect([...all.keys()].sort()).toEqual([first, other, second].sort());
    expect(all.get(other)).toEqual(store.answers(other));
    expect(store.openAttempts('b', 'exam').map((a) => a.id)).toEqual([second]);
    db.close();
  });

  it('lists from the covering indexes alone, and still gives each listed attempt its questions and settings', () => {
    const db = openDatabase(path.join(tempTree(), 'q.db'));
    const store = new AttemptStore(db);
    const settings = { confidence: true, order: { q1: ['b', 'a'] } };
    const first = store.start({ ...attempt, settings });
    const second = store.start({ ...attempt, bankId: 'c', questionIds: ['q9'], startedAt: 1500 });
    // Every listing query reads an index only: the rows (reports, question lists) are never read.
    const listings = [
      ['', []],
      ['WHERE bank_id = ?', ['b']],
      ["WHERE bank_id = ? AND mode = 'exam'", ['b']],
      ["WHERE bank_id = ? AND mode = ? AND status = 'in_progress'", ['b', 'practice']],
    ] as const;
    for (const [where, params] of listings) {
      const plan = db
        .prepare(
          `EXPLAIN QUERY PLAN SELECT id, bank_id, bank_title, bank_version, bank_file, guideline_id, mode, status,
          seed, started_at, deadline_at, ended_at, score, max_score, percent, passed, position
          FROM attempts ${where} ORDER BY started_at, id`,
        )
        .all(...params) as { detail: string }[];
      expect(plan.map((p) => p.detail).join('; ')).toMatch(/COVERING INDEX attempts_listed/);
    }
    const [a, b] = store.list();
    expect(a).toMatchObject({ id: first, questionIds: ['q1', 'q2'], settings });
    expect(b).toMatchObject({ id: second, questionIds: ['q9'], settings: undefined });
    expect(store.exams('c')[0]!.questionIds).toEqual(['q9']);
    // Field by field what the attempt read alone has (but its stored report).
    const whole = store.get(first)!;
    const listed = store.list('b')[0]!;
    for (const key of Object.keys(whole) as (keyof typeof whole)[])
      if (key !== 'result') expect(listed[key]).toEqual(whole[key]);
    db.close();
  });

  it('replaces an answer that is changed, and closes an attempt once', () => {
    const db = openDatabase(path.join(tempTree(), 'q.db'));
    const store = new AttemptStore(db);
    const id = store.start(attempt);
    store.saveAnswer(id, { questionId: 'q1', response: { answer: 'a', self: [] }, answeredAt: 2000, flagged: true });
    store.saveAnswer(id, { questionId: 'q1', response: { answer: 'b', self: [] }, answeredAt: 3000, flagged: false });
    expect(store.answers(id)).toHaveLength(1);
    expect(store.answers(id)[0]!.response.answer).toBe('b');
    const outcome = {
      status: 'submitted' as const,
      endedAt: 4000,
      score: 1,
      maxScore: 2,
      percent: 50,
      passed: false,
      result: report(id),
    };
    store.finish(id, outcome);
    expect(store.get(id)).toMatchObject({ status: 'submitted', passed: false, percent: 50, result: report(id) });
    expect(() => store.finish(id, outcome)).toThrow(/not in progress/);
    expect(store.lastRecordedAt()).toBe(4000);
    db.close();
  });
});

describe('resuming interactive attempts', () => {
  it('keeps the position, flags (answered or not), first-shown times and settings of an attempt in progress', () => {
    const db = openDatabase(path.join(tempTree(), 'q.db'));
    const store = new AttemptStore(db);
    const id = store.start({ ...attempt, settings: { confidence: true } });
    store.setPosition(id, 1);
    store.setFlag(id, 'q2', true);
    store.markShown(id, 'q2', 5000);
    store.markShown(id, 'q2', 9000);
    store.setFlag(id, 'q1', true);
    store.setFlag(id, 'q1', false);
    const row = store.inProgress('b', 'exam')!;
    expect(row).toMatchObject({ id, position: 1, settings: { confidence: true } });
    expect(store.marks(id)).toEqual([
      { questionId: 'q2', flagged: true, shownAt: 5000 },
      { questionId: 'q1', flagged: false, shownAt: undefined },
    ]);
    expect(store.inProgress('b', 'practice')).toBeUndefined();
    store.finish(id, {
      status: 'expired',
      endedAt: 61_000,
      score: 0,
      maxScore: 2,
      percent: 0,
      passed: false,
      result: report(id, { score: 0, percent: 0 }),
    });
    expect(store.inProgress('b', 'exam')).toBeUndefined();
    db.close();
  });
});

describe('stored JSON carries its version', () => {
  const finished = (store: AttemptStore, settings?: unknown) => {
    const id = store.start({ ...attempt, settings });
    store.finish(id, {
      status: 'submitted',
      endedAt: 2000,
      score: 1,
      maxScore: 2,
      percent: 50,
      passed: false,
      result: report(id),
    });
    return id;
  };
  const columns = (db: Database.Database, id: number) =>
    db.prepare('SELECT result, settings FROM attempts WHERE id = ?').get(id) as { result: string; settings: string };

  it('writes the report and settings with their version', () => {
    const db = openDatabase(path.join(tempTree(), 'q.db'));
    const settings = { confidence: true, timed: false, order: { q1: ['c', 'a', 'b'] } };
    const id = finished(new AttemptStore(db), settings);
    const row = columns(db, id);
    expect(JSON.parse(row.result)).toEqual({ version: 1, value: report(id) });
    // Version 2 of the settings: the order the options were shown in.
    expect(JSON.parse(row.settings)).toEqual({ version: 2, value: settings });
    db.close();
  });

  it('reads version-1 settings (no shown order) and refuses an order that is not lists of ids', () => {
    const db = openDatabase(path.join(tempTree(), 'q.db'));
    const store = new AttemptStore(db);
    const id = finished(store);
    const update = db.prepare('UPDATE attempts SET settings = ? WHERE id = ?');
    update.run(JSON.stringify({ version: 1, value: { confidence: false, timed: true } }), id);
    expect(store.get(id)?.settings).toEqual({ confidence: false, timed: true });
    update.run(JSON.stringify({ version: 2, value: { order: { q1: ['a', 2] } } }), id);
    expect(() => store.get(id)).toThrow(
      expect.objectContaining({
        problem: {
          kind: 'corrupt',
          detail: `attempt ${id}: the stored settings is not valid: "order" of "q1" is not a list of ids`,
        },
      }),
    );
    db.close();
  });

  it('reads a row written before versions were recorded (a bare value) as version 1', () => {
    const db = openDatabase(path.join(tempTree(), 'q.db'));
    const store = new AttemptStore(db);
    const id = finished(store, { driver: 'stream' });
    db.prepare('UPDATE attempts SET result = ?, settings = ? WHERE id = ?').run(
      JSON.stringify(report(id, { percent: 50 })),
      JSON.stringify({ confidence: true }),
      id,
    );
    expect(store.get(id)).toMatchObject({ result: report(id), settings: { confidence: true } });
    db.close();
  });

  it('refuses a stored value of a newer version, or of the wrong shape, as a damaged database', () => {
    const db = openDatabase(path.join(tempTree(), 'q.db'));
    const store = new AttemptStore(db);
    const id = finished(store);
    const update = db.prepare('UPDATE attempts SET result = ? WHERE id = ?');
    update.run(JSON.stringify({ version: 2, value: report(id) }), id);
    expect(() => store.get(id)).toThrow(
      expect.objectContaining({
        problem: {
          kind: 'corrupt',
          detail: `attempt ${id}: the stored result has version 2, newer than this qualify reads (1)`,
        },
      }),
    );
    update.run(JSON.stringify({ version: 1, value: { ...report(id), score: 'high' } }), id);
    expect(() => store.get(id)).toThrow(
      expect.objectContaining({
        problem: { kind: 'corrupt', detail: `attempt ${id}: the stored result is not valid: "score" is not a number` },
      }),
    );
    db.prepare('UPDATE attempts SET result = NULL, settings = ? WHERE id = ?').run('{"driver": "robot"}', id);
    expect(() => store.get(id)).toThrow(
      expect.objectContaining({
        problem: { kind: 'corrupt', detail: `attempt ${id}: the stored settings is not valid: unknown driver "robot"` },
      }),
    );
    db.close();
  });
});
