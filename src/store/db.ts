import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export type DB = Database.Database;

/** A version 4 (random) UUID computed by SQLite, so an attempt has one from the moment it is inserted. */
const RANDOM_UUID =
  "lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || " +
  "substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))";

/**
 * Schema changes, in order. `PRAGMA user_version` records how many have run; each new one runs
 * in its own transaction, so a database is never left half-migrated.
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
    id            TEXT    PRIMARY KEY,       -- question:<bank>:<question> | term:<guideline>:<section>:<term> | rule:<guideline>:<rule>
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
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Opens (creating when needed) the attempts database, in WAL mode and fully migrated. */
export function openDatabase(file: string): DB {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // FULL: an answer that was acknowledged survives a power cut, not just a crash.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

function migrate(db: DB): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(`the database was written by a newer qualify (schema ${current}; this one knows ${MIGRATIONS.length})`);
  }
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
