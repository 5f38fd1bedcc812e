import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reportError } from '../../src/cli/handle-error.js';
import type { Io } from '../../src/cli/io.js';
import { attemptMessages as messages } from '../../src/attempt/messages.js';
import { ContentError, UsageError } from '../../src/errors.js';
import { FakeTerminal } from '../ui/fake-terminal.js';
import { cli, spawnCli, tempHome, writeTemp, type CliResult } from './run-cli.js';

const BANK = 'search-evaluation-basics';
const T0 = '2026-11-01T09:00:00.000Z';
const LATER = '2026-11-01T10:00:00.000Z';

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

describe('content problems from the error handler', () => {
  const problems = new ContentError(
    [1, 2].map((n) => ({
      file: `/library/banks/search-evaluation-${n}.yaml`,
      line: 3 * n,
      column: 8,
      severity: 'error' as const,
      ruleId: 'yaml-syntax',
      message: 'YAML syntax: this list opened with [ is never closed; add ] at its end',
    })),
    '2 problems in content files; fix them and run the command again.',
  );

  it('go on indented at a narrow terminal, so each problem starts at the left edge with its file', () => {
    const at = io({ errColumns: 60 });
    reportError(problems, at);
    const lines = at.errText().trimEnd().split('\n');
    expect(tooWide(at.errText(), 59)).toEqual([]);
    // Each problem's first line starts with its file; the lines it wraps to are indented.
    const starts = lines.filter((line) => !line.startsWith(' '));
    expect(starts.slice(0, 2).map((line) => line.split(':')[0])).toEqual([
      '/library/banks/search-evaluation-1.yaml',
      '/library/banks/search-evaluation-2.yaml',
    ]);
    expect(lines.filter((line) => line.startsWith('    ')).length).toBeGreaterThanOrEqual(2);
    // Broken at spaces only: the same words as the piped text.
    const piped = io();
    reportError(problems, piped);
    expect(words(at.errText())).toEqual(words(piped.errText()));
  });

  it('keep one line per problem when stderr is piped', () => {
    const piped = io();
    reportError(problems, piped);
    expect(piped.errText().trimEnd().split('\n')).toHaveLength(3);
  });
});

let home: string;
beforeEach(() => {
  home = tempHome();
});
afterEach(() => fs.rmSync(home, { recursive: true, force: true }));

const exam = (file: string, now: string, env: Record<string, string> = {}) =>
  cli(['exam', BANK, '--answers', file], { home, now, env });

/** A failed exam at T0 (the first try of the README, which does not pass); returns the key, which would. */
async function failedOnce(): Promise<string> {
  expect((await exam('examples/search-evaluation-first-try.yaml', T0)).code).toBe(0);
  return writeTemp(home, 'key.yaml', (await cli(['key', BANK], { home })).stdout);
}

/** A refusal at `columns` against the same refusal piped: no line too wide, no word cut. */
function expectWrapped(narrow: CliResult, piped: CliResult, columns: number): void {
  expect(narrow.code).toBe(piped.code);
  expect(tooWide(narrow.stderr, columns)).toEqual([]);
  expect(narrow.stderr.split('\n').length).toBeGreaterThan(piped.stderr.split('\n').length);
  expect(words(narrow.stderr)).toEqual(words(piped.stderr));
}

describe('the retake refusal', () => {
  it('names "qualify practice <bank>" and the exact time the retake opens, exit 3', async () => {
    const key = await failedOnce();
    const piped = await exam(key, LATER);
    expect(piped.code).toBe(3);
    // Piped, the message keeps its lines, as scripts and logs had them.
    expect(piped.stderr).toBe(
      'You cannot retake "Search Result Evaluation — Qualification Practice" yet: after 1 failed attempt ' +
        'the waiting period runs until Mon, 2 Nov 2026, 09:00 UTC.\n' +
        'Until then, re-read the sections in your last report ("qualify report"), or practise, which never counts:\n' +
        `  qualify practice ${BANK}\n`,
    );
    expect(piped.stderr).not.toContain('--practice');
  });

  it('at 60 and 100 columns (COLUMNS) is wrapped at word boundaries, the command on a line of its own', async () => {
    const key = await failedOnce();
    const piped = await exam(key, LATER);
    for (const columns of [60, 100]) {
      const narrow = await exam(key, LATER, { COLUMNS: String(columns) });
      expectWrapped(narrow, piped, columns);
      expect(narrow.stderr).toContain(`\n  qualify practice ${BANK}\n`);
    }
    expect((await exam(key, LATER, { COLUMNS: '60' })).stderr).toBe(
      'You cannot retake "Search Result Evaluation — Qualification\n' +
        'Practice" yet: after 1 failed attempt the waiting period\n' +
        'runs until Mon, 2 Nov 2026, 09:00 UTC.\n' +
        'Until then, re-read the sections in your last report\n' +
        '("qualify report"), or practise, which never counts:\n' +
        `  qualify practice ${BANK}\n`,
    );
  });

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

describe('starting an exam while one is open', () => {
  /** An exam left open by an answer stream that ended without a submit, at T0. */
  function openExam(): void {
    const stream = spawnCli(['exam', BANK, '--answers', '-', '--stream'], { home, now: T0, input: '' });
    expect(stream.code).toBe(2);
  }

  it('says plainly how to continue it and when it ends by itself, without the scripting flags; exit 2', async () => {
    openExam();
    const key = writeTemp(home, 'key.yaml', (await cli(['key', BANK], { home })).stdout);
    const piped = await exam(key, '2026-11-01T09:05:00.000Z');
    expect(piped.code).toBe(2);
    expect(piped.stderr).toBe(
      `error: An exam of "${BANK}" is already in progress, started Sun, 1 Nov 2026, 09:00 UTC. ` +
        'Only one exam of a bank can be open at a time.\n' +
        'To continue it:\n' +
        `  qualify exam ${BANK} --resume\n` +
        'Or leave it: its time runs out at Sun, 1 Nov 2026, 09:45 UTC, and then it is handed in as it stands ' +
        '(it counts as an attempt).\n',
    );
    expect(piped.stderr).not.toMatch(/--stream|--answers/);
    const narrow = await exam(key, '2026-11-01T09:05:00.000Z', { COLUMNS: '60' });
    expectWrapped(narrow, piped, 60);
    expect(narrow.stderr).toContain(`\n  qualify exam ${BANK} --resume\n`);
  });

  it('--resume without a terminal names the answers-file command that finishes it', async () => {
    openExam();
    const resume = await cli(['exam', BANK, '--resume'], { home, now: '2026-11-01T09:05:00.000Z' });
    expect(resume.code).toBe(2);
    expect(resume.stderr).toContain(
      'To finish it with an answers file instead, use "qualify exam <bank> --answers <file> --resume".',
    );
  });
});
