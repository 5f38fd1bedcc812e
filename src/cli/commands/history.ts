import { UsageError } from '../../errors.js';
import type { ContentSet } from '../../content/loaded.js';
import { renderJson } from '../../report/render/json.js';
import { sanitize } from '../../text/sanitize.js';
import { formatWhen, makeTheme } from '../../text/theme.js';
import { wrapLines } from '../../text/wrap.js';
import stringWidth from 'string-width';
import { retakeDecision, settleOpenPractice } from '../../attempt/lifecycle.js';
import type { AttemptStore } from '../../store/attempts.js';
import { globalArgs, openStore, selectAllContent, type GlobalOptions } from '../context.js';
import type { Io } from '../io.js';
import { messages } from '../messages.js';
import { analyse } from '../../study/analytics.js';
import { analyticsText } from '../../ui/analytics-view.js';
import { attemptRecords, outcomesFor } from '../../attempt/study-data.js';

// Dates such as "Sun, 12 Jan 2031, 10:00 UTC" vary in length; pad them so the columns line up.
const WHEN_WIDTH = 28;

export interface HistoryOptions extends GlobalOptions {
  json?: boolean;
}

type RetakeStatus = {
  status: 'available' | 'waiting' | 'locked-out' | 'clock-rollback' | 'unknown-bank';
  availableAt: string | null;
};

function retakeStatus(content: ContentSet, store: AttemptStore, bankId: string, at: number): RetakeStatus {
  const resolved = content.banks.get(bankId);
  if (!resolved) return { status: 'unknown-bank', availableAt: null };
  const decision = retakeDecision({ store, resolved, clock: () => at });
  switch (decision.kind) {
    case 'allowed':
      return { status: 'available', availableAt: null };
    case 'wait':
      return { status: 'waiting', availableAt: new Date(decision.until).toISOString() };
    case 'locked-out':
      return {
        status: 'locked-out',
        availableAt: decision.until === undefined ? null : new Date(decision.until).toISOString(),
      };
    case 'clock-rollback':
      return { status: 'clock-rollback', availableAt: null };
  }
}

/** `qualify history [bank]`: past attempts with score and pass/fail, and whether each bank can be retaken. */
export function historyCommand(bankId: string | undefined, options: HistoryOptions, io: Io): void {
  const selection = selectAllContent(options);
  const { db, store } = openStore(options, 'read');
  try {
    const at = io.clock();
    // Only the banks attempted are read: the others have no history, retake status or analytics.
    const content = selection.load(bankId !== undefined ? [bankId] : store.list().map((a) => a.bankId));
    // Practice rounds that can no longer be resumed are closed, not listed as in progress forever.
    for (const resolved of content.banks.values()) settleOpenPractice({ store, resolved, clock: () => at });
    const attempts = store.list(bankId);
    if (bankId !== undefined && attempts.length === 0 && !selection.bank(bankId)) {
      throw new UsageError(
        messages.unknownBank(
          bankId,
          selection.banks.map((b) => b.id),
        ),
      );
    }
    const bankIds = [...new Set(attempts.map((a) => a.bankId))];
    const retake = Object.fromEntries(bankIds.map((id) => [id, retakeStatus(content, store, id, at)]));
    const records = attemptRecords(store, bankId);
    const analytics = analyse(records, outcomesFor(content, records));
    if (options.json) {
      io.out(
        renderJson({
          attempts: attempts.map((a) => ({
            attemptId: a.id,
            bank: a.bankId,
            mode: a.mode,
            status: a.status,
            seed: a.seed,
            startedAt: new Date(a.startedAt).toISOString(),
            endedAt: a.endedAt === undefined ? null : new Date(a.endedAt).toISOString(),
            score: a.score ?? null,
            maxScore: a.maxScore ?? null,
            percent: a.percent ?? null,
            passed: a.passed ?? null,
          })),
          retake,
          analytics,
        }),
      );
      return;
    }
    if (attempts.length === 0) {
      io.out(bankId ? `No attempts at "${bankId}" yet.\n` : 'No attempts yet.\n');
      return;
    }
    const c = makeTheme(io.color);
    // Lines fit the window (or COLUMNS when piped): prose wraps at word boundaries, a row too wide
    // for its result puts the result on its own indented line.
    const width = Math.max(20, io.width);
    const say = (line: string, hang: number) => io.out(`${wrapLines(line, width, { hang }).join('\n')}\n`);
    for (const id of bankIds) {
      const rows = attempts.filter((a) => a.bankId === id);
      say(`${c.bold(sanitize(rows[0]!.bankTitle))} ${c.dim(`(${id})`)}`, 2);
      for (const a of rows) {
        const result =
          a.status === 'in_progress'
            ? a.deadlineAt !== undefined && a.deadlineAt <= at
              ? c.yellow(messages.expiredInProgress(a.mode))
              : c.yellow('in progress')
            : a.passed
              ? c.green(`passed ${a.percent}%`)
              : c.red(`not passed ${a.percent ?? 0}%`);
        const ending =
          a.status === 'expired' ? c.dim(' (time ran out)') : a.status === 'abandoned' ? c.dim(' (abandoned)') : '';
        const outcome = `${result}${ending}`;
        const row = `  #${String(a.id).padEnd(4)} ${formatWhen(a.startedAt).padEnd(WHEN_WIDTH)}  ${a.mode.padEnd(8)}`;
        if (stringWidth(`${row}  ${outcome}`) <= width) io.out(`${row}  ${outcome}\n`);
        else {
          say(row.trimEnd(), 8);
          say(`        ${outcome}`, 8);
        }
        // Resumable: say how, on a line of its own so the row keeps its width.
        if (a.status === 'in_progress' && (a.deadlineAt === undefined || a.deadlineAt > at))
          say(c.dim(`        continue with: qualify${globalArgs(options)} ${a.mode} ${id} --resume`), 8);
      }
      const r = retake[id]!;
      const line =
        r.status === 'available'
          ? c.green('Next exam attempt: available now')
          : r.status === 'waiting'
            ? c.yellow(`Next exam attempt: ${formatWhen(r.availableAt!)}`)
            : r.status === 'locked-out'
              ? c.red(
                  r.availableAt
                    ? `Locked out until ${formatWhen(r.availableAt)}`
                    : 'Locked out for good (practice is still open)',
                )
              : r.status === 'clock-rollback'
                ? c.red('The system clock is earlier than the last attempt; fix it to continue')
                : c.dim('This bank is no longer installed');
      say(`  ${line}`, 4);
      io.out('\n');
    }
    const study = analyticsText(analytics, { color: io.color, trends: true });
    if (study) io.out(`${wrapLines(study.trimEnd(), width, { hang: 4 }).join('\n')}\n\n`);
  } finally {
    db.close();
  }
}
