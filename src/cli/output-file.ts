import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { displayPath, type Io } from './io.js';
import { messages } from './messages.js';

/**
 * Writes a command's output to `--out` (telling the user where it went on stderr), or to stdout.
 * The file is written beside its final name and renamed, so a reader never sees half a page.
 */
export function writeOutput(
  text: string,
  out: string | undefined,
  io: Io,
  wrote: (file: string) => string = messages.wrote,
): void {
  if (out === undefined) {
    io.out(text);
    return;
  }
  const file = path.resolve(io.cwd, out);
  const partial = `${file}.${process.pid}.partial`;
  try {
    fs.writeFileSync(partial, text);
    fs.renameSync(partial, file);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw new UsageError(messages.cannotWrite(out, (error as NodeJS.ErrnoException).code ?? (error as Error).message));
  }
  io.err(wrote(displayPath(io, file)));
}
