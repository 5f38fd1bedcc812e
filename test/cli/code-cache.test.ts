import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOT, spawnCli, tempHome } from './run-cli.js';

// The launcher keeps what V8 compiled of the program per command (bin/code-cache.js): a faster
// start is all it may change. These runs go through the real launcher.
const { commandOf } = createRequire(import.meta.url)(path.join(ROOT, 'bin', 'code-cache.js')) as {
  commandOf: (argv: string[]) => string;
};

let home: string;
const folder = () => path.join(home, 'cache', 'code');
beforeEach(() => {
  home = tempHome();
  // The prepared content cache tempHome copies in may hold code caches of its own runs.
  fs.rmSync(folder(), { recursive: true, force: true });
});
afterEach(() => fs.rmSync(home, { recursive: true, force: true }));

const kept = () => fs.readdirSync(folder()).map((name) => path.join(folder(), name));
const list = () => spawnCli(['list', '--json'], { home });

describe('the code cache of the launcher', () => {
  it("is made by a command's first run and used, unchanged, by the next, with the same output", () => {
    const first = list();
    expect(first.code).toBe(0);
    const [file, ...others] = kept();
    expect(others).toEqual([]);
    expect(path.basename(file!)).toMatch(/^[0-9a-f]{32}-list\.bin$/);
    const bytes = fs.readFileSync(file!);
    const second = list();
    expect(second).toEqual(first);
    // Rewritten only when V8 refused it (or it was damaged): taken, it stays as it was.
    expect(fs.readFileSync(file!).equals(bytes)).toBe(true);
    // Another command has its own.
    expect(spawnCli(['history', '--json'], { home }).code).toBe(0);
    expect(kept().map((f) => path.basename(f).slice(33))).toEqual(['history.bin', 'list.bin']);
  });

  it('is made again when damaged or cut short, and the command runs as before', () => {
    const expected = list();
    const [file] = kept();
    const whole = fs.readFileSync(file!);
    const damaged = Buffer.from(whole);
    damaged[damaged.length >> 1] ^= 0xff;
    for (const bad of [damaged, whole.subarray(0, whole.length >> 1), Buffer.alloc(0)]) {
      fs.writeFileSync(file!, bad);
      expect(list()).toEqual(expected);
      const again = fs.readFileSync(file!);
      expect(again.length).toBeGreaterThan(0);
      expect(again.equals(bad)).toBe(false);
    }
  });

  it('keeps only the cache of this build', () => {
    fs.mkdirSync(folder(), { recursive: true });
    const old = path.join(folder(), `${'0'.repeat(32)}-list.bin`);
    fs.writeFileSync(old, 'a cache of another build');
    expect(list().code).toBe(0);
    expect(fs.existsSync(old)).toBe(false);
    expect(kept()).toHaveLength(1);
  });

  it('is not needed: a data folder where it cannot be written runs every command the same', () => {
    const expected = list();
    fs.rmSync(folder(), { recursive: true });
    fs.writeFileSync(folder(), 'not a folder');
    expect(list()).toEqual(expected);
    expect(list()).toEqual(expected);
  });

  it('is named by the command, not by the values of the options before it', () => {
    expect(commandOf(['--content', './history', 'list', '--json'])).toBe('list');
    expect(commandOf(['--db', 'exam.db', 'history'])).toBe('history');
    expect(commandOf(['--db=other.db', 'exam', 'bank'])).toBe('exam');
    expect(commandOf([])).toBe('home');
    expect(commandOf(['--content', 'mine'])).toBe('home');
    // Never a path or an odd name: the command word itself, or "other".
    expect(commandOf(['../../x'])).toBe('other');
    expect(commandOf(['Report'])).toBe('other');
  });
});
