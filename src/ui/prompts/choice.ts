import { textWidth } from '../../text/width.js';
import {
  createPrompt,
  isDownKey,
  isEnterKey,
  isNumberKey,
  isUpKey,
  useKeypress,
  useRef,
  useState,
} from '@inquirer/core';
import { fitColumns, tableRow } from '../columns.js';
import { useNow } from '../countdown.js';
import { uiMessages } from '../messages.js';
import { useScreenSize } from '../resize.js';
import { useBodyScroll } from '../scroll.js';
import { renderListScreen } from './list-screen.js';
import { hasLiveClock, safe, type ScreenConfig } from '../screen.js';
import { makeTheme } from '../../text/theme.js';
import { navActionFor, refusedMoveNotice, type NavKeys, type Outcome } from './nav.js';

export interface ChoiceItem {
  value: string;
  /** Bank text: sanitized here. */
  label: string;
  /** Shown dimmed after the label. */
  note?: string;
  /**
   * More columns after the label (bank text, sanitized here). The items that have them are drawn
   * as a table: every column aligned, each row cut to the screen's width with "…".
   */
  cells?: string[];
  /** Shown but not choosable (e.g. a closed question on the review screen). */
  disabled?: boolean;
}

export interface ChoiceConfig {
  screen: ScreenConfig;
  choices: ChoiceItem[];
  /** Where the cursor starts. */
  default?: string;
  /**
   * No choice is preselected (without a `default`): the cursor appears with the first ↑↓ or 1-9,
   * and Enter chooses nothing until then, so a question like "how sure?" is never answered by habit.
   */
  noPreselection?: boolean;
  /** Keys that choose at once, by key name: e.g. `{ escape: 'back' }` in a menu, `{ q: 'quit' }`. */
  keys?: Partial<Record<string, string>>;
  /** The answer already given, marked on screen. */
  given?: string;
  nav?: NavKeys;
  /** The Enter hint ("Enter answer", "Enter choose"). */
  enterHint?: string;
  /** Enter does nothing (a question whose own time is up can only be left). */
  readOnly?: boolean;
  /**
   * In a table (items with `cells`): the column that is cut first when a row is too wide (0 is the
   * label; default: the last).
   */
  shrinkColumn?: number;
  /**
   * Columns left out, in this order, while the shrinking column would show fewer than
   * `MIN_SHRUNK` characters (a narrow window): what tells the rows apart stays readable. The
   * shrinking column itself, listed, goes when it is that narrow and another column is still
   * cut: the home screen's titles give way to each bank's status.
   */
  dropColumns?: readonly number[];
}

/** The fewest columns the shrinking column keeps before others are dropped (see `dropColumns`). */
const MIN_SHRUNK = 24;

/** Spaces between the columns of a table of choices. */
const GAP = 2;

/**
 * One choice from a list: single choice, true/false, a rating or preference scale (in the scale's
 * order), one item of a label-each question, and the menus (review, home, confirmations).
 * ↑↓ or 1-9 move, Enter chooses; the offered moves (←, →, f, r, g, v) leave the question.
 */
export const choicePrompt = createPrompt<Outcome<string>, ChoiceConfig>((config, done) => {
  const { choices } = config;
  const nav: NavKeys = { ...config.nav };
  const initial = choices.findIndex((ch) => ch.value === (config.default ?? config.given) && !ch.disabled);
  const none = -1;
  const [cursor, setCursor] = useState(
    initial >= 0
      ? initial
      : config.noPreselection
        ? none
        : Math.max(
            0,
            choices.findIndex((ch) => !ch.disabled),
          ),
  );
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const scroll = useBodyScroll();
  const now = useNow(config.screen.clock, hasLiveClock(config.screen));
  const { size, clear } = useScreenSize(config.screen);
  const c = makeTheme(config.screen.color);

  const step = (from: number, by: number) => {
    // From no selection, ↓ goes to the first choice and ↑ to the last.
    if (from === none) return step(by > 0 ? choices.length - 1 : 0, by);
    for (let i = 1; i <= choices.length; i++) {
      const next = (from + by * i + choices.length * i) % choices.length;
      if (!choices[next]!.disabled) return next;
    }
    return from;
  };

  // A move between items resolves on the next tick; keys that arrive with it (a fast ← ← or
  // → →, or several sent at once) add to the same move instead of being lost with this prompt.
  const itemMove = useRef<{ kind: 'prev-item' | 'next-item'; draft: string | undefined; steps: number } | undefined>(
    undefined,
  );

  useKeypress((key, rl) => {
    rl.clearLine(0);
    if (itemMove.current) {
      const action = navActionFor(key, { ...nav, 'prev-item': true, 'next-item': true });
      if (action === 'next-item') itemMove.current.steps += 1;
      else if (action === 'prev-item') itemMove.current.steps -= 1;
      return;
    }
    if (scroll.onKey(key)) return setNotice(undefined);
    const value = choices[cursor]?.value;
    let shown: string | undefined;
    if (isUpKey(key)) setCursor(step(cursor, -1));
    else if (isDownKey(key)) setCursor(step(cursor, 1));
    else if (isNumberKey(key)) {
      const index = Number(key.name) - 1;
      if (index >= 0 && index < choices.length && !choices[index]!.disabled) setCursor(index);
    } else if (isEnterKey(key)) {
      if (!config.readOnly && value !== undefined && !choices[cursor]?.disabled) done({ kind: 'answer', value });
      else if (cursor === none) shown = uiMessages.pickFirst;
    } else if (!key.ctrl && config.keys?.[key.name] !== undefined) {
      done({ kind: 'answer', value: config.keys[key.name]! });
    } else {
      const action = navActionFor(key, { ...nav, view: nav.view && scroll.cut() });
      if (action === 'prev-item' || action === 'next-item') {
        itemMove.current = { kind: action, draft: value, steps: action === 'next-item' ? 1 : -1 };
        done(itemMove.current);
      } else if (action) done({ kind: action, draft: value });
      else shown = refusedMoveNotice(key, nav);
    }
    setNotice(shown);
  });

  // The rows with cells are a table: its columns are fitted to the width on screen now.
  const width = Math.max(20, size.columns - 1);
  const allCells = (ch: ChoiceItem) => [safe(ch.label), ...(ch.cells ?? []).map(safe)];
  const allRows = choices.filter((ch) => ch.cells).map(allCells);
  const shrink = config.shrinkColumn ?? Math.max(0, ...allRows.map((r) => r.length - 1));
  // Drop columns (never the shrinking one) until the shrinking one keeps enough of its text.
  const dropped = new Set<number>();
  const keep = (row: string[]) => row.filter((_, i) => !dropped.has(i));
  const shrinkAt = () => shrink - [...dropped].filter((d) => d < shrink).length;
  const fit = () => (allRows.length ? fitColumns(allRows.map(keep), width - 2, GAP, shrinkAt()) : []);
  let widths = fit();
  const naturalWidth = (column: number) => Math.max(0, ...allRows.map((r) => textWidth(r[column] ?? '')));
  for (const column of config.dropColumns ?? []) {
    if ((widths[shrinkAt()] ?? 0) >= Math.min(MIN_SHRUNK, naturalWidth(shrink))) break;
    if (column === shrink) {
      const count = Math.max(0, ...allRows.map((r) => r.length));
      const shown = Array.from({ length: count }, (_, i) => i).filter((i) => !dropped.has(i));
      const cutElsewhere = shown.some((i, at) => i !== shrink && (widths[at] ?? 0) < naturalWidth(i));
      if (!cutElsewhere) break;
    }
    dropped.add(column);
    widths = fit();
  }
  const rowCells = (ch: ChoiceItem) => keep(allCells(ch));

  const items = choices.map((ch, i) => {
    const pointer = i === cursor ? c.cyan('❯') : ' ';
    const mark = ch.value === config.given ? c.green('●') : ' ';
    const text = ch.cells ? tableRow(rowCells(ch), widths, GAP) : safe(ch.label);
    const label = ch.disabled ? c.dim(text) : i === cursor ? c.cyan(text) : text;
    const note = ch.note ? ` ${c.dim(safe(ch.note))}` : '';
    return `${pointer}${mark}${label}${note}`;
  });
  return renderListScreen({
    screen: config.screen,
    size,
    now,
    clear,
    items,
    cursor,
    keys: `${uiMessages.keys.move} · ${config.enterHint ?? uiMessages.keys.answer}`,
    readOnly: config.readOnly,
    nav,
    notice,
    scroll,
  });
});
