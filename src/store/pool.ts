import type { Response } from '../scoring/response.js';
import type { PooledAttempt } from '../stats/item-stats.js';
import type { ExportedAttempt, ExportedLearner } from '../share/attempts-file.js';
import type { DB } from './db.js';
import { decodeStored, encodeStored, storedShapeProblem } from './stored-json.js';

/**
 * Pooled attempts: the learner this database belongs to, the attempts to export, and attempts
 * merged in from other members' exports. Merging only ever adds rows.
 */

interface AttemptExportRow {
  id: number;
  uuid: string;
  learner_id: string | null;
  bank_id: string;
  bank_title: string;
  bank_version: string;
  guideline_id: string;
  mode: 'exam' | 'practice';
  status: 'submitted' | 'expired' | 'abandoned';
  seed: number;
  question_ids: string;
  started_at: number;
  deadline_at: number | null;
  ended_at: number;
  score: number;
  max_score: number;
  percent: number;
  passed: number;
  result: string | null;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** This database's own learner: a random id made when the database was, and a name if one was set. */
export function selfLearner(db: DB): ExportedLearner {
  const row = db.prepare('SELECT id, display_name FROM learners WHERE is_self = 1').get() as {
    id: string;
    display_name: string | null;
  };
  return row.display_name === null ? { id: row.id } : { id: row.id, name: row.display_name };
}

/** Sets (or, with null, removes) the display name others see in pooled attempts. */
export function setDisplayName(db: DB, name: string | null): void {
  db.prepare('UPDATE learners SET display_name = ? WHERE is_self = 1').run(name);
}

/** The finished attempts (optionally of one bank) with their answers, and the learners they belong to. */
export function attemptsForExport(
  db: DB,
  bankId?: string,
): { learners: ExportedLearner[]; attempts: ExportedAttempt[] } {
  const self = selfLearner(db);
  const rows = db
    .prepare(
      `SELECT * FROM attempts WHERE status != 'in_progress' AND ended_at IS NOT NULL
       AND (@bank IS NULL OR bank_id = @bank) ORDER BY started_at, id`,
    )
    .all({ bank: bankId ?? null }) as AttemptExportRow[];
  const answers = db.prepare(
    'SELECT question_id, response, answered_at, flagged FROM answers WHERE attempt_id = ? ORDER BY answered_at, rowid',
  );
  const attempts = rows.map((row): ExportedAttempt => {
    const exported: ExportedAttempt = {
      id: row.uuid,
      learner: row.learner_id ?? self.id,
      bank: { id: row.bank_id, title: row.bank_title, version: row.bank_version, guideline: row.guideline_id },
      mode: row.mode,
      status: row.status,
      seed: row.seed,
      questions: JSON.parse(row.question_ids) as string[],
      startedAt: iso(row.started_at),
      ...(row.deadline_at === null ? {} : { deadlineAt: iso(row.deadline_at) }),
      endedAt: iso(row.ended_at),
      score: row.score,
      maxScore: row.max_score,
      percent: row.percent,
      passed: row.passed === 1,
      ...(row.result === null ? {} : { report: decodeStored('result', row.result, row.id) }),
      answers: (
        answers.all(row.id) as { question_id: string; response: string; answered_at: number; flagged: number }[]
      ).map((a) => ({
        question: a.question_id,
        response: JSON.parse(a.response) as Record<string, unknown>,
        answeredAt: iso(a.answered_at),
        flagged: a.flagged === 1,
      })),
    };
    return exported;
  });
  const used = new Set(attempts.map((a) => a.learner));
  const others = (
    db.prepare('SELECT id, display_name FROM learners WHERE is_self = 0 ORDER BY id').all() as {
      id: string;
      display_name: string | null;
    }[]
  ).map((r): ExportedLearner => (r.display_name === null ? { id: r.id } : { id: r.id, name: r.display_name }));
  return { learners: [self, ...others].filter((l) => used.has(l.id)), attempts };
}

export interface MergeCount {
  added: number;
  duplicates: number;
}

/**
 * Adds attempts from other databases in one transaction: an attempt whose id is already here is
 * skipped (never overwritten), and so is a learner already known.
 */
export function mergeAttempts(
  db: DB,
  learners: readonly ExportedLearner[],
  attempts: readonly ExportedAttempt[],
): MergeCount {
  const self = selfLearner(db);
  const addLearner = db.prepare('INSERT INTO learners (id, display_name) VALUES (?, ?) ON CONFLICT (id) DO NOTHING');
  const addAttempt = db.prepare(
    `INSERT INTO attempts (uuid, learner_id, bank_id, bank_title, bank_version, bank_file, guideline_id, mode, status,
       seed, question_ids, started_at, deadline_at, ended_at, score, max_score, percent, passed, result)
     VALUES (@uuid, @learner, @bankId, @bankTitle, @bankVersion, '', @guidelineId, @mode, @status,
       @seed, @questionIds, @startedAt, @deadlineAt, @endedAt, @score, @maxScore, @percent, @passed, @result)
     ON CONFLICT (uuid) DO NOTHING`,
  );
  const setReport = db.prepare('UPDATE attempts SET result = ? WHERE id = ?');
  const addAnswer = db.prepare(
    'INSERT INTO answers (attempt_id, question_id, response, answered_at, flagged) VALUES (?, ?, ?, ?, ?)',
  );
  const count: MergeCount = { added: 0, duplicates: 0 };
  db.transaction(() => {
    for (const learner of learners) if (learner.id !== self.id) addLearner.run(learner.id, learner.name ?? null);
    for (const attempt of attempts) {
      const info = addAttempt.run({
        uuid: attempt.id,
        learner: attempt.learner === self.id ? null : attempt.learner,
        bankId: attempt.bank.id,
        bankTitle: attempt.bank.title,
        bankVersion: attempt.bank.version,
        guidelineId: attempt.bank.guideline,
        mode: attempt.mode,
        status: attempt.status,
        seed: attempt.seed,
        questionIds: JSON.stringify(attempt.questions),
        startedAt: Date.parse(attempt.startedAt),
        deadlineAt: attempt.deadlineAt === undefined ? null : Date.parse(attempt.deadlineAt),
        endedAt: Date.parse(attempt.endedAt),
        score: attempt.score,
        maxScore: attempt.maxScore,
        percent: attempt.percent,
        passed: attempt.passed ? 1 : 0,
        result: null,
      });
      if (info.changes === 0) {
        count.duplicates++;
        continue;
      }
      count.added++;
      const localId = Number(info.lastInsertRowid);
      // The stored report names the attempt by its number, which is this database's own.
      // A report of a shape this qualify cannot read is left out: the attempt and its answers still count.
      const report = attempt.report && { ...attempt.report, attemptId: localId };
      if (report && !storedShapeProblem('result', report)) setReport.run(encodeStored('result', report), localId);
      for (const answer of attempt.answers) {
        addAnswer.run(
          localId,
          answer.question,
          JSON.stringify(answer.response),
          Date.parse(answer.answeredAt),
          answer.flagged ? 1 : 0,
        );
      }
    }
  })();
  return count;
}

/** How many finished attempts the database holds, whoever made them. */
export function finishedAttemptCount(db: DB): number {
  return (db.prepare("SELECT COUNT(*) AS n FROM attempts WHERE status != 'in_progress'").get() as { n: number }).n;
}

/** The finished attempts at a bank, each with the questions it drew and the responses given. */
export function pooledAttempts(db: DB, bankId: string): { attempts: PooledAttempt[]; learners: number } {
  const rows = db
    .prepare(
      `SELECT id, question_ids, learner_id FROM attempts WHERE bank_id = ? AND status != 'in_progress'
       ORDER BY started_at, id`,
    )
    .all(bankId) as { id: number; question_ids: string; learner_id: string | null }[];
  const answers = db.prepare('SELECT question_id, response FROM answers WHERE attempt_id = ?');
  const attempts = rows.map((row) => ({
    questionIds: JSON.parse(row.question_ids) as string[],
    responses: new Map(
      (answers.all(row.id) as { question_id: string; response: string }[]).map((a) => [
        a.question_id,
        JSON.parse(a.response) as Response,
      ]),
    ),
  }));
  return { attempts, learners: new Set(rows.map((r) => r.learner_id)).size };
}

/** The banks the database holds finished attempts at. */
export function bankIdsWithAttempts(db: DB): string[] {
  return (
    db.prepare("SELECT DISTINCT bank_id FROM attempts WHERE status != 'in_progress' ORDER BY bank_id").all() as {
      bank_id: string;
    }[]
  ).map((r) => r.bank_id);
}

/** The ids of the attempts made by the same learner as this one (in a group database, one member's). */
export function attemptIdsOfSameLearner(db: DB, attemptId: number): Set<number> {
  const rows = db
    .prepare('SELECT id FROM attempts WHERE learner_id IS (SELECT learner_id FROM attempts WHERE id = ?)')
    .all(attemptId) as { id: number }[];
  return new Set(rows.map((r) => r.id));
}
