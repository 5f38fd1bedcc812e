import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../../content/diagnostic.js';
import { parseYaml } from '../../content/parse.js';
import { ContentError, UsageError } from '../../errors.js';
import { checkAttemptsFile, type AttemptsFile } from '../../share/attempts-file.js';
import { finishedAttemptCount, mergeAttempts } from '../../store/pool.js';
import { openStore, type GlobalOptions } from '../context.js';
import { displayPath, type Io } from '../io.js';
import { shareMessages as messages } from '../share-messages.js';

/**
 * `qualify merge <files...>`: pools members' exports into one database (`--db group.db`).
 * Every file is read and checked before the database is even opened, so a damaged or edited file
 * leaves it exactly as it was.
 */
export function mergeCommand(files: string[], options: GlobalOptions, io: Io): void {
  const checked: { name: string; file: AttemptsFile }[] = [];
  const problems: Diagnostic[] = [];
  for (const given of files) {
    const full = path.resolve(io.cwd, given);
    let source: string;
    try {
      source = fs.readFileSync(full, 'utf8');
    } catch (error) {
      throw new UsageError(
        messages.cannotRead(given, (error as NodeJS.ErrnoException).code ?? (error as Error).message),
      );
    }
    const { file, diagnostics } = checkAttemptsFile(parseYaml(full, source));
    if (file) checked.push({ name: displayPath(io, full), file });
    problems.push(...diagnostics);
  }
  if (problems.length)
    throw new ContentError(problems, messages.mergeRefused(new Set(problems.map((d) => d.file)).size));

  const { db, file: dbFile } = openStore(options);
  try {
    for (const { name, file } of checked) {
      const count = mergeAttempts(db, file.learners, file.attempts);
      io.out(messages.merged(name, count.added, count.duplicates));
    }
    io.out(messages.mergeTotal(displayPath(io, dbFile), finishedAttemptCount(db)));
  } finally {
    db.close();
  }
}
