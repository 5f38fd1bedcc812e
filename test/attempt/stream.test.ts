import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AnswerStream } from '../../src/attempt/stream.js';
import type { AttemptScope } from '../../src/attempt/lifecycle.js';
import { AttemptStore } from '../../src/store/attempts.js';
import { openDatabase } from '../../src/store/db.js';
import { bankYaml, loadBank, tempTree } from '../helpers.js';

const CHOICE = (id: string) => `  - id: ${id}
    type: single-choice
    sections: ["1"]
    prompt: Which one?
    options:
      - {id: a, text: The first}
      - {id: b, text: The second}
    answer: b
`;

const resolved = loadBank(bankYaml(CHOICE('s-one') + CHOICE('s-two'), 'exam:\n  time_limit: 10m\n'));
const opened: { close(): void }[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.close()));

/** A fresh database and a clock the test moves by hand. */
function scope(start = Date.parse('2031-01-10T10:00:00Z')): AttemptScope & { advance(ms: number): void } {
  const db = openDatabase(path.join(tempTree(), 'qualify.db'));
  opened.push(db);
  let now = start;
  return { store: new AttemptStore(db), resolved, clock: () => now, json: true, advance: (ms) => void (now += ms) };
}

describe('the answer stream of the attempt layer', () => {
  it('acknowledges an answer only once it is saved, reports bad lines by number, and scores on submit', () => {
    const s = scope();
    const stream = AnswerStream.open(s, { mode: 'practice', seed: 1 });
    expect(stream.started()).toMatchObject({ event: 'started', mode: 'practice', answered: [] });
    const ack = stream.line('{"id": "s-one", "answer": "b"}', 1);
    expect(ack).toEqual({ events: [{ event: 'ack', id: 's-one', attemptId: stream.attempt.attemptId }], done: false });
    expect(s.store.answers(stream.attempt.attemptId).map((a) => a.questionId)).toEqual(['s-one']);
    expect(stream.line('not json', 2).events).toEqual([
      { event: 'error', line: 2, message: expect.stringContaining('not a JSON object') as string },
    ]);
    expect(stream.line('{"id": "nope", "answer": "a"}', 3).events[0]).toMatchObject({ event: 'error', line: 3 });
    expect(stream.line('   ', 4)).toEqual({ events: [], done: false });
    const result = stream.line('{"submit": true}', 5);
    expect(result.done).toBe(true);
    expect(result.events[0]).toMatchObject({ event: 'result', percent: 50 });
  });

  it('closes the attempt as expired at its deadline when a line comes after it', () => {
    const s = scope();
    const stream = AnswerStream.open(s, { mode: 'exam', seed: 1 });
    expect(stream.expireIfLapsed()).toBeUndefined();
    s.advance(11 * 60_000);
    const late = stream.line('{"id": "s-one", "answer": "b"}', 1);
    expect(late.done).toBe(true);
    expect(late.events[0]).toMatchObject({ event: 'result', status: 'expired', passed: false });
    expect(s.store.answers(stream.attempt.attemptId)).toEqual([]);
  });

  it('leaves the attempt in progress when the input ends without a submit, to be resumed', () => {
    const s = scope();
    const first = AnswerStream.open(s, { mode: 'practice', seed: 1 });
    first.line('{"id": "s-two", "answer": "a"}', 1);
    expect(first.endedWithoutSubmit().message).toContain('--answers - --stream --resume');
    // A new practice stream is refused while that round is open; a resume continues it.
    expect(() => AnswerStream.open(s, { mode: 'practice', seed: 2 })).toThrow('is still open');
    const resumed = AnswerStream.open(s, { mode: 'practice', seed: 2, resume: true });
    expect(resumed.attempt.attemptId).toBe(first.attempt.attemptId);
    expect(resumed.started()).toMatchObject({ answered: ['s-two'] });
  });
});
