import fs from 'node:fs';
import { UsageError } from '../../errors.js';
import { computeItemStats } from '../../stats/item-stats.js';
import { statsMessages } from '../../stats/messages.js';
import {
  renderStatsHtml,
  renderStatsJson,
  renderStatsMarkdown,
  renderStatsText,
  type StatsHeader,
} from '../../stats/render.js';
import { pooledAttempts } from '../../store/pool.js';
import { STATS_FORMATS } from '../choices.js';
import { databaseFile, findBank, openStore, type GlobalOptions } from '../context.js';
import type { Io } from '../io.js';
import { messages } from '../messages.js';
import { writeOutput } from '../output-file.js';
import { shareMessages } from '../share-messages.js';

export interface StatsOptions extends GlobalOptions {
  format: string;
  out?: string;
}

/** `qualify stats <bank>`: item statistics of a bank from the attempts in the database (a group's, after merge). */
export function statsCommand(bankRef: string, options: StatsOptions, io: Io): void {
  if (!(STATS_FORMATS as readonly string[]).includes(options.format))
    throw new UsageError(messages.badFormat(options.format, [...STATS_FORMATS]));
  const { resolved } = findBank(options, bankRef, (p) => fs.existsSync(p));
  // Reading statistics never creates a database: a mistyped --db would only show an empty one.
  if (options.db !== undefined && !fs.existsSync(databaseFile(options)))
    throw new UsageError(shareMessages.noSuchDb(options.db));
  const { db } = openStore(options);
  try {
    const { attempts, learners } = pooledAttempts(db, resolved.bank.id);
    if (attempts.length === 0) throw new UsageError(statsMessages.noAttempts(resolved.bank.id));
    const items = computeItemStats(resolved, attempts);
    const header: StatsHeader = {
      bank: { id: resolved.bank.id, title: resolved.bank.title },
      attempts: attempts.length,
      learners,
    };
    const text =
      options.format === 'json'
        ? renderStatsJson(header, items)
        : options.format === 'md'
          ? renderStatsMarkdown(header, items)
          : options.format === 'html'
            ? renderStatsHtml(header, items)
            : renderStatsText(header, items, {
                color: io.color && options.out === undefined,
                width: options.out === undefined ? io.width : undefined,
              });
    writeOutput(text, options.out, io);
  } finally {
    db.close();
  }
}
