import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { parseJson } from '../helpers.js';
import { FIXTURES } from '../cli/run-cli.js';
import { terminalsClosedAfterEach } from './tmux.js';

const CONTENT = ['--content', path.join(FIXTURES, 'basic'), '--content', path.join(FIXTURES, 'typed')];
const terminal = terminalsClosedAfterEach();

function savedAnswers(home: string): Record<string, unknown> {
  const db = new Database(path.join(home, 'qualify.db'), { readonly: true });
  try {
    const rows = db.prepare('SELECT question_id, response FROM answers').all() as {
      question_id: string;
      response: string;
    }[];
    return Object.fromEntries(rows.map((r) => [r.question_id, parseJson<{ answer: unknown }>(r.response).answer]));
  } finally {
    db.close();
  }
}

describe('typed answers in the terminal (tmux)', () => {
  // The feedback is the matched answer's.
  it('practice: a short answer and a number typed, scored as Moodle would, with their feedback', async () => {
    const t = terminal();
    t.start([...CONTENT, 'practice', 'typed-bank', '--seed', '1']);
    await t.waitFor('Start practising');
    t.send('Enter');
    const answers: Record<string, string> = { 't-word': 'Fully Meets', 't-count': '145' };
    for (let n = 1; n <= 2; n++) {
      let screen = await t.waitFor(new RegExp(`Question ${n}/2`));
      const id = screen.includes('seconds long') ? 't-count' : 't-word';
      if (id === 't-count') expect(screen).toContain('Your answer (a number, in s):');
      t.send('Enter'); // "Write your answer"
      await t.waitFor('empty line');
      t.type(answers[id]!);
      t.send('Enter');
      t.send('Enter'); // an empty line ends the answer
      screen = await t.waitFor(id === 't-word' ? 'Correct' : 'Partly');
      if (id === 't-count') {
        // Not fully right: one more try is offered before the key; take the key.
        expect(screen).toContain('Show the answer');
        t.send('Down', 'Enter');
        screen = await t.waitFor('Expected: 150 s');
        expect(screen).toContain('Expected: 150 s');
        expect(screen).toContain('On your answer: Close; recount the half minute.');
      }
      // The answer is in the database before the next question appears.
      expect(savedAnswers(t.home)[id]).toBe(answers[id]);
      t.send('Enter');
    }
  });
});
