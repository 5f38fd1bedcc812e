/** Where a command writes; tests pass their own. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
  /** Colour for stdout (already decided from TTY, NO_COLOR and FORCE_COLOR). */
  color: boolean;
  colorErr: boolean;
  width: number;
  /** Stderr's window when stderr is a terminal: messages there are wrapped to it (see app/stderr.ts). */
  errColumns?: number;
  cwd: string;
  /** The interactive terminal, only when stdin and stdout are both terminals (see ui/terminal.ts). */
  terminal?: Terminal;
  /** The one clock every command reads (see `clockFrom`); commands never read the time elsewhere. */
  clock: Clock;
}

/** An Io as a caller of `run` gives it: without a clock, `run` builds one from `env` (QUALIFY_NOW). */
export type IoInput = Omit<Io, 'clock'> & { clock?: Clock };

import path from 'node:path';
import type { Clock } from '../attempt/lifecycle.js';
import type { Terminal } from '../ui/terminal.js';

/** A path as the user would like to read it: relative when inside the current folder. */
export function displayPath(io: Pick<Io, 'cwd'>, file: string): string {
  // Standard input has a name, not a path (see cli/input.ts).
  if (!path.isAbsolute(file)) return file;
  const relative = path.relative(io.cwd, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}
