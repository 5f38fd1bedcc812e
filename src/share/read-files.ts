import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../content/diagnostic.js';
import { parseYaml } from '../content/parse.js';
import { ContentError, UsageError } from '../errors.js';
import { checkAttemptsFile, type AttemptsFile } from './attempts-file.js';
import { shareMessages as messages } from './messages.js';

/**
 * Reads and checks every attempts file named (relative to `cwd`) before anything is merged: a
 * file that cannot be read, or any problem in any file, stops the merge with nothing written.
 * Each file comes back with its name as `shown` gives it.
 */
export function readAttemptsFiles(
  given: readonly string[],
  cwd: string,
  shown: (file: string) => string,
): { name: string; file: AttemptsFile }[] {
  const checked: { name: string; file: AttemptsFile }[] = [];
  const problems: Diagnostic[] = [];
  for (const name of given) {
    const full = path.resolve(cwd, name);
    let source: string;
    try {
      source = fs.readFileSync(full, 'utf8');
    } catch (error) {
      throw new UsageError(
        messages.cannotRead(name, (error as NodeJS.ErrnoException).code ?? (error as Error).message),
      );
    }
    const { file, diagnostics } = checkAttemptsFile(parseYaml(full, source));
    if (file) checked.push({ name: shown(full), file });
    problems.push(...diagnostics);
  }
  if (problems.length)
    throw new ContentError(problems, messages.mergeRefused(new Set(problems.map((d) => d.file)).size));
  return checked;
}
