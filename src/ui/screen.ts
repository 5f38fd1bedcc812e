import { formatRemaining } from './countdown.js';
import { uiMessages } from './messages.js';
import { sanitize } from '../text/sanitize.js';
import { makeTheme } from '../text/theme.js';
import { wrapLines } from '../text/wrap.js';
import type { LiveSize, Size } from './terminal.js';

/** What the status line shows: progress through the exam and the clocks. */
export interface StatusInfo {
  number?: number;
  total?: number;
  flagged?: number;
  /** How many questions have an answer (shown as "answered/total"). */
  answered?: number;
  /** The exam's deadline (absent: untimed). */
  deadlineAt?: number;
  /** The current question's own deadline, when it has one. */
  questionDeadlineAt?: number;
  /** Shown after the progress, e.g. "⚑ flagged" for the current question. */
  note?: string;
}

/** The parts every interactive screen shares: a title, the status line and a body of text. */
export interface ScreenConfig {
  /** Bank text: sanitized here. */
  title?: string;
  status?: StatusInfo;
  /** Text already made safe (see `safe`); it is wrapped to the screen here. */
  body?: string;
  /**
   * Where the body's wrapped lines go on (default: under the start of their line). A table of
   * labels and values sets the values' column, so a long value stays clear of the labels.
   */
  bodyHang?: number;
  /**
   * Made safe too: shown whole between the body and the items, and never scrolled away with the
   * body, because the items answer it (the item being labelled: on a short window the learner
   * must see which one it is while choosing its label).
   */
  pinned?: string;
  color: boolean;
  /** A fixed size (tests), or the live terminal's (the screen is laid out again when it changes). */
  size?: Size | LiveSize;
  clock?: () => number;
}

export const DEFAULT_SIZE: Size = { columns: 80, rows: 24 };

/** The size to lay a screen out for, now. */
export function sizeOf(size: Size | LiveSize | undefined): Size {
  if (size === undefined) return DEFAULT_SIZE;
  return 'current' in size ? size.current() : size;
}

/** Bank text, made safe for the terminal: every screen builds its body with this. */
export const safe = (text: string): string => sanitize(text);

/** True when the screen shows a clock that must be redrawn every second. */
export function hasLiveClock(screen: ScreenConfig): boolean {
  return (
    screen.clock !== undefined &&
    (screen.status?.deadlineAt !== undefined || screen.status?.questionDeadlineAt !== undefined)
  );
}

/**
 * "Question 7/20 · 5/20 answered · 2 flagged · 12:34 left · this question 0:45". The time left is
 * shown only when the screen has a clock (`now`).
 */
export function statusLine(status: StatusInfo, now: number | undefined, color: boolean): string {
  const c = makeTheme(color);
  const parts: string[] = [];
  if (status.number !== undefined && status.total !== undefined)
    parts.push(c.bold(uiMessages.progress(status.number, status.total, status.flagged ?? 0, status.answered)));
  if (status.note) parts.push(c.yellow(status.note));
  const clock = (deadline: number | undefined, text: (clock: string) => string) => {
    if (deadline === undefined || now === undefined) return;
    const left = deadline - now;
    const shown = text(formatRemaining(left));
    parts.push(left <= 60_000 ? c.red.bold(shown) : left <= 5 * 60_000 ? c.yellow(shown) : shown);
  };
  clock(status.deadlineAt, uiMessages.examLeft);
  clock(status.questionDeadlineAt, uiMessages.questionLeft);
  return parts.join(' · ');
}

export interface Layout {
  /** Lines under the body: choices, an input, a list; each item may wrap to several lines. */
  items?: string[];
  /** The item the cursor is on, kept visible when the items do not fit. */
  cursor?: number;
  /** Key hints, last. */
  footer?: string[];
  /** Offered when the body is cut short ("v: read it all"). */
  canViewWhole?: boolean;
  /** The first body line shown when the body does not fit (it scrolls; the items stay put). */
  bodyTop?: number;
  /** Only PgDn/PgUp scroll the body (letters are being typed): the hint says so. */
  pageKeysOnly?: boolean;
}

export interface Composed {
  text: string;
  /** Whether the body had to be cut to fit the screen. */
  bodyCut: boolean;
  /** Body lines shown at once, and the furthest `bodyTop` can go (0 when it all fits). */
  bodyPage: number;
  bodyMaxTop: number;
}

/**
 * Lays out one screen so it fits the terminal: title and status first, then the body (cut with
 * "… n more lines" when needed), the items (windowed around the cursor), and the key hints.
 * Drawing more lines than the terminal has would leave the old screen half-erased.
 */
export function composeScreen(screen: ScreenConfig, now: number | undefined, layout: Layout = {}): Composed {
  const c = makeTheme(screen.color);
  const { columns, rows } = sizeOf(screen.size);
  const width = Math.max(20, columns - 1);
  const header: string[] = [];
  if (screen.title) header.push(...wrapLines(c.dim(safe(screen.title)), width));
  if (screen.status) header.push(...wrapLines(statusLine(screen.status, now, screen.color), width));
  if (header.length) header.push('');
  const footer = (layout.footer ?? []).flatMap((line) => wrapLines(c.dim(line), width));
  const itemLines = (layout.items ?? []).map((item) => wrapLines(item, width, { hang: 4 }));
  const body = wrapLines(screen.body ?? '', width, { hang: screen.bodyHang });
  const pinned = wrapLines(screen.pinned ?? '', width);

  const available = Math.max(6, rows - 1);
  const fixed =
    header.length +
    footer.length +
    (footer.length ? 1 : 0) +
    (itemLines.length && body.length ? 1 : 0) +
    (pinned.length ? pinned.length + (body.length ? 1 : 0) : 0);
  const allItemLines = itemLines.reduce((n, lines) => n + lines.length, 0);
  // The body keeps at least three lines (it scrolls, and v shows it whole); the rest goes to the
  // items, which must be seen side by side to be compared.
  const itemBudget = Math.max(3, Math.min(allItemLines, available - fixed - Math.min(body.length, 3)));
  const shownItems = windowItems(itemLines, layout.cursor ?? 0, itemBudget);
  const bodyBudget = Math.max(1, available - fixed - shownItems.length);
  let shownBody = body;
  let bodyCut = false;
  let bodyPage = body.length;
  let bodyMaxTop = 0;
  if (body.length > bodyBudget) {
    // A window on the body, with one line saying where it is and how to scroll it.
    bodyCut = true;
    bodyPage = Math.max(1, bodyBudget - 1);
    bodyMaxTop = body.length - bodyPage;
    const top = Math.min(Math.max(0, layout.bodyTop ?? 0), bodyMaxTop);
    const position = uiMessages.bodyPosition(
      top + 1,
      top + bodyPage,
      body.length,
      layout.canViewWhole ?? false,
      layout.pageKeysOnly ?? false,
    );
    shownBody = [...body.slice(top, top + bodyPage), c.dim(truncateVisible(position, width))];
  }
  const out = [...header, ...shownBody];
  if (pinned.length) out.push(...(shownBody.length ? [''] : []), ...pinned);
  if (shownItems.length) {
    if (shownBody.length) out.push('');
    out.push(...shownItems);
  }
  if (footer.length) out.push('', ...footer);
  return { text: out.join('\n'), bodyCut, bodyPage, bodyMaxTop };
}

/** Our own one-line text cut to the width, so it stays one line. */
function truncateVisible(text: string, width: number): string {
  return [...text].length <= width ? text : `${[...text].slice(0, width - 1).join('')}…`;
}

/** The items around the cursor that fit in `budget` lines, with "…" marks where some are hidden. */
function windowItems(items: string[][], cursor: number, budget: number): string[] {
  const total = items.reduce((n, lines) => n + lines.length, 0);
  if (total <= budget) return items.flat();
  let from = Math.min(Math.max(0, cursor), items.length - 1);
  let to = from + 1;
  let used = items[from]?.length ?? 0;
  // A "…" mark takes a line only on a side where items are hidden: at the top of the list, the
  // line above is free for one more item (two long options at 60x20 instead of one).
  const fits = (lines: number, first: number, end: number) =>
    lines + (first > 0 ? 1 : 0) + (end < items.length ? 1 : 0) <= budget;
  while (true) {
    const grew = to < items.length && fits(used + items[to]!.length, from, to + 1);
    if (grew) used += items[to++]!.length;
    const grewUp = from > 0 && fits(used + items[from - 1]!.length, from - 1, to);
    if (grewUp) used += items[--from]!.length;
    if (!grew && !grewUp) break;
  }
  return [...(from > 0 ? ['  …'] : []), ...items.slice(from, to).flat(), ...(to < items.length ? ['  …'] : [])];
}
