import { UsageError } from '../../errors.js';
import { renderJson } from '../../report/render/json.js';
import { StudyStore } from '../../store/study.js';
import { sanitize } from '../../text/sanitize.js';
import { wrapMessage } from '../../text/wrap.js';
import { loadAllContent, openStore, type GlobalOptions } from '../context.js';
import { prepareDeck, resolveDrillTarget } from '../../attempt/drill.js';
import { runDrill } from '../../ui/drill-runner.js';
import type { Io } from '../io.js';
import { nextStepFor } from '../../attempt/study-data.js';
import { studyMessages as m } from '../../ui/study-messages.js';

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
  const { db, store } = openStore(options);
  try {
    const study = new StudyStore(db);
    const at = io.clock();
    const filter = { weak: options.weak, section: options.section, limit };
    const deck = (when: number) => prepareDeck({ study, store, content, target, filter, at: when });
    const dueCards = (when: number) => deck(when).map((d) => d.card);
    // The documented --json shape (README, "Study until you pass").
    const json = (results: unknown[], when: number) =>
      renderJson({
        target: { kind: target.kind, id: ref ?? null },
        round: results,
        due: dueCards(when).map((c) => ({
          card: c.id,
          kind: c.kind,
          bank: c.bankId || null,
          section: c.sectionId,
          due: new Date(c.due).toISOString(),
        })),
      });
    const round = deck(at).slice(0, limit);
    if (!io.terminal) {
      io.out(json([], at));
      return;
    }
    if (round.length === 0) {
      const upcoming = study
        .cards()
        .map((c) => c.due)
        .sort((a, b) => a - b)[0];
      if (options.json) io.out(json([], at));
      else io.out(wrapMessage(m.nothingDue(upcoming), io.terminal.size().columns - 1));
      return;
    }
    // In the terminal: messages wrap at word boundaries to the window, not mid-word at its edge.
    const say = (text: string) => io.out(wrapMessage(text, io.terminal!.size().columns - 1));
    const { clock } = io;
    const results = await runDrill({ round, content, study, title: target.title, terminal: io.terminal, clock });
    if (options.json) {
      io.out(json(results, clock()));
      return;
    }
    const stillDue = dueCards(clock()).length;
    say(m.drillSummary(results.length, results.filter((r) => r.correct).length, stillDue));
    if (target.kind === 'bank') {
      const step = nextStepFor({ db, store, content }, target.banks[0]!, clock());
      say(`${sanitize(m.nextStep(step.text, step.command))}\n`);
    }
  } finally {
    db.close();
  }
}
