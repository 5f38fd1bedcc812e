import { describe, expect, it } from 'vitest';
import { reportError } from '../../src/cli/handle-error.js';
import type { Io } from '../../src/cli/io.js';
import { attemptMessages as messages } from '../../src/attempt/messages.js';
import { UsageError } from '../../src/errors.js';
import { FakeTerminal } from '../ui/fake-terminal.js';

function io(terminal?: FakeTerminal): Io & { errText: () => string } {
  let err = '';
  return {
    out: () => {},
    err: (text) => void (err += text),
    env: {},
    color: false,
    colorErr: false,
    width: 60,
    cwd: process.cwd(),
    terminal,
    clock: () => 0,
    errText: () => err,
  };
}

describe('a usage error at the terminal', () => {
  it('is wrapped to the window at word boundaries ("nothing to resume ... Start one with ...")', () => {
    const at = io(new FakeTerminal({ columns: 60, rows: 20 }));
    reportError(new UsageError(messages.nothingToResume('search-evaluation-basics', 'exam')), at);
    const lines = at.errText().trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.filter((line) => line.length > 59)).toEqual([]);
    // Broken at spaces only: joined again with one, the message is whole.
    expect(lines.join(' ')).toContain('Start one with "qualify exam search-evaluation-basics".');
  });

  it('is left whole when piped (a log keeps the message on one line)', () => {
    const piped = io();
    reportError(new UsageError(messages.nothingToResume('search-evaluation-basics', 'exam')), piped);
    expect(piped.errText().trimEnd().split('\n')).toHaveLength(1);
  });
});
