import { bankStatus, runHome } from '../../ui/home-screen.js';
import type { Terminal } from '../../ui/terminal.js';
import { latestNextStep } from '../../attempt/study-data.js';
import { loadAllContent, withStore } from '../../workspace/open.js';
import type { GlobalOptions } from '../context.js';
import { runAttempt } from '../interactive.js';
import type { Io } from '../io.js';
import { historyCommand } from './history.js';

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
      statuses: (shown) =>
        withStore(
          options,
          ({ store }) => new Map(shown.map((b) => [b.bank.id, bankStatus(store, b, io.clock())])),
          'read',
        ),
      nextStep: () => withStore(options, ({ db, store }) => latestNextStep({ db, store, content }, banks, io.clock())),
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
