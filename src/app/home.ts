import type { Clock } from '../attempt/lifecycle.js';
import { latestNextStep } from '../attempt/study-data.js';
import { newSeed } from '../exam/draw.js';
import { StudyStore } from '../store/study.js';
import { guidelineRecords, runReader } from '../ui/guideline-reader.js';
import { bankStatus, runHome } from '../ui/home-screen.js';
import type { Terminal } from '../ui/terminal.js';
import { historyPage } from './history.js';
import { loadAllContent, withStore } from './open.js';
import { compareText } from '../text/collation.js';
import { type Workspace } from './workspace.js';
import { runAttempt } from './run-attempt.js';

/**
 * The home screen (see ui/home-screen.ts) on the workspace's banks, with their status read from
 * the database each time it is shown. Returns when the learner quits.
 */
export async function runHomeScreen(
  options: Workspace,
  run: { clock: Clock; width: number; out: (text: string) => void },
  terminal: Terminal,
): Promise<void> {
  const content = loadAllContent(options);
  const banks = [...content.banks.values()].sort((a, b) => compareText(a.bank.id, b.bank.id));
  const { clock } = run;
  await runHome(
    banks,
    {
      statuses: (shown) =>
        withStore(
          options,
          ({ store }) => new Map(shown.map((b) => [b.bank.id, bankStatus(store, b, clock())])),
          'read',
        ),
      // The next step for the bank worked on last (the first bank when none was tried yet).
      nextStep: () => withStore(options, ({ db, store }) => latestNextStep({ db, store, content }, banks, clock())),
      runAttempt: (resolved, mode, resume) =>
        runAttempt(resolved, { ...options, mode, resume, seed: newSeed }, run, terminal),
      historyText: (resolved, color) => historyPage(options, resolved.bank.id, { ...run, color }),
      readGuideline: (resolved) =>
        withStore(options, async ({ db, store }) => {
          const { guideline } = resolved;
          const records = guidelineRecords(store, content, guideline);
          await runReader({ guideline, startAt: undefined, records, study: new StudyStore(db), terminal, clock });
        }),
    },
    terminal,
  );
}
