import { historyPage } from '../../app/history.js';
import type { GlobalOptions } from '../context.js';
import type { Io } from '../io.js';

export interface HistoryOptions extends GlobalOptions {
  json?: boolean;
}

/** `qualify history [bank]`: past attempts with score and pass/fail, and whether each bank can be retaken. */
export function historyCommand(bankId: string | undefined, options: HistoryOptions, io: Io): void {
  io.out(historyPage(options, bankId, io, options.json));
}
