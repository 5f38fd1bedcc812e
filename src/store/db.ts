import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { writeCacheFile } from '../content/cache-file.js';
import type BetterSqlite3 from 'better-sqlite3';

export type DB = BetterSqlite3.Database;

/**
 * better-sqlite3, loaded when a database is first opened: commands that never open one (`list`,
 * `read`, `lint` without attempts) do not pay for loading its native module. Its compiled addon
 * is named by its place in the package: without it, the driver has the `bindings` package look
 * for the addon in a dozen places, on every start.
 */
let sqlite: { Database: typeof BetterSqlite3; addon: string } | undefined;
const openSqlite = (file: string): DB => {
  sqlite ??= {
    Database: createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3,
    addon: createRequire(import.meta.url).resolve('better-sqlite3/build/Release/better_sqlite3.node'),
  };
  return new sqlite.Database(file, { nativeBinding: sqlite.addon });
};

/** A version 4 (random) UUID computed by SQLite, so an attempt has one from the moment it is inserted. */
const RANDOM_UUID =
  "lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || " +
  "substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))";

/**
 * Schema changes, in order. `PRAGMA user_version` records how many have run; the ones a database
 * lacks run in one transaction (see `migrate`), so a database is never left half-migrated.
 */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE attempts (
    id            INTEGER PRIMARY KEY,
    bank_id       TEXT    NOT NULL,
    bank_title    TEXT    NOT NULL,
    bank_version  TEXT    NOT NULL,
    bank_file     TEXT    NOT NULL,
    guideline_id  TEXT    NOT NULL,
    mode          TEXT    NOT NULL CHECK (mode IN ('exam', 'practice')),
    status        TEXT    NOT NULL CHECK (status IN ('in_progress', 'submitted', 'expired', 'abandoned')),
    seed          INTEGER NOT NULL,
    question_ids  TEXT    NOT NULL,          -- JSON list, in the order drawn
    started_at    INTEGER NOT NULL,          -- ms since the epoch
    deadline_at   INTEGER,
    ended_at      INTEGER,
    score         REAL,
    max_score     REAL,
    percent       REAL,
    passed        INTEGER,
    result        TEXT                       -- JSON report, so reports outlive bank edits
  );
  CREATE INDEX attempts_by_bank ON attempts (bank_id, started_at);
  CREATE TABLE answers (
    attempt_id   INTEGER NOT NULL REFERENCES attempts (id) ON DELETE CASCADE,
    question_id  TEXT    NOT NULL,
    response     TEXT    NOT NULL,           -- JSON
    answered_at  INTEGER NOT NULL,
    flagged      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (attempt_id, question_id)
  );
  `,
  // Resuming an interactive attempt: where the learner was, the settings it was started with
  // (e.g. confidence prompts), and per-question marks that exist before any answer does
  // (a flag on an unanswered question, when a question with its own limit was first shown).
  `
  ALTER TABLE attempts ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE attempts ADD COLUMN settings TEXT;  -- JSON
  CREATE TABLE question_marks (
    attempt_id   INTEGER NOT NULL REFERENCES attempts (id) ON DELETE CASCADE,
    question_id  TEXT    NOT NULL,
    flagged      INTEGER NOT NULL DEFAULT 0,
    shown_at     INTEGER,
    PRIMARY KEY (attempt_id, question_id)
  );
  `,
  // Study groups pool attempts: every attempt gets a UUID that stays the same in every database it
  // is merged into, and belongs to a learner (NULL: this database's own). The learner's id is
  // random; a display name exists only when the learner sets one.
  `
  ALTER TABLE attempts ADD COLUMN uuid TEXT;
  ALTER TABLE attempts ADD COLUMN learner_id TEXT;
  UPDATE attempts SET uuid = ${RANDOM_UUID} WHERE uuid IS NULL;
  CREATE UNIQUE INDEX attempts_by_uuid ON attempts (uuid);
  CREATE TRIGGER attempts_get_uuid AFTER INSERT ON attempts WHEN NEW.uuid IS NULL
  BEGIN
    UPDATE attempts SET uuid = ${RANDOM_UUID} WHERE id = NEW.id;
  END;
  CREATE TABLE learners (
    id            TEXT    PRIMARY KEY,
    display_name  TEXT,
    is_self       INTEGER NOT NULL DEFAULT 0
  );
  INSERT INTO learners (id, is_self) VALUES (${RANDOM_UUID}, 1);
  `,
  // The study loop: the learner's drill deck (FSRS state per card), every review, and the
  // guideline sections read. Drill rounds are not attempts, so they never touch retakes.
  `
  CREATE TABLE study_cards (
    id            TEXT    PRIMARY KEY,       -- question:<bank>:<question> | term:<guideline>:<section>:<term>
                                             -- | rule:<guideline>:<rule>
    kind          TEXT    NOT NULL CHECK (kind IN ('question', 'term', 'rule')),
    bank_id       TEXT    NOT NULL,          -- '' for guideline cards
    guideline_id  TEXT    NOT NULL,
    section_id    TEXT    NOT NULL,
    ref           TEXT    NOT NULL,
    state         TEXT    NOT NULL,          -- JSON: the ts-fsrs card
    due_at        INTEGER NOT NULL,
    created_at    INTEGER NOT NULL
  );
  CREATE INDEX study_cards_due ON study_cards (due_at);
  CREATE TABLE study_reviews (
    id            INTEGER PRIMARY KEY,
    card_id       TEXT    NOT NULL REFERENCES study_cards (id) ON DELETE CASCADE,
    reviewed_at   INTEGER NOT NULL,
    grade         TEXT    NOT NULL,
    correct       INTEGER NOT NULL,
    elapsed_ms    INTEGER NOT NULL,
    confidence    TEXT,
    response      TEXT    NOT NULL,          -- JSON
    due_before    INTEGER NOT NULL,
    due_after     INTEGER NOT NULL
  );
  CREATE TABLE sections_read (
    guideline_id  TEXT    NOT NULL,
    section_id    TEXT    NOT NULL,
    read_at       INTEGER NOT NULL,
    PRIMARY KEY (guideline_id, section_id)
  );
  `,
  // The latest time written (a clock turned back is noticed against it, before every exam and in
  // every history) is read from these indexes instead of from every attempt, answer and mark:
  // about 15 ms at a thousand attempts of fifty answers. Listings are in the order started, and
  // retake decisions read a bank's exams without reading its practice rounds.
  `
  CREATE INDEX attempts_by_start ON attempts (started_at, id);
  CREATE INDEX attempts_by_bank_mode ON attempts (bank_id, mode, started_at, id);
  CREATE INDEX attempts_by_end ON attempts (ended_at);
  CREATE INDEX answers_by_time ON answers (answered_at);
  CREATE INDEX question_marks_by_time ON question_marks (shown_at);
  `,
  // Listings (every attempt, a bank's, its exams, its open rounds) read every column they list
  // from one of these alone, in order, never from the rows, whose stored reports, question lists
  // and settings make them ten times larger (see LISTED_COLUMNS in attempts.ts). They take the
  // place of the two schema 5 indexes they begin as.
  `
  CREATE INDEX attempts_listed ON attempts (started_at, id, bank_id, mode, status, bank_title, bank_version,
    bank_file, guideline_id, seed, deadline_at, ended_at, score, max_score, percent, passed, position);
  CREATE INDEX attempts_listed_by_bank ON attempts (bank_id, started_at, id, mode, status, bank_title,
    bank_version, bank_file, guideline_id, seed, deadline_at, ended_at, score, max_score, percent, passed, position);
  DROP INDEX attempts_by_start;
  DROP INDEX attempts_by_bank_mode;
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

const SQLITE_HEADER = 'SQLite format 3\0';

/** Why a database file was refused. Nothing is written to a file that is refused. */
export type DatabaseProblem =
  | { kind: 'no-folder'; folder: string }
  | { kind: 'read-only'; file: string }
  | { kind: 'not-sqlite' }
  | { kind: 'foreign' }
  | { kind: 'newer'; version: number }
  | { kind: 'bad-version'; version: number }
  | { kind: 'corrupt'; detail: string };

export class DatabaseRefusedError extends Error {
  constructor(readonly problem: DatabaseProblem) {
    super(problem.kind);
  }
}

export interface OpenOptions {
  /** A reading command (history, report) never creates, migrates or changes the file. */
  write: boolean;
  /** Create missing folders (the default location); a folder named with --db must exist. */
  createFolder: boolean;
  /**
   * Where the stamp of the file as it last passed its integrity check is kept (see
   * `integrityStamp`): a file unchanged since is not checked again.
   */
  checkedStampFile?: string;
}

export interface OpenedDatabase {
  db: DB;
  /** The copy taken before the schema was upgraded, when it was. */
  backupFile?: string;
  /**
   * The file's integrity stamp as it was opened (see `integrityStamp`), when a stamp file is
   * kept: the same stamp on a later run means the same attempts, so figures worked out from them
   * can be remembered under it. Taken before anything is read: a write meanwhile changes it.
   */
  stamp?: string;
}

const writable = (file: string) => {
  try {
    fs.accessSync(file, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
};

const isSqliteCorruption = (error: unknown) =>
  /^SQLITE_(CORRUPT|NOTADB)/.test(String((error as { code?: string }).code ?? ''));

/**
 * Opens the attempts database. Every check comes before the first write: a file that is not
 * ours, from a newer version, damaged or read-only is refused unchanged. Writing commands get WAL
 * mode and the latest schema (after a backup copy when an older schema is upgraded); reading
 * commands on a file they cannot write read a private copy, so history and reports still work.
 */
export function openCheckedDatabase(
  file: string,
  options: OpenOptions = { write: true, createFolder: true },
): OpenedDatabase {
  if (file === ':memory:') return { db: configure(openSqlite(':memory:'), true) };
  const folder = path.dirname(path.resolve(file));
  if (!fs.existsSync(folder)) {
    if (!options.createFolder) throw new DatabaseRefusedError({ kind: 'no-folder', folder });
    fs.mkdirSync(folder, { recursive: true });
  }
  const exists = fs.existsSync(file) && fs.statSync(file).size > 0;
  if (!exists && !options.write) return { db: configure(openSqlite(':memory:'), true) };
  if (exists && readHeader(file) !== SQLITE_HEADER) throw new DatabaseRefusedError({ kind: 'not-sqlite' });

  const companions = [`${file}-wal`, `${file}-shm`].filter((f) => fs.existsSync(f));
  const canWrite = writable(folder) && (!fs.existsSync(file) || writable(file));
  if (!canWrite) {
    if (options.write) throw new DatabaseRefusedError({ kind: 'read-only', file: writable(folder) ? file : folder });
    return { db: openPrivateCopy(file, companions) };
  }
  if (options.write && fs.existsSync(file)) restoreCompanionPermissions(file, companions);

  const db = openSqlite(file);
  db.pragma('busy_timeout = 5000');
  const stamp = inspectOrClose(db, { file, companions, stampFile: options.checkedStampFile });
  const version = db.pragma('user_version', { simple: true }) as number;
  if (!options.write && version < MIGRATIONS.length) {
    // Reading an older database needs the new schema, but reading must not upgrade the file. The
    // copy is taken through SQLite, a consistent snapshot: closing this connection checkpoints and
    // removes a write-ahead log an earlier run left, so copying the files listed above would fail.
    const copy = privateCopyFile();
    db.prepare('VACUUM INTO ?').run(copy);
    db.close();
    return { db: openCopy(copy) };
  }
  let backupFile: string | undefined;
  if (version > 0 && version < MIGRATIONS.length) backupFile = backUp(db, file, version);
  return { db: configure(db, true), backupFile, stamp: backupFile ? undefined : stamp };
}

/** Opens (creating when needed) the attempts database for writing, in WAL mode and fully migrated. */
export function openDatabase(file: string): DB {
  return openCheckedDatabase(file).db;
}

function readHeader(file: string): string {
  const fd = fs.openSync(file, 'r');
  try {
    const header = Buffer.alloc(16);
    const read = fs.readSync(fd, header, 0, 16, 0);
    return header.subarray(0, read).toString('latin1');
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * What identifies one state of a database on disk: size, times and inode of the file and of its
 * write-ahead log. SQLite's quick_check reads every page, so its time grows with the history
 * (about 50 ms at a thousand attempts of 50 answers, on every command); a file whose stamp is
 * the one it passed with has not been written since, by qualify or anything else, and is not
 * checked again. Damage that leaves size and times as they were (a failing disk) goes unseen
 * until SQLite itself reads the damaged page, which it reports as damage too.
 */
export function integrityStamp(file: string, companions: readonly string[]): string {
  return [file, ...companions]
    .map((f) => {
      const stat = fs.statSync(f);
      return `${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}:${stat.ino}`;
    })
    .join('|');
}

/**
 * Records `file` as checked, as this process leaves it: what qualify wrote itself through SQLite
 * (a transaction it committed) needs no integrity check on the next run, which otherwise reads
 * every page again (`quick_check`, 5 to 10 ms of an exam). Called only after a run that opened,
 * wrote and closed the file in one go, so nothing else had time to change it unseen; the stamp
 * of a file just written is taken after the write, so a later change by anything changes it.
 * `before` is the stamp it was opened with: unchanged, there is nothing to record.
 */
export function recordChecked(file: string, stampFile: string, before: string | undefined): void {
  let now: string;
  try {
    now = integrityStamp(
      file,
      [`${file}-wal`, `${file}-shm`].filter((f) => fs.existsSync(f)),
    );
  } catch {
    return; // gone meanwhile: the next run checks whatever is there
  }
  if (now !== before) writeCacheFile(stampFile, [now]);
}

interface CheckMemo {
  file: string;
  companions: readonly string[];
  stampFile?: string;
}

/**
 * Refuses (by throwing) a database that is damaged, foreign or from another version; returns its
 * integrity stamp when one was taken.
 */
function inspect(db: DB, memo?: CheckMemo): string | undefined {
  let stamp: string | undefined;
  try {
    // Taken before the check: a write while it runs changes the stamp, so the next run checks.
    stamp = memo?.stampFile
      ? integrityStamp(
          memo.file,
          memo.companions.filter((f) => fs.existsSync(f)),
        )
      : undefined;
  } catch {
    stamp = undefined;
  }
  const checkedBefore = stamp !== undefined && readText(memo!.stampFile!) === stamp;
  const findings = checkedBefore
    ? ['ok']
    : (db.pragma('quick_check') as { quick_check: string }[]).map((row) => row.quick_check);
  if (findings[0] !== 'ok') {
    // The first lines name the damaged table or page; the rest only repeat the pattern.
    const detail = findings
      .flatMap((f) => f.split('\n'))
      .filter((f) => !f.startsWith('***'))
      .slice(0, 2)
      .join('; ');
    throw new DatabaseRefusedError({ kind: 'corrupt', detail });
  }
  // One statement, so one snapshot: read apart, another qualify could create the schema of a new
  // database in between, and its tables at version 0 looked like another program's file.
  const { version, tables } = db
    .prepare(
      `SELECT (SELECT user_version FROM pragma_user_version) AS version,
        (SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%') AS tables`,
    )
    .get() as { version: number; tables: number };
  if (version < 0) throw new DatabaseRefusedError({ kind: 'bad-version', version });
  if (version > MIGRATIONS.length) throw new DatabaseRefusedError({ kind: 'newer', version });
  if (version === 0 && tables > 0) throw new DatabaseRefusedError({ kind: 'foreign' });
  // A folder that cannot be written only costs the check next time.
  if (stamp !== undefined && !checkedBefore) writeCacheFile(memo!.stampFile!, [stamp]);
  return stamp;
}

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * SQLite creates the -wal and -shm files with the database's permissions; after a user makes a
 * read-only database writable again, stale read-only companions would keep every write failing.
 */
function restoreCompanionPermissions(file: string, companions: string[]): void {
  const mode = fs.statSync(file).mode & 0o777;
  for (const companion of companions) {
    if (writable(companion)) continue;
    try {
      fs.chmodSync(companion, mode);
    } catch (error) {
      // Another qualify that closed its last connection just removed it: gone is not read-only.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw new DatabaseRefusedError({ kind: 'read-only', file: companion });
    }
  }
}

/** Checks an opened database before any write (see inspect); a damaged one is closed and refused. */
function inspectOrClose(db: DB, memo?: CheckMemo): string | undefined {
  try {
    return inspect(db, memo);
  } catch (error) {
    db.close();
    if (isSqliteCorruption(error))
      throw new DatabaseRefusedError({ kind: 'corrupt', detail: (error as Error).message });
    throw error;
  }
}

/** The folders of private copies, removed when the process ends (one listener for all). */
const privateFolders: string[] = [];

/** Where a private, writable copy of the database goes: a folder removed when the process ends. */
function privateCopyFile(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'qualify-read-'));
  if (privateFolders.push(folder) === 1)
    process.once('exit', () => {
      for (const made of privateFolders) fs.rmSync(made, { recursive: true, force: true });
    });
  return path.join(folder, 'attempts.db');
}

/** A private, writable copy of a database the user may only read (so SQLite cannot open it to copy it). */
function openPrivateCopy(file: string, companions: string[]): DB {
  const copy = privateCopyFile();
  fs.copyFileSync(file, copy);
  for (const companion of companions) {
    try {
      fs.copyFileSync(companion, copy + companion.slice(file.length));
    } catch (error) {
      // Another qualify that closed its last connection just folded its log into the file.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return openCopy(copy);
}

function openCopy(copy: string): DB {
  const folder = path.dirname(copy);
  for (const f of fs.readdirSync(folder)) fs.chmodSync(path.join(folder, f), 0o600);
  const db = openSqlite(copy);
  inspectOrClose(db);
  return configure(db, false);
}

/** A consistent copy next to the database, taken before its schema is upgraded. */
function backUp(db: DB, file: string, version: number): string {
  const backup = `${file}.v${version}-backup`;
  if (fs.existsSync(backup)) return backup;
  // Written beside it and renamed: two qualify upgrading the same file at once each write a whole
  // copy, and VACUUM INTO refuses a file the other one made meanwhile.
  const temporary = `${backup}.${process.pid}.tmp`;
  fs.rmSync(temporary, { force: true });
  db.prepare('VACUUM INTO ?').run(temporary);
  fs.renameSync(temporary, backup);
  return backup;
}

/** How much of the file may be memory-mapped (SQLite maps only what exists). */
const MMAP_BYTES = 256 * 1024 * 1024;

function configure(db: DB, wal: boolean): DB {
  db.pragma('busy_timeout = 5000');
  if (wal) db.pragma('journal_mode = WAL');
  // FULL: an answer that was acknowledged survives a power cut, not just a crash.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Pages are read through a memory map instead of a read call each: the first listing of a
  // thousand attempts took 41 ms, and 21 ms so. Writes still go through the write-ahead log.
  db.pragma(`mmap_size = ${MMAP_BYTES}`);
  migrate(db);
  return db;
}

function migrate(db: DB): void {
  // Read first: a database already at the latest schema (nearly every run) takes no write lock.
  if ((db.pragma('user_version', { simple: true }) as number) >= MIGRATIONS.length) return;
  // Immediate: two processes opening a new database at once must not both run a migration. All of
  // them in one transaction: another process sees the schema before them or after them, never a
  // new database half-way, which it would take for an older one and back up.
  db.transaction(() => {
    for (let current = db.pragma('user_version', { simple: true }) as number; current < MIGRATIONS.length; current++) {
      db.exec(MIGRATIONS[current]!);
      db.pragma(`user_version = ${current + 1}`);
    }
  }).immediate();
}
