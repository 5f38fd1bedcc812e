import { figuresMemo } from '../attempt/figures-memo.js';
import { historyOf, type History } from '../attempt/history.js';
import type { Clock } from '../attempt/lifecycle.js';
import { UsageError } from '../errors.js';
import { historyJson, historyText } from '../ui/history-view.js';
import { appMessages } from './messages.js';
import { resumeCommand, selectAllContent, withStore } from './open.js';
import { type Workspace } from './workspace.js';

/**
 * The history of one bank (or all) in the workspace, and the instant it was read at. Only the
 * banks attempted are loaded; a bank that is neither installed nor attempted is refused.
 */
export function readHistory(options: Workspace, bankId: string | undefined, clock: Clock) {
  const selection = selectAllContent(options);
  return withStore(
    options,
    ({ store, state }): { history: History; at: number } => {
      const at = clock();
      // Only the banks attempted are read: the others have no history, retake status or analytics.
      const content = selection.load(bankId !== undefined ? [bankId] : store.list().map((a) => a.bankId));
      const history = historyOf(store, content, bankId, at, figuresMemo(content, state));
      if (bankId !== undefined && history.attempts.length === 0 && !selection.bank(bankId)) {
        const known = selection.banks.map((b) => b.id);
        throw new UsageError(appMessages.unknownBank(bankId, known));
      }
      return { history, at };
    },
    'read',
  );
}

/** The history as `qualify history` prints it: text at the run's colour and width, or JSON. */
export function historyPage(
  options: Workspace,
  bankId: string | undefined,
  run: { clock: Clock; color: boolean; width: number },
  json = false,
): string {
  const { history, at } = readHistory(options, bankId, run.clock);
  if (json) return historyJson(history);
  const view = { color: run.color, width: run.width, at, resumeCommand: resumeCommand.bind(null, options) };
  return historyText(history, bankId, view);
}
