import { shareMessages as messages } from '../../share/messages.js';
import { readAttemptsFiles } from '../../share/read-files.js';
import { finishedAttemptCount, mergeAttempts } from '../../store/pool.js';
import { withStore } from '../../app/open.js';
import type { GlobalOptions } from '../context.js';
import { displayPath, type Io } from '../io.js';

/**
 * `qualify merge <files...>`: pools members' exports into one database (`--db group.db`).
 * Every file is read and checked before the database is even opened, so a damaged or edited file
 * leaves it exactly as it was.
 */
export function mergeCommand(files: string[], options: GlobalOptions, io: Io): void {
  const checked = readAttemptsFiles(files, io.cwd, (file) => displayPath(io, file));
  withStore(options, ({ db, file: dbFile }) => {
    for (const { name, file } of checked) {
      const count = mergeAttempts(db, file.learners, file.attempts);
      io.out(messages.merged(name, count.added, count.duplicates));
    }
    io.out(messages.mergeTotal(displayPath(io, dbFile), finishedAttemptCount(db)));
  });
}
