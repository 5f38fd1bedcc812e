import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { withStore } from '../../src/app/open.js';
import { STORED_ATTEMPT, tempTree } from '../helpers.js';

const attempt = { ...STORED_ATTEMPT, mode: 'practice' as const, deadlineAt: undefined };

/** How many integrity checks (SQLite's quick_check) the runs since the last call made. */
const pragma = vi.spyOn(Database.prototype, 'pragma');
const checks = () => {
  const n = pragma.mock.calls.filter(([source]) => source === 'quick_check').length;
  pragma.mockClear();
  return n;
};
afterEach(() => void pragma.mockClear());

describe('the attempts database between runs', () => {
  it('is not checked again after a run that wrote it in one go; it is after a session, or any change', async () => {
    const home = tempTree();
    const options = { content: [], cwd: home, home };
    const file = path.join(home, 'qualify.db');
    // An answers file's exam: opened, written and closed at once, twice.
    withStore(options, ({ store }) => store.start(attempt));
    checks();
    withStore(options, ({ store }) => store.start(attempt));
    expect(withStore(options, ({ store }) => store.list().length, 'read')).toBe(2);
    expect(checks()).toBe(0);

    // A session (the terminal, a stream of answers) waits on the user: the next run checks.
    await withStore(options, async ({ store }) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      store.start(attempt);
    });
    withStore(options, () => undefined);
    expect(checks()).toBe(1);

    // Written by something else after qualify's last run: checked, and damage refused.
    const bytes = fs.readFileSync(file);
    bytes.fill(0xff, 4096, 4096 + 12);
    fs.writeFileSync(file, bytes);
    expect(() => withStore(options, () => undefined)).toThrow(/damaged/);
    expect(checks()).toBe(1);
  });
});
