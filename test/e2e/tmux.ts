import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach } from 'vitest';
import { builtBin, ROOT, tempHome } from '../cli/run-cli.js';

let counter = 0;

/**
 * The built CLI in a real terminal: a private tmux server (its own socket), a fixed window
 * size, its own QUALIFY_HOME. Tests type with `send` and read the screen with `waitFor`.
 */
export class TmuxTerminal {
  readonly socket = `qualify-e2e-${process.pid}-${++counter}`;
  readonly home: string;

  constructor(home?: string) {
    this.home = home ?? tempHome();
  }

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
  }

  /**
   * Starts `qualify <args>` in a window of `size` (default 100x34); when it exits, the pane stays
   * open showing "[exited N]".
   */
  start(
    args: string[],
    env: Record<string, string> = {},
    size: { columns: number; rows: number } = { columns: 100, rows: 34 },
  ): void {
    const vars = { QUALIFY_HOME: this.home, NO_COLOR: '1', TERM: 'xterm-256color', ...env };
    const assignments = Object.entries(vars)
      .map(([k, v]) => `${k}='${v}'`)
      .join(' ');
    const qualify = [process.execPath, builtBin(), ...args].map((a) => `'${a}'`).join(' ');
    const run = `env -u FORCE_COLOR -u QUALIFY_NOW ${assignments} ${qualify}`;
    const command = `cd '${ROOT}' && ${run}; echo "[exited $?]"; sleep 600`;
    this.tmux('new-session', '-d', '-x', String(size.columns), '-y', String(size.rows), 'bash', '-c', command);
  }

  send(...keys: string[]): void {
    this.tmux('send-keys', ...keys);
  }

  type(text: string): void {
    this.tmux('send-keys', '-l', text);
  }

  /** Resizes the window, as when the user drags its corner. */
  resize(columns: number, rows: number): void {
    this.tmux('resize-window', '-x', String(columns), '-y', String(rows));
  }

  /** The scrollback and the screen, oldest line first. */
  history(): string {
    return this.tmux('capture-pane', '-p', '-S', '-');
  }

  screen(options: { escapes?: boolean } = {}): string {
    return this.tmux('capture-pane', '-p', ...(options.escapes ? ['-e'] : []));
  }

  /** Polls the screen until it shows `wanted`; fails with the last screen after a generous deadline. */
  async waitFor(wanted: string | RegExp, timeoutMs = 20_000): Promise<string> {
    const until = Date.now() + timeoutMs;
    let last = '';
    while (Date.now() < until) {
      last = this.screen();
      if (typeof wanted === 'string' ? last.includes(wanted) : wanted.test(last)) return last;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`the screen never showed ${String(wanted)}; it shows:\n${last}`);
  }

  /** Stops the tmux server (and with it the CLI) and removes the home folder. */
  kill(options: { keepHome?: boolean } = {}): void {
    try {
      this.tmux('kill-server');
    } catch {
      // Already gone.
    }
    // The CLI may still be ending (writing its cache as it exits) when the server is gone: a file
    // it adds while the folder is being removed is removed on a retry.
    if (!options.keepHome) fs.rmSync(this.home, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  }
}

/** The attempts in a home folder's database, with how many answers each has saved. */
export function attempts(home: string): { status: string; answered: number; mode: string }[] {
  const db = new Database(path.join(home, 'qualify.db'), { readonly: true });
  try {
    return db
      .prepare(
        'SELECT status, mode, (SELECT COUNT(*) FROM answers WHERE attempt_id = attempts.id) AS answered ' +
          'FROM attempts ORDER BY id',
      )
      .all() as never;
  } finally {
    db.close();
  }
}

/** The screen without its status line, whose countdown changes every second. */
export const steady = (screen: string) =>
  screen
    .split('\n')
    .filter((line) => !/ left|this question/.test(line))
    .join('\n');

export async function nextScreen(t: TmuxTerminal, before: string): Promise<string> {
  const until = Date.now() + 30_000;
  let last = '';
  let sameSince = 0;
  while (Date.now() < until) {
    const now = t.screen();
    // A screen counts once it differs from the one before, shows its key hints, and has stopped
    // changing for a moment (a busy machine may draw it in pieces).
    if (steady(now) !== steady(before) && /Enter|exited/.test(now)) {
      if (steady(now) !== steady(last)) sameSince = Date.now();
      else if (Date.now() - sameSince >= 150) return now;
    }
    last = now;
    await new Promise((resolve) => setTimeout(resolve, 40));
  }
  throw new Error(`the screen did not change from:\n${before}\nit shows:\n${last}`);
}

/**
 * A maker of terminals for one test file: every terminal it made is closed after each test, so
 * a failing test never leaves a tmux session behind for the next.
 */
export function terminalsClosedAfterEach(): (home?: string) => TmuxTerminal {
  const open: TmuxTerminal[] = [];
  afterEach(() => {
    while (open.length) open.pop()!.kill();
  });
  return (home) => {
    const t = new TmuxTerminal(home);
    open.push(t);
    return t;
  };
}
