import { UsageError } from '../../errors.js';
import { historyOf } from '../../attempt/history.js';
import { historyJson, historyText } from '../../ui/history-view.js';
import { openStore, selectAllContent } from '../../workspace/open.js';
import { workspaceMessages } from '../../workspace/messages.js';
import { resumeCommand, type GlobalOptions } from '../context.js';
import type { Io } from '../io.js';

export interface HistoryOptions extends GlobalOptions {
  json?: boolean;
}

/** `qualify history [bank]`: past attempts with score and pass/fail, and whether each bank can be retaken. */
export function historyCommand(bankId: string | undefined, options: HistoryOptions, io: Io): void {
  const selection = selectAllContent(options);
  const { db, store } = openStore(options, 'read');
  try {
    const at = io.clock();
    // Only the banks attempted are read: the others have no history, retake status or analytics.
    const content = selection.load(bankId !== undefined ? [bankId] : store.list().map((a) => a.bankId));
    const history = historyOf(store, content, bankId, at);
    if (bankId !== undefined && history.attempts.length === 0 && !selection.bank(bankId)) {
      const known = selection.banks.map((b) => b.id);
      throw new UsageError(workspaceMessages.unknownBank(bankId, known));
    }
    const view = { color: io.color, width: io.width, at, resumeCommand: resumeCommand.bind(null, options) };
    io.out(options.json ? historyJson(history) : historyText(history, bankId, view));
  } finally {
    db.close();
  }
}
