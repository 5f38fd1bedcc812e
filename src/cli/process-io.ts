import { guardOutput } from '../text/sanitize.js';
import { processTerminal } from '../ui/terminal.js';
import { colorEnabled } from '../text/theme.js';
import type { Io } from './io.js';

/** The real process's streams and environment. */
export function processIo(): Io {
  return {
    out: (text) => void process.stdout.write(guardOutput(text, colorEnabled(process.stdout))),
    err: (text) => void process.stderr.write(guardOutput(text, colorEnabled(process.stderr))),
    env: process.env,
    color: colorEnabled(process.stdout),
    colorErr: colorEnabled(process.stderr),
    width: process.stdout.columns || 80,
    cwd: process.cwd(),
    terminal: processTerminal(colorEnabled(process.stdout)),
  };
}
