import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reportError } from '../../src/cli/handle-error.js';
import type { Io } from '../../src/cli/io.js';
import { attemptMessages as messages } from '../../src/attempt/messages.js';
import { UsageError } from '../../src/errors.js';
import { FakeTerminal } from '../ui/fake-terminal.js';
import { cli, tempHome, writeTemp } from './run-cli.js';

const BANK = 'search-evaluation-basics';
const T0 = '2026-11-01T09:00:00.000Z';

/** The words of a text in order: the same list before and after wrapping means no word was cut. */
const words = (text: string) => text.split(/\s+/).filter(Boolean);
/** The lines of a text longer than `columns`. */
const tooWide = (text: string, columns: number) => text.split('\n').filter((line) => [...line].length > columns);

function io(options: { terminal?: FakeTerminal; errColumns?: number } = {}): Io & { errText: () => string } {
  let err = '';
  return {
    out: () => {},
    err: (text) => void (err += text),
    env: {},
    color: false,
    colorErr: false,
    width: 60,
    cwd: process.cwd(),
    ...options,
    clock: () => 0,
    errText: () => err,
  };
}

describe('a usage error from the error handler', () => {
  it('is wrapped at word boundaries to the width of stderr when it is a terminal', () => {
    const at = io({ errColumns: 60 });
    reportError(new UsageError(messages.nothingToResume(BANK, 'exam')), at);
    const lines = at.errText().trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(1);
    expect(tooWide(at.errText(), 59)).toEqual([]);
    // Broken at spaces only: joined again with one, the message is whole.
    expect(lines.join(' ')).toContain(`Start one with "qualify exam ${BANK}".`);
  });

  it('is left whole when stderr is piped, even with stdout at a terminal (a log keeps the message on one line)', () => {
    for (const piped of [io(), io({ terminal: new FakeTerminal({ columns: 60, rows: 20 }) })]) {
      reportError(new UsageError(messages.nothingToResume(BANK, 'exam')), piped);
      expect(piped.errText().trimEnd().split('\n')).toHaveLength(1);
    }
  });
});

let home: string;
beforeEach(() => {
  home = tempHome();
});
afterEach(() => fs.rmSync(home, { recursive: true, force: true }));

const exam = (file: string, now: string, env: Record<string, string> = {}) =>
  cli(['exam', BANK, '--answers', file], { home, now, env });

describe('an answers file at 60 columns (COLUMNS)', () => {
  it('the answers file warnings are wrapped the same way', async () => {
    const empty = writeTemp(home, 'empty.yaml', '{}\n');
    const narrow = await exam(empty, T0, { COLUMNS: '60' });
    expect(narrow.code).toBe(0);
    expect(tooWide(narrow.stderr, 60)).toEqual([]);
    expect(words(narrow.stderr)).toEqual(
      words(`${empty}:1:1  the answers file holds no answers; every question will score 0`),
    );
    expect(narrow.stderr.trimEnd().split('\n').length).toBeGreaterThan(1);
  });
});
