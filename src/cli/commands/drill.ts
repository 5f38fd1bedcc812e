import { UsageError } from '../../errors.js';
import { drill } from '../../app/drill.js';
import { studyMessages as m } from '../../ui/study-messages.js';
import type { GlobalOptions } from '../context.js';
import type { Io } from '../io.js';

export interface DrillOptions extends GlobalOptions {
  weak?: boolean;
  section?: string;
  limit?: string;
  json?: boolean;
}

/** Cards in one round unless --limit says otherwise. */
export const DEFAULT_DRILL_LIMIT = 20;

function parseLimit(value: string | undefined): number {
  if (value === undefined) return DEFAULT_DRILL_LIMIT;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(m.badLimit(value));
  return Number(value);
}

/**
 * `qualify drill [bank|guideline]`: spaced repetition of the questions missed and the guideline's
 * terms and rules. In a terminal it runs a round; with --json it prints the round's results (or,
 * without a terminal, the cards due). Never counts toward retakes: no attempt is recorded.
 */
export async function drillCommand(ref: string | undefined, options: DrillOptions, io: Io): Promise<void> {
  const filter = { weak: options.weak, section: options.section, limit: parseLimit(options.limit) };
  io.out(await drill(options, ref, filter, Boolean(options.json), io));
}
