import { guardOutput } from '../text/sanitize.js';
import { processTerminal } from '../ui/terminal.js';
import { colorEnabled } from '../text/theme.js';
import { clockFrom } from '../app/clock.js';
import type { Io } from './io.js';

/** The real process's streams and environment. */
export function processIo(): Io {
  return {
    out: (text) => void process.stdout.write(guardOutput(text, colorEnabled(process.stdout))),
    err: (text) => void process.stderr.write(guardOutput(text, colorEnabled(process.stderr))),
    env: process.env,
    color: colorEnabled(process.stdout),
    colorErr: colorEnabled(process.stderr),
    // Piped, the width of the terminal the user sits at, when the shell says it (COLUMNS).
    width: process.stdout.columns || Number(process.env.COLUMNS) || 80,
    errColumns: process.stderr.isTTY ? process.stderr.columns : undefined,
    cwd: process.cwd(),
    terminal: processTerminal(colorEnabled(process.stdout)),
    clock: clockFrom(process.env),
  };
}
