import type { ResolvedBank } from '../../content/types.js';
import type { AttemptStore } from '../../store/attempts.js';
import { uiMessages } from '../../ui/messages.js';
import { runHome } from '../../ui/home-screen.js';
import type { Terminal } from '../../ui/terminal.js';
import { retakeDecision } from '../../attempt/lifecycle.js';
import { loadAllContent, openStore, type GlobalOptions } from '../context.js';
import { runAttempt } from '../interactive.js';
import type { Io } from '../io.js';
import { nextStepFor } from '../../attempt/study-data.js';
import { historyCommand } from './history.js';

/** One bank's line on the home screen: best score, passed, and when the exam is open. */
export function bankStatus(store: AttemptStore, resolved: ResolvedBank, at: number): string {
  const s = uiMessages.bankStatus;
  const attempts = store.list(resolved.bank.id).filter((a) => a.mode === 'exam');
  // When the exam can be taken comes first: on a narrow screen the end of the cell is cut.
  const parts: string[] = [];
  const finished = attempts.filter((a) => a.status !== 'in_progress' && a.percent !== undefined);
  if (attempts.some((a) => a.status === 'in_progress')) parts.push(s.inProgress);
  else {
    const decision = retakeDecision({ store, resolved, clock: () => at });
    if (decision.kind === 'wait') parts.push(s.waitUntil(decision.until - at));
    else if (decision.kind === 'locked-out') parts.push(s.locked(decision.until, at));
    else if (finished.length) parts.push(s.available);
  }
  if (finished.length === 0) parts.push(s.neverTried);
  else parts.push(s.best(Math.max(...finished.map((a) => a.percent!))));
  if (finished.some((a) => a.passed)) parts.push(s.passed);
  if (store.inProgress(resolved.bank.id, 'practice')) parts.push(s.practiceInProgress);
  return parts.join(' · ');
}

/**
 * `qualify` with no arguments in a terminal: the home screen (see ui/home-screen.ts), with the
 * banks' status read from the database each time it is shown.
 */
export async function homeCommand(options: GlobalOptions, io: Io, terminal: Terminal): Promise<void> {
  const content = loadAllContent(options);
  const banks = [...content.banks.values()].sort((a, b) => a.bank.id.localeCompare(b.bank.id));
  await runHome(
    banks,
    {
      statuses: (shown) => {
        const { db, store } = openStore(options, 'read');
        try {
          return new Map(shown.map((b) => [b.bank.id, bankStatus(store, b, io.clock())]));
        } finally {
          db.close();
        }
      },
      // The next step for the bank worked on last (the first bank when none was tried yet).
      nextStep: () => {
        const { db, store } = openStore(options);
        try {
          const last = store
            .list()
            .filter((a) => a.status !== 'in_progress')
            .pop();
          const resolved = (last && content.banks.get(last.bankId)) ?? banks[0];
          return resolved && nextStepFor({ db, store, content }, resolved, io.clock());
        } finally {
          db.close();
        }
      },
      runAttempt: (resolved, mode, resume) => runAttempt(resolved, { ...options, mode, resume }, io, terminal),
      historyText: (resolved, color) => {
        let text = '';
        historyCommand(resolved.bank.id, options, { ...io, color, out: (s) => void (text += s) });
        return text;
      },
    },
    terminal,
  );
}
