import { nextDue, prepareDeck, resolveDrillTarget, type DrillFilter } from '../attempt/drill.js';
import type { Clock } from '../attempt/lifecycle.js';
import { nextStepFor } from '../attempt/study-data.js';
import { UsageError } from '../errors.js';
import { StudyStore } from '../store/study.js';
import { wrapMessage } from '../text/wrap.js';
import { drillEndText, drillJson, runDrill } from '../ui/drill-runner.js';
import { studyMessages as m } from '../ui/study-messages.js';
import type { Terminal } from '../ui/terminal.js';
import { loadAllContent, withStore } from './open.js';
import { type Workspace } from './workspace.js';

/**
 * A drill round on a bank, a guideline or the whole deck (`ref` undefined), run in the terminal;
 * returns what to print after it: its results as JSON with `json`, else a summary and the next
 * step. Without a terminal (then `json` is needed) it returns the cards due.
 */
export async function drill(
  options: Workspace,
  ref: string | undefined,
  filter: DrillFilter,
  json: boolean,
  run: { clock: Clock; terminal?: Terminal },
): Promise<string> {
  const content = loadAllContent(options);
  const target = resolveDrillTarget(content, ref);
  const { terminal, clock } = run;
  if (!terminal && !json) throw new UsageError(m.drillNeedsTerminal);
  return withStore(options, async ({ db, store }) => {
    const study = new StudyStore(db);
    const deck = (at: number) => prepareDeck({ study, store, content, target, filter, at });
    const asJson = (results: unknown[], at: number) => drillJson(target, ref, results, deck(at));
    const at = clock();
    const round = deck(at).slice(0, filter.limit);
    if (!terminal) return asJson([], at);
    // In the terminal: messages wrap at word boundaries to the window, not mid-word at its edge.
    const width = () => terminal.size().columns - 1;
    if (round.length === 0) return json ? asJson([], at) : wrapMessage(m.nothingDue(nextDue(study)), width());
    const results = await runDrill({ round, content, study, title: target.title, terminal, clock });
    if (json) return asJson(results, clock());
    const stillDue = deck(clock()).length;
    const step = target.kind === 'bank' ? nextStepFor({ db, store, content }, target.banks[0]!, clock()) : undefined;
    return drillEndText(results, stillDue, step, width());
  });
}
