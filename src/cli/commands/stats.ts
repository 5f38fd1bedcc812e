import fs from 'node:fs';
import { UsageError } from '../../errors.js';
import { computeItemStats } from '../../stats/item-stats.js';
import { statsMessages } from '../../stats/messages.js';
import { renderStats } from '../../stats/render.js';
import { pooledAttempts } from '../../store/pool.js';
import { databaseFile, findBank, withStore } from '../../app/open.js';
import { STATS_FORMATS } from '../choices.js';
import type { GlobalOptions } from '../context.js';
import type { Io } from '../io.js';
import { messages } from '../messages.js';
import { writeOutput } from '../output-file.js';
import { shareMessages } from '../../share/messages.js';

export interface StatsOptions extends GlobalOptions {
  format: string;
  out?: string;
}

/** `qualify stats <bank>`: item statistics of a bank from the attempts in the database (a group's, after merge). */
export function statsCommand(bankRef: string, options: StatsOptions, io: Io): void {
  if (!(STATS_FORMATS as readonly string[]).includes(options.format))
    throw new UsageError(messages.badFormat(options.format, [...STATS_FORMATS]));
  const { resolved } = findBank(options, bankRef);
  const { id, title } = resolved.bank;
  // Reading statistics never creates a database: a mistyped --db would only show an empty one.
  if (options.db !== undefined && !fs.existsSync(databaseFile(options)))
    throw new UsageError(shareMessages.noSuchDb(options.db));
  withStore(options, ({ db }) => {
    const { attempts, learners } = pooledAttempts(db, id);
    if (attempts.length === 0) throw new UsageError(statsMessages.noAttempts(id));
    const header = { bank: { id, title }, attempts: attempts.length, learners };
    const toTerminal = options.out === undefined;
    const text = { color: io.color && toTerminal, width: toTerminal ? io.width : undefined };
    writeOutput(renderStats(options.format, header, computeItemStats(resolved, attempts), text), options.out, io);
  });
}
