import path from 'node:path';
import { readContentBytes } from '../content/read.js';
import { UsageError } from '../errors.js';

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

/** As readInputBytes, stopping the command (exit 2) with `refusal(why)` when the file cannot be read. */
export function readNamedInput(given: string, cwd: string, refusal: (why: string) => string) {
  try {
    return readInputBytes(given, cwd);
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new UsageError(refusal(why));
  }
}
