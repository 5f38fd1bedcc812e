import { UsageError } from '../../errors.js';
import { buildAttemptsFile } from '../../share/attempts-file.js';
import { attemptsForExport, setDisplayName } from '../../store/pool.js';
import { appMessages } from '../../app/messages.js';
import { loadAllContent, withStore } from '../../app/open.js';
import type { GlobalOptions } from '../context.js';
import type { Io } from '../io.js';
import { writeOutput } from '../output-file.js';
import { shareMessages } from '../../share/messages.js';
import { messages } from '../messages.js';

export interface ExportOptions extends GlobalOptions {
  bank?: string;
  out?: string;
  /** A display name to remember and share; `false` (--no-name) forgets it. */
  name?: string | false;
}

/** `qualify export`: finished attempts with their answers, as a versioned attempts file for a study group. */
export function exportCommand(options: ExportOptions, io: Io): void {
  if (
    typeof options.name === 'string' &&
    (options.name.trim() === '' || options.name.length > 80 || /[\u0000-\u001f\u007f]/.test(options.name))
  ) {
    throw new UsageError(messages.badName);
  }
  if (options.bank !== undefined) {
    const content = loadAllContent(options);
    if (!content.banks.has(options.bank))
      throw new UsageError(appMessages.unknownBank(options.bank, [...content.banks.keys()]));
  }
  withStore(options, ({ db }) => {
    if (options.name === false) setDisplayName(db, null);
    else if (options.name !== undefined) setDisplayName(db, options.name.trim());
    const { learners, attempts } = attemptsForExport(db, options.bank);
    const file = buildAttemptsFile(learners, attempts, io.clock());
    writeOutput(`${JSON.stringify(file, null, 2)}\n`, options.out, io, (where) =>
      shareMessages.exported(attempts.length, where),
    );
  });
}
