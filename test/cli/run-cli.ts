import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { clockFrom } from '../../src/app/clock.js';
import { reportError } from '../../src/cli/handle-error.js';
import type { Io } from '../../src/cli/io.js';
import { run } from '../../src/cli/main.js';
import { guardOutput } from '../../src/text/sanitize.js';
import { colorEnabled } from '../../src/text/theme.js';
import { assertBuilt } from '../built.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = path.join(ROOT, 'bin', 'qualify.js');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** QUALIFY_HOME: the attempts database and the user's own content live there. */
  home: string;
  /** QUALIFY_NOW: the time the CLI takes as now (unset: the real clock). */
  now?: string;
  /** The folder the command runs in (default: the repository). */
  cwd?: string;
  env?: Record<string, string>;
}

/**
 * The environment a test's CLI runs in: this process's, without anything of qualify's that the
 * shell running the tests may have set, plus the test's own home folder, time and variables. No
 * colour, as in a pipe to a file.
 */
function cliEnv(options: CliOptions): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env))
    // COLUMNS too: a shell that exports it would make piped output wrap as at a terminal.
    if (value !== undefined && !name.startsWith('QUALIFY_') && name !== 'FORCE_COLOR' && name !== 'COLUMNS')
      env[name] = value;
  Object.assign(env, { QUALIFY_HOME: options.home, NO_COLOR: '1' }, options.now ? { QUALIFY_NOW: options.now } : {});
  return Object.assign(env, options.env);
}

/**
 * Runs the CLI as a user would from a shell with its output piped (no terminal), but inside this
 * process: `run(argv, io)` from `src/` with an `Io` that collects what it writes, then the exit
 * code as `bin/qualify.js` sets it (0 when `run` resolves, else what the one error handler says).
 * Everything a command may read about its surroundings comes through the `Io` (environment,
 * folder, width, colour); relative paths on the command line resolve against `cwd`, as in a shell.
 * Standard input is the real process's: a test that pipes text in uses `spawnCli`.
 */
export async function cli(args: string[], options: CliOptions): Promise<CliResult> {
  const env = cliEnv(options);
  const cwd = options.cwd ?? ROOT;
  const piped = { isTTY: false };
  const color = colorEnabled(piped, env);
  const colorErr = colorEnabled(piped, env);
  let stdout = '';
  let stderr = '';
  const io: Io = {
    out: (text) => void (stdout += guardOutput(text, color)),
    err: (text) => void (stderr += guardOutput(text, colorErr)),
    env,
    clock: clockFrom(env),
    color,
    colorErr,
    // A pipe has no width of its own: the shell's COLUMNS when set, as bin does.
    width: Number(env.COLUMNS) || 80,
    cwd,
  };
  let code: number;
  const restore = enterProcessState();
  running = true;
  try {
    await run(args, io);
    code = Number(process.exitCode ?? 0);
  } catch (error) {
    code = reportError(error, io);
  } finally {
    running = false;
    restore();
  }
  return { code, stdout, stderr };
}

/** Whether a run is in progress in this process. */
let running = false;

/**
 * For the length of one run, no exit code is set from an earlier one. Everything else the CLI
 * reads about its surroundings (environment, working folder, home) comes through the `Io`, so
 * the test's env and cwd are never copied into this process. Returns the function that puts the
 * exit code back.
 */
function enterProcessState(): () => void {
  // Runs share process.exitCode: a test must await each run.
  if (running) throw new Error('cli() was called while another cli() run was in progress: await each run');
  const exitCodeBefore = process.exitCode;
  process.exitCode = undefined;
  return () => {
    process.exitCode = exitCodeBefore;
  };
}

/**
 * Runs the built CLI (`bin/qualify.js` and `dist/`) in its own process, for what only the real
 * launcher shows: text piped into standard input, exit codes and the top-level handler, a closed
 * pipe. Refuses to run a `dist/` older than `src/` (vitest's global setup builds it when needed).
 */
export function spawnCli(args: string[], options: CliOptions & { input?: string }): CliResult {
  assertBuilt();
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: cliEnv(options),
    encoding: 'utf8',
    input: options.input ?? '',
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** The launcher's path, for a test that starts it itself; refuses a `dist/` older than `src/`. */
export function builtBin(): string {
  assertBuilt();
  return BIN;
}

/**
 * A new QUALIFY_HOME. It starts with the content cache a previous run of the CLI left (filled once
 * per test run by the global setup), as a learner's home has after the first command: the content
 * is then not parsed again in every test. `{ cold: true }` gives a home as on the very first run.
 */
export function tempHome(options: { cold?: boolean } = {}): string {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'qualify-home-'));
  if (!options.cold) fs.cpSync(inject('contentCache'), path.join(home, 'cache'), { recursive: true });
  return home;
}

export function writeTemp(dir: string, name: string, text: string): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}
