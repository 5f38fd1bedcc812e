import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256 } from '../../src/content/digest.js';
import { FIXTURES, spawnCli, tempHome, writeTemp } from '../cli/run-cli.js';

// The names of cache files are remembered (src/content/digest.ts), so a run that names only the
// files it named before does not load node:crypto to hash their paths again.
const BASIC = path.join(FIXTURES, 'basic');
let home: string;
beforeEach(() => {
  home = tempHome({ cold: true });
});
afterEach(() => fs.rmSync(home, { recursive: true, force: true }));

const namesFile = () => path.join(home, 'cache', 'content', 'names.v8');
const exam = () => {
  const answers = writeTemp(home, 'answers.yaml', 'q-single: a\nq-tf: false\n');
  return spawnCli(['--content', BASIC, 'exam', 'fixture-bank', '--practice', '--answers', answers, '--json'], {
    home,
    now: '2026-11-01T09:00:00.000Z',
  });
};
const history = () => spawnCli(['--content', BASIC, 'history', '--json'], { home, now: '2026-11-01T10:00:00.000Z' });

describe('the names of cache files', () => {
  it('are remembered as the SHA-256 of what each file keeps, and name the files that are there', () => {
    expect(exam().code).toBe(0);
    const bytes = fs.readFileSync(namesFile());
    const names = v8.deserialize(bytes.subarray(4)) as Map<string, string>;
    expect(names.size).toBeGreaterThan(2);
    for (const [text, name] of names) expect(name).toBe(sha256(text).slice(0, 32));
    const entries = fs.readdirSync(path.join(home, 'cache', 'content'));
    const bankFile = path.join(BASIC, 'bank.yaml');
    expect(entries).toContain(`${names.get(`${bankFile}\u0000resolved`)}.v8`);
    // The database's integrity stamp is kept under its path's name too.
    expect(fs.readdirSync(path.join(home, 'cache', 'checked'))).toContain(names.get(path.join(home, 'qualify.db')));
  });

  it('work out again from a damaged names file, which is then written whole', () => {
    expect(exam().code).toBe(0);
    const expected = history();
    expect(expected.code).toBe(0);
    for (const damage of [Buffer.from('not names'), Buffer.alloc(0)]) {
      fs.writeFileSync(namesFile(), damage);
      expect(history()).toEqual(expected);
      const bytes = fs.readFileSync(namesFile());
      expect(v8.deserialize(bytes.subarray(4))).toBeInstanceOf(Map);
    }
  });
});
