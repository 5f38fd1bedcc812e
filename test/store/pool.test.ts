import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AttemptStore } from '../../src/store/attempts.js';
import { openDatabase } from '../../src/store/db.js';
import { attemptsForExport, mergeAttempts, selfLearner } from '../../src/store/pool.js';
import { tempTree } from '../helpers.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function finishedAttempt(store: AttemptStore, startedAt: number, score: number): number {
  const id = store.start({
    bankId: 'b',
    bankTitle: 'Bank',
    bankVersion: '1',
    bankFile: '/x/b.yaml',
    guidelineId: 'g',
    mode: 'practice',
    seed: 1,
    questionIds: ['q1'],
    startedAt,
  });
  store.saveAnswer(id, {
    questionId: 'q1',
    response: { answer: 'a', self: [] },
    answeredAt: startedAt + 1,
    flagged: false,
  });
  store.finish(id, {
    status: 'submitted',
    endedAt: startedAt + 2,
    score,
    maxScore: 1,
    percent: score * 100,
    passed: score === 1,
    result: {
      attemptId: id,
      score,
      maxScore: 1,
      percent: score * 100,
      passed: score === 1,
      bank: { id: 'b' },
      mistakes: [],
      sections: [],
    },
  });
  return id;
}

describe('pooled attempts in the database', () => {
  it('gives every attempt, old or new, its own UUID, and the database a random learner id', () => {
    const file = path.join(tempTree(), 'q.db');
    // A database from before pooling: the first two schema versions, with an attempt in it.
    const old = openDatabase(file);
    const store = new AttemptStore(old);
    finishedAttempt(store, 1000, 1);
    old.close();
    const raw = new Database(file);
    // Later migrations (the study tables, the indexes) go too, so the upgrade runs them again from version 2.
    raw.exec('DROP TABLE study_reviews; DROP TABLE study_cards; DROP TABLE sections_read;');
    for (const index of ['attempts_listed', 'attempts_listed_by_bank', 'attempts_by_end', 'answers_by_time'])
      raw.exec(`DROP INDEX ${index}`);
    raw.exec('DROP INDEX question_marks_by_time;');
    raw.exec(
      'DROP TRIGGER attempts_get_uuid; DROP INDEX attempts_by_uuid; DROP TABLE learners; ' +
        'ALTER TABLE attempts DROP COLUMN learner_id; ALTER TABLE attempts DROP COLUMN uuid;',
    );
    raw.pragma('user_version = 2');
    raw.close();

    const db = openDatabase(file);
    finishedAttempt(new AttemptStore(db), 2000, 0);
    const { learners, attempts } = attemptsForExport(db);
    expect(learners).toEqual([{ id: selfLearner(db).id }]);
    expect(selfLearner(db).id).toMatch(UUID);
    expect(attempts).toHaveLength(2);
    for (const a of attempts) expect(a.id).toMatch(UUID);
    expect(attempts[0]!.id).not.toBe(attempts[1]!.id);
    db.close();
  });

  it('never overwrites an attempt it already has, even when the incoming copy differs', () => {
    const member = openDatabase(path.join(tempTree(), 'member.db'));
    finishedAttempt(new AttemptStore(member), 1000, 1);
    const exported = attemptsForExport(member);
    member.close();

    const group = openDatabase(path.join(tempTree(), 'group.db'));
    expect(mergeAttempts(group, exported.learners, exported.attempts)).toEqual({ added: 1, duplicates: 0 });
    const altered = exported.attempts.map((a) => ({ ...a, score: 0, percent: 0, passed: false, answers: [] }));
    expect(mergeAttempts(group, [{ id: exported.learners[0]!.id, name: 'Renamed' }], altered)).toEqual({
      added: 0,
      duplicates: 1,
    });
    const after = attemptsForExport(group);
    expect(after.attempts[0]).toMatchObject({ id: exported.attempts[0]!.id, score: 1, percent: 100, passed: true });
    expect(after.attempts[0]!.answers).toEqual(exported.attempts[0]!.answers);
    expect(after.learners).toEqual([{ id: exported.learners[0]!.id }]);
    group.close();
  });

  it('merges a readable report renumbered for this database, and leaves out one it could not read', () => {
    const member = openDatabase(path.join(tempTree(), 'member.db'));
    finishedAttempt(new AttemptStore(member), 1000, 1);
    finishedAttempt(new AttemptStore(member), 2000, 0);
    const exported = attemptsForExport(member);
    member.close();
    expect(exported.attempts[0]!.report).toMatchObject({ attemptId: 1, score: 1 });

    const group = openDatabase(path.join(tempTree(), 'group.db'));
    finishedAttempt(new AttemptStore(group), 500, 1);
    const [good, bad] = exported.attempts;
    const damaged = { ...bad!, report: { attemptId: 2, score: 'none' } };
    expect(mergeAttempts(group, exported.learners, [good!, damaged])).toEqual({ added: 2, duplicates: 0 });
    const store = new AttemptStore(group);
    expect(store.get(2)!.result).toMatchObject({ attemptId: 2, score: 1 });
    expect(store.get(3)).toMatchObject({ score: 0, result: undefined });
    group.close();
  });
});
