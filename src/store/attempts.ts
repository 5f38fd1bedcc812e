import type { Response } from '../scoring/response.js';
import type { AttemptMode, AttemptStatus } from '../exam/attempt-kind.js';
import type { DB } from './db.js';
import { decodeStored, encodeStored, type AttemptSettings, type StoredReport } from './stored-json.js';

/** What is recorded when an attempt starts. */
export interface NewAttempt {
  bankId: string;
  bankTitle: string;
  bankVersion: string;
  bankFile: string;
  guidelineId: string;
  mode: AttemptMode;
  seed: number;
  questionIds: string[];
  startedAt: number;
  deadlineAt?: number;
  /** How the attempt was started (interactive options such as confidence prompts); checked when stored. */
  settings?: unknown;
}

/** An attempt as stored: what it started with, where it stands, and how it ended. */
export interface AttemptRow extends Omit<NewAttempt, 'settings'> {
  id: number;
  status: AttemptStatus;
  endedAt?: number;
  score?: number;
  maxScore?: number;
  percent?: number;
  passed?: boolean;
  /** The report saved when the attempt ended (read through decodeStored, so its version is known). */
  result?: StoredReport;
  /** Index of the question the learner was on (interactive attempts). */
  position: number;
  settings?: AttemptSettings;
}

/** What is known of a question of an attempt besides its answer. */
export interface QuestionMark {
  questionId: string;
  flagged: boolean;
  shownAt?: number;
}

export interface SavedAnswer {
  questionId: string;
  response: Response;
  answeredAt: number;
  flagged: boolean;
}

interface Row {
  id: number;
  bank_id: string;
  bank_title: string;
  bank_version: string;
  bank_file: string;
  guideline_id: string;
  mode: AttemptMode;
  status: AttemptStatus;
  seed: number;
  /** Absent from listings, as `settings` (see LISTED_COLUMNS): read when first looked at. */
  question_ids?: string;
  started_at: number;
  deadline_at: number | null;
  ended_at: number | null;
  score: number | null;
  max_score: number | null;
  percent: number | null;
  passed: number | null;
  /** Absent from listings (see LISTING): a stored report is parsed only when one attempt is read. */
  result?: string | null;
  position: number;
  settings?: string | null;
}

/** What a listing leaves out of a row (see LISTED_COLUMNS), read by id when first looked at. */
type Details = Required<Pick<Row, 'question_ids' | 'settings'>>;

/** An attempt from its whole row. */
function fromRow(row: Row): AttemptRow {
  const attempt = {
    id: row.id,
    bankId: row.bank_id,
    bankTitle: row.bank_title,
    bankVersion: row.bank_version,
    bankFile: row.bank_file,
    guidelineId: row.guideline_id,
    mode: row.mode,
    status: row.status,
    seed: row.seed,
    questionIds: [] as string[],
    startedAt: row.started_at,
    deadlineAt: row.deadline_at ?? undefined,
    endedAt: row.ended_at ?? undefined,
    score: row.score ?? undefined,
    maxScore: row.max_score ?? undefined,
    percent: row.percent ?? undefined,
    passed: row.passed === null ? undefined : row.passed === 1,
    result: row.result === null || row.result === undefined ? undefined : decodeStored('result', row.result, row.id),
    position: row.position,
    settings: undefined as AttemptSettings | undefined,
  };
  attempt.questionIds = JSON.parse(row.question_ids!) as string[];
  attempt.settings = settingsOf(row.id, row.settings ?? null);
  return attempt;
}

const settingsOf = (id: number, stored: string | null) =>
  stored === null ? undefined : decodeStored('settings', stored, id);

/**
 * A listed attempt (see LISTED_COLUMNS). Most are only counted and dated (history, retake
 * decisions): the question list and settings (the order every question's options were shown in)
 * are read by the attempt's id and decoded when first looked at, and a damaged one is refused
 * then, as a row read alone is when it is read. They are getters of the class rather than own
 * properties set up on each object (a thousand listed attempts spent 12 ms on that): so an
 * attempt spread into another object leaves them out, and they are read by name.
 */
class ListedAttempt implements AttemptRow {
  readonly id: number;
  bankId: string;
  bankTitle: string;
  bankVersion: string;
  bankFile: string;
  guidelineId: string;
  mode: AttemptMode;
  status: AttemptStatus;
  seed: number;
  startedAt: number;
  deadlineAt?: number;
  endedAt?: number;
  score?: number;
  maxScore?: number;
  percent?: number;
  passed?: boolean;
  result?: StoredReport;
  position: number;
  readonly #read: (id: number) => Details;
  #details?: Details;
  #questionIds?: string[];
  #settings?: { value: AttemptSettings | undefined };

  /** `values` in the order of LISTED_COLUMNS. */
  constructor(values: unknown[], read: (id: number) => Details) {
    const v = values as [
      number,
      string,
      string,
      string,
      string,
      string,
      AttemptMode,
      AttemptStatus,
      number,
      number,
      number | null,
      number | null,
      number | null,
      number | null,
      number | null,
      number | null,
      number,
    ];
    this.id = v[0];
    this.bankId = v[1];
    this.bankTitle = v[2];
    this.bankVersion = v[3];
    this.bankFile = v[4];
    this.guidelineId = v[5];
    this.mode = v[6];
    this.status = v[7];
    this.seed = v[8];
    this.startedAt = v[9];
    this.deadlineAt = v[10] ?? undefined;
    this.endedAt = v[11] ?? undefined;
    this.score = v[12] ?? undefined;
    this.maxScore = v[13] ?? undefined;
    this.percent = v[14] ?? undefined;
    this.passed = v[15] === null ? undefined : v[15] === 1;
    this.position = v[16];
    this.#read = read;
  }

  get questionIds(): string[] {
    return (this.#questionIds ??= JSON.parse(this.#stored().question_ids) as string[]);
  }

  set questionIds(ids: string[]) {
    this.#questionIds = ids;
  }

  get settings(): AttemptSettings | undefined {
    return (this.#settings ??= { value: settingsOf(this.id, this.#stored().settings) }).value;
  }

  set settings(settings: AttemptSettings | undefined) {
    this.#settings = { value: settings };
  }

  #stored(): Details {
    return (this.#details ??= this.#read(this.id));
  }
}

interface AnswerRow {
  question_id: string;
  response: string;
  answered_at: number;
  flagged: number;
}

const answerOf = (r: AnswerRow): SavedAnswer => ({
  questionId: r.question_id,
  response: JSON.parse(r.response) as Response,
  answeredAt: r.answered_at,
  flagged: r.flagged === 1,
});

/**
 * Every column but the stored report, the question list and the settings: listings (history,
 * retake decisions) never need a report, which is most of an attempt's bytes, and most listed
 * attempts are only counted and dated. The question list and settings (the order every
 * question's options were shown in) are a third of the rest: a listed attempt reads them by its
 * id when they are first looked at. Listings are read as arrays of values (better-sqlite3's raw
 * mode), which the driver builds several times faster than objects keyed by column. A thousand
 * attempts took 30 ms to list with all three, as objects; 7 ms so, from the covering index of
 * schema 6 (see db.ts).
 */
const LISTED_COLUMNS = [
  'id',
  'bank_id',
  'bank_title',
  'bank_version',
  'bank_file',
  'guideline_id',
  'mode',
  'status',
  'seed',
  'started_at',
  'deadline_at',
  'ended_at',
  'score',
  'max_score',
  'percent',
  'passed',
  'position',
] as const;
const LISTING = LISTED_COLUMNS.join(', ');

/** The attempts and answers tables. Every write is its own transaction. */
export class AttemptStore {
  private readonly statements;

  /**
   * Every attempt as last listed, for a store that remembers its listing (see the constructor);
   * dropped by every write through this store.
   */
  private listed: AttemptRow[] | undefined;

  /**
   * `remembersListing`: for commands that only read (history, report), which list the attempts
   * several times (the history, each bank's retake status, the analytics): the rows are read and
   * decoded once. A command that decides from what it reads (may this exam start?) reads afresh
   * inside its transaction, so it never remembers.
   */
  constructor(
    private readonly db: DB,
    private readonly options: { remembersListing?: boolean } = {},
  ) {
    this.statements = {
      insert:
        db.prepare(`INSERT INTO attempts (bank_id, bank_title, bank_version, bank_file, guideline_id, mode, status,
          seed, question_ids, started_at, deadline_at, settings)
        VALUES (@bankId, @bankTitle, @bankVersion, @bankFile, @guidelineId, @mode, 'in_progress', @seed,
          @questionIds, @startedAt, @deadlineAt, @settings)`),
      saveAnswer:
        db.prepare(`INSERT INTO answers (attempt_id, question_id, response, answered_at, flagged) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (attempt_id, question_id) DO UPDATE SET response = excluded.response,
          answered_at = excluded.answered_at, flagged = excluded.flagged`),
      finish:
        db.prepare(`UPDATE attempts SET status = @status, ended_at = @endedAt, score = @score, max_score = @maxScore,
          percent = @percent, passed = @passed, result = @result
        WHERE id = @id AND status = 'in_progress'`),
      get: db.prepare('SELECT * FROM attempts WHERE id = ?'),
      latest: db.prepare(
        "SELECT * FROM attempts WHERE status != 'in_progress' ORDER BY ended_at DESC, id DESC LIMIT 1",
      ),
      all: db.prepare(`SELECT ${LISTING} FROM attempts ORDER BY started_at, id`).raw(),
      uuids: db.prepare('SELECT id, uuid FROM attempts'),
      details: db.prepare('SELECT question_ids, settings FROM attempts WHERE id = ?'),
      byBank: db.prepare(`SELECT ${LISTING} FROM attempts WHERE bank_id = ? ORDER BY started_at, id`).raw(),
      examsByBank: db
        .prepare(`SELECT ${LISTING} FROM attempts WHERE bank_id = ? AND mode = 'exam' ORDER BY started_at, id`)
        .raw(),
      answers: db.prepare(
        `SELECT question_id, response, answered_at, flagged FROM answers WHERE attempt_id = ?
         ORDER BY answered_at, rowid`,
      ),
      allAnswers: db.prepare(
        `SELECT attempt_id, question_id, response, answered_at, flagged FROM answers
         ORDER BY attempt_id, answered_at, rowid`,
      ),
      answersByBank: db.prepare(`SELECT attempt_id, question_id, response, answered_at, flagged FROM answers
        WHERE attempt_id IN (SELECT id FROM attempts WHERE bank_id = ?) ORDER BY attempt_id, answered_at, rowid`),
      inProgress: db.prepare(
        `SELECT * FROM attempts WHERE bank_id = ? AND mode = ? AND status = 'in_progress'
         ORDER BY started_at DESC, id DESC LIMIT 1`,
      ),
      openRounds: db
        .prepare(
          `SELECT ${LISTING} FROM attempts WHERE bank_id = ? AND mode = ? AND status = 'in_progress'
         ORDER BY started_at, id`,
        )
        .raw(),
      setPosition: db.prepare("UPDATE attempts SET position = ? WHERE id = ? AND status = 'in_progress'"),
      setFlag: db.prepare(`INSERT INTO question_marks (attempt_id, question_id, flagged) VALUES (?, ?, ?)
        ON CONFLICT (attempt_id, question_id) DO UPDATE SET flagged = excluded.flagged`),
      markShown: db.prepare(`INSERT INTO question_marks (attempt_id, question_id, shown_at) VALUES (?, ?, ?)
        ON CONFLICT (attempt_id, question_id)
        DO UPDATE SET shown_at = COALESCE(question_marks.shown_at, excluded.shown_at)`),
      marks: db.prepare(
        'SELECT question_id, flagged, shown_at FROM question_marks WHERE attempt_id = ? ORDER BY rowid',
      ),
      // Each part is read from an index (see the migrations in db.ts).
      lastRecorded: db.prepare(`SELECT MAX(
        COALESCE((SELECT MAX(started_at) FROM attempts), 0),
        COALESCE((SELECT MAX(ended_at) FROM attempts), 0),
        COALESCE((SELECT MAX(answered_at) FROM answers), 0),
        COALESCE((SELECT MAX(shown_at) FROM question_marks), 0)) AS last`),
      discard: db.prepare("DELETE FROM attempts WHERE id = ? AND status = 'in_progress'"),
    };
  }

  /** Records a new attempt as in progress and returns its id. */
  start(attempt: NewAttempt): number {
    this.listed = undefined;
    const info = this.statements.insert.run({
      ...attempt,
      questionIds: JSON.stringify(attempt.questionIds),
      deadlineAt: attempt.deadlineAt ?? null,
      settings: attempt.settings === undefined ? null : encodeStored('settings', attempt.settings),
    });
    return Number(info.lastInsertRowid);
  }

  /** Saves (or replaces) one answer at once, in its own transaction, before the exam moves on. */
  saveAnswer(attemptId: number, answer: SavedAnswer): void {
    this.listed = undefined;
    this.db.transaction(() => {
      this.statements.saveAnswer.run(
        attemptId,
        answer.questionId,
        JSON.stringify(answer.response),
        answer.answeredAt,
        answer.flagged ? 1 : 0,
      );
    })();
  }

  /** Closes an in-progress attempt with its result. */
  finish(
    attemptId: number,
    outcome: {
      status: Exclude<AttemptStatus, 'in_progress'>;
      endedAt: number;
      score: number;
      maxScore: number;
      percent: number;
      passed: boolean;
      result: unknown;
    },
  ): void {
    this.listed = undefined;
    const info = this.statements.finish.run({
      id: attemptId,
      ...outcome,
      passed: outcome.passed ? 1 : 0,
      result: encodeStored('result', outcome.result),
    });
    if (info.changes !== 1) throw new Error(`attempt ${attemptId} is not in progress`);
  }

  get(attemptId: number): AttemptRow | undefined {
    const row = this.statements.get.get(attemptId) as Row | undefined;
    return row && fromRow(row);
  }

  /** The most recently finished attempt, for `qualify report` without an id. */
  latestFinished(): AttemptRow | undefined {
    const row = this.statements.latest.get() as Row | undefined;
    return row && fromRow(row);
  }

  /** Listed attempts from their rows' values (see LISTED_COLUMNS). */
  private listing(values: unknown[]): AttemptRow[] {
    const read = (id: number) => {
      const found = this.statements.details.get(id) as Details | undefined;
      if (!found) throw new Error(`attempt ${id} is no longer in the database`);
      return found;
    };
    return (values as unknown[][]).map((v) => new ListedAttempt(v, read));
  }

  /** Attempts (of one bank, or all), oldest first, without their stored reports (see `get`). */
  list(bankId?: string): AttemptRow[] {
    if (this.options.remembersListing) {
      this.listed ??= this.listing(this.statements.all.all());
      // In the same order as the query by bank: every row's, filtered.
      return this.listed.filter((a) => bankId === undefined || a.bankId === bankId);
    }
    const values = bankId === undefined ? this.statements.all.all() : this.statements.byBank.all(bankId);
    return this.listing(values);
  }

  /**
   * A bank's exam-mode attempts, oldest first, as `list` gives them: what retake decisions read,
   * without listing the practice rounds, which are most attempts.
   */
  exams(bankId: string): AttemptRow[] {
    if (this.listed) return this.list(bankId).filter((a) => a.mode === 'exam');
    return this.listing(this.statements.examsByBank.all(bankId));
  }

  /** Each attempt's uuid, which names it for good (ids start again in a new database). */
  uuids(): Map<number, string> {
    const rows = this.statements.uuids.all() as { id: number; uuid: string | null }[];
    return new Map(rows.flatMap((r) => (r.uuid === null ? [] : [[r.id, r.uuid] as const])));
  }

  answers(attemptId: number): SavedAnswer[] {
    const rows = this.statements.answers.all(attemptId) as AnswerRow[];
    return rows.map(answerOf);
  }

  /** The answers of every attempt (of one bank, or all) in one query, by attempt id, each ordered as `answers` does. */
  answersByAttempt(bankId?: string): Map<number, SavedAnswer[]> {
    const rows = (
      bankId === undefined ? this.statements.allAnswers.all() : this.statements.answersByBank.all(bankId)
    ) as (AnswerRow & { attempt_id: number })[];
    const byAttempt = new Map<number, SavedAnswer[]>();
    for (const row of rows) {
      let list = byAttempt.get(row.attempt_id);
      if (!list) byAttempt.set(row.attempt_id, (list = []));
      list.push(answerOf(row));
    }
    return byAttempt;
  }

  /** The unfinished attempts at a bank in a mode, oldest first. */
  openAttempts(bankId: string, mode: AttemptMode): AttemptRow[] {
    return this.listing(this.statements.openRounds.all(bankId, mode));
  }

  /** The latest unfinished attempt at a bank in a mode, to resume it. */
  inProgress(bankId: string, mode: AttemptMode): AttemptRow | undefined {
    const row = this.statements.inProgress.get(bankId, mode) as Row | undefined;
    return row && fromRow(row);
  }

  /** Remembers which question the learner is on, so a resumed attempt opens there. */
  setPosition(attemptId: number, position: number): void {
    this.listed = undefined;
    this.statements.setPosition.run(position, attemptId);
  }

  /** Flags or unflags a question for review (answered or not). */
  setFlag(attemptId: number, questionId: string, flagged: boolean): void {
    this.listed = undefined;
    this.statements.setFlag.run(attemptId, questionId, flagged ? 1 : 0);
  }

  /** Records when a question was first shown; later calls keep the first time. */
  markShown(attemptId: number, questionId: string, at: number): void {
    this.listed = undefined;
    this.statements.markShown.run(attemptId, questionId, at);
  }

  marks(attemptId: number): QuestionMark[] {
    const rows = this.statements.marks.all(attemptId) as {
      question_id: string;
      flagged: number;
      shown_at: number | null;
    }[];
    return rows.map((r) => ({ questionId: r.question_id, flagged: r.flagged === 1, shownAt: r.shown_at ?? undefined }));
  }

  /**
   * Runs `work` as one `BEGIN IMMEDIATE` transaction: the write lock is taken before the first
   * read, so a decision made from what was read (may this exam start?) still holds when written.
   */
  immediately<T>(work: () => T): T {
    this.listed = undefined;
    return this.db.transaction(work).immediate();
  }

  /** Removes an unfinished attempt and its answers (one that was never acknowledged to anyone). */
  discard(attemptId: number): void {
    this.listed = undefined;
    this.statements.discard.run(attemptId);
  }

  /** The latest time written to the database (attempts, answers, marks), to notice a clock that was turned back. */
  lastRecordedAt(): number | undefined {
    const row = this.statements.lastRecorded.get() as { last: number | null };
    return row.last || undefined;
  }
}
