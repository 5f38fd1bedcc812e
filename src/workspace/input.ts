import path from 'node:path';
import { readContentBytes } from '../content/read.js';

/** What a user types for "read standard input" in place of a file name, as in most Unix tools. */
export const STDIN_ARGUMENT = '-';

/** How standard input is named in diagnostics (`<stdin>:3:5 ...`). */
export const STDIN_NAME = '<stdin>';

/**
 * The bytes of a file named on the command line, or of standard input for `-`, with the name
 * diagnostics should show. Like every content file, it is refused past the size limit before it
 * is read. Errors are the caller's to word (each command has its message).
 */
export function readInputBytes(given: string, cwd: string): { bytes: Buffer; file: string } {
  if (given === STDIN_ARGUMENT) return { bytes: readContentBytes(0), file: STDIN_NAME };
  const file = path.resolve(cwd, given);
  return { bytes: readContentBytes(file), file };
}
