import { UsageError } from '../../errors.js';
import { StudyStore } from '../../store/study.js';
import { wrapMessage } from '../../text/wrap.js';
import { nextDue, prepareDeck, resolveDrillTarget } from '../../attempt/drill.js';
import { nextStepFor } from '../../attempt/study-data.js';
import { drillEndText, drillJson, runDrill } from '../../ui/drill-runner.js';
import { studyMessages as m } from '../../ui/study-messages.js';
import { loadAllContent, withStore } from '../../workspace/open.js';
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
  const limit = parseLimit(options.limit);
  const content = loadAllContent(options);
  const target = resolveDrillTarget(content, ref);
  if (!io.terminal && !options.json) throw new UsageError(m.drillNeedsTerminal);
  await withStore(options, async ({ db, store }) => {
    const study = new StudyStore(db);
    const filter = { weak: options.weak, section: options.section, limit };
    const deck = (at: number) => prepareDeck({ study, store, content, target, filter, at });
    const json = (results: unknown[], at: number) => drillJson(target, ref, results, deck(at));
    const { terminal, clock } = io;
    const at = clock();
    const round = deck(at).slice(0, limit);
    if (!terminal) return io.out(json([], at));
    // In the terminal: messages wrap at word boundaries to the window, not mid-word at its edge.
    const width = () => terminal.size().columns - 1;
    if (round.length === 0)
      return io.out(options.json ? json([], at) : wrapMessage(m.nothingDue(nextDue(study)), width()));
    const results = await runDrill({ round, content, study, title: target.title, terminal, clock });
    if (options.json) return io.out(json(results, clock()));
    const stillDue = deck(clock()).length;
    const step = target.kind === 'bank' ? nextStepFor({ db, store, content }, target.banks[0]!, clock()) : undefined;
    io.out(drillEndText(results, stillDue, step, width()));
  });
}
