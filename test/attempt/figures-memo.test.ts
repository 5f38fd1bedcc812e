import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { figuresMemo } from '../../src/attempt/figures-memo.js';
import { historyOf } from '../../src/attempt/history.js';
import { openContentCache } from '../../src/content/cache.js';
import { loadContent } from '../../src/library/load.js';
import { AttemptStore } from '../../src/store/attempts.js';
import { openCheckedDatabase } from '../../src/store/db.js';
import { tempTree } from '../helpers.js';
import { cli } from '../cli/run-cli.js';

const BASIC = path.join(import.meta.dirname, '..', 'fixtures', 'basic');

describe('study figures remembered per database state and content', () => {
  it('are worked out once for one state; another database state or edited content works them out again', () => {
    const dir = tempTree();
    const content = path.join(dir, 'content');
    fs.cpSync(BASIC, content, { recursive: true });
    const load = () => loadContent([content], [], openContentCache(path.join(dir, 'cache')));
    let worked = 0;
    const figure = (state: string) => {
      const memo = figuresMemo(load(), state)!;
      const value = memo.get('figure', () => ({ answer: ++worked }));
      memo.save();
      return value;
    };

    expect(figure('db|1')).toEqual({ answer: 1 });
    expect(figure('db|1')).toEqual({ answer: 1 });
    expect(worked).toBe(1);

    // Another state of the database (a write happened), or no state at all: worked out again.
    expect(figure('db|2')).toEqual({ answer: 2 });
    expect(figuresMemo(load(), undefined)).toBeUndefined();

    // The bank edited: its stamp changes, and so does every figure's key.
    const bank = fs
      .readdirSync(content)
      .find((f) => fs.readFileSync(path.join(content, f), 'utf8').includes('kind: bank'))!;
    const later = new Date(Date.now() + 5000);
    fs.appendFileSync(path.join(content, bank), '# edited\n');
    fs.utimesSync(path.join(content, bank), later, later);
    expect(figure('db|1')).toEqual({ answer: 3 });
  });

  it('give history the analytics worked out afresh, before and after a new attempt', async () => {
    const home = tempTree();
    const answers = path.join(home, 'answers.yaml');
    fs.writeFileSync(answers, 'q-single: a\nq-tf: false\n');
    const run = (...args: string[]) => cli(['--content', BASIC, ...args], { home });
    const fresh = () => {
      // The same history from the database and content as they are, with no memo.
      const { db } = openCheckedDatabase(path.join(home, 'qualify.db'), { write: false, createFolder: false });
      try {
        return historyOf(new AttemptStore(db), loadContent([BASIC]), undefined, Date.now()).analytics;
      } finally {
        db.close();
      }
    };
    const analytics = async () =>
      (JSON.parse((await run('history', '--json')).stdout) as { analytics: unknown }).analytics;
    await run('exam', 'fixture-bank', '--practice', '--answers', answers);
    const once = await analytics();
    expect(await analytics()).toEqual(once);
    expect(once).toEqual(JSON.parse(JSON.stringify(fresh())));
    fs.writeFileSync(answers, 'q-single: b\nq-tf: true\n');
    await run('exam', 'fixture-bank', '--practice', '--answers', answers);
    const twice = await analytics();
    expect(twice).not.toEqual(once);
    expect(twice).toEqual(JSON.parse(JSON.stringify(fresh())));
  });
});
