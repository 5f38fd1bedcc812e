import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { newSeed } from '../exam/draw.js';
import { clockFrom } from '../app/clock.js';
import { homeDir, type Workspace } from '../app/workspace.js';
import { stderrOf } from '../app/stderr.js';
import type { Io, IoInput } from './io.js';
import { messages } from './messages.js';

/** Options every command accepts, as typed, with where the command runs (see app/open.ts). */
export type GlobalOptions = Workspace;

/**
 * A command's options with the global ones, and the folder and home it runs with: everything
 * below reads those from here, never from `process`, so a test's in-memory Io is the whole world.
 */
export function optionsOf<T extends GlobalOptions = GlobalOptions & Record<string, unknown>>(
  command: Command,
  io: Pick<Io, 'cwd' | 'env'>,
): T {
  return { ...command.optsWithGlobals<Omit<T, 'cwd' | 'home'>>(), cwd: io.cwd, home: homeDir(io.env) } as T;
}

/** The Io a run uses: its clock (the caller's, or one built from its environment, see `clockFrom`), and an
 * `err` that wraps every message at a terminal (see app/stderr.ts). */
export function runIo(io: IoInput): Io {
  return { ...io, clock: io.clock ?? clockFrom(io.env), err: stderrOf(io) };
}

/** The --seed option: a whole number, or a fresh seed when absent (it is recorded either way). */
export function parseSeed(seed: string | undefined): number {
  if (seed === undefined) return newSeed();
  if (!/^\d+$/.test(seed) || Number(seed) > 2 ** 32 - 1) throw new UsageError(messages.badSeed(seed));
  return Number(seed);
}
