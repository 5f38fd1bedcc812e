import { textWidth } from '../text/width.js';
import type { History } from '../attempt/history.js';
import type { AttemptMode } from '../exam/attempt-kind.js';
import { renderJson } from '../report/render/json.js';
import { sanitize } from '../text/sanitize.js';
import { formatWhen, makeTheme } from '../text/theme.js';
import { wrapLines } from '../text/wrap.js';
import { analyticsText } from './analytics-view.js';
import { printMessages as messages } from './print-messages.js';

// Dates such as "Sun, 12 Jan 2031, 10:00 UTC" vary in length; pad them so the columns line up.
const WHEN_WIDTH = 28;
/** Rows of each bank the text lists (every attempt in progress too): a long history is its latest part. */
const LATEST_ROWS = 20;

/** `qualify history --json`: {attempts: [...], retake: {bank: {status, availableAt}}, analytics: {...}}. */
export function historyJson({ attempts, retake, analytics }: History): string {
  return renderJson({
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
  });
}

export interface HistoryView {
  color: boolean;
  width: number;
  /** The instant the history was read at (an attempt in progress past its deadline has lapsed). */
  at: number;
  /** The command that continues an attempt in progress. */
  resumeCommand: (mode: AttemptMode, bankId: string) => string;
}

/** The history as text: each bank's attempts, one row each, its next exam attempt, then the analytics. */
export function historyText({ attempts, retake, analytics }: History, bankId: string | undefined, view: HistoryView) {
  if (attempts.length === 0) return messages.noAttempts(bankId);
  const { at } = view;
  const c = makeTheme(view.color);
  // Lines fit the window (or COLUMNS when piped): prose wraps at word boundaries, a row too wide
  // for its result puts the result on its own indented line.
  const width = Math.max(20, view.width);
  let text = '';
  const say = (line: string, hang: number) => void (text += `${wrapLines(line, width, { hang }).join('\n')}\n`);
  for (const id of new Set(attempts.map((a) => a.bankId))) {
    const all = attempts.filter((a) => a.bankId === id);
    const rows = all.filter((a, i) => i >= all.length - LATEST_ROWS || a.status === 'in_progress');
    say(`${c.bold(sanitize(all[0]!.bankTitle))} ${c.dim(`(${id})`)}`, 2);
    if (rows.length < all.length) say(c.dim(`  ${messages.earlierAttempts(all.length - rows.length)}`), 4);
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
      if (textWidth(`${row}  ${outcome}`) <= width) text += `${row}  ${outcome}\n`;
      else {
        say(row.trimEnd(), 8);
        say(`        ${outcome}`, 8);
      }
      // Resumable: say how, on a line of its own so the row keeps its width.
      if (a.status === 'in_progress' && (a.deadlineAt === undefined || a.deadlineAt > at))
        say(c.dim(`        continue with: ${view.resumeCommand(a.mode, id)}`), 8);
    }
    say(`  ${retakeLine(retake[id]!, c)}`, 4);
    text += '\n';
  }
  const study = analyticsText(analytics, { color: view.color, trends: true, width });
  if (study) text += `${wrapLines(study.trimEnd(), width, { hang: 4 }).join('\n')}\n\n`;
  return text;
}

function retakeLine(r: History['retake'][string], c: ReturnType<typeof makeTheme>): string {
  return r.status === 'available'
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
}
