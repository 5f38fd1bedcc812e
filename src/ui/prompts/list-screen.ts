import { makeTheme } from '../../text/theme.js';
import { uiMessages } from '../messages.js';
import { composeScreen, type ScreenConfig } from '../screen.js';
import type { useBodyScroll } from '../scroll.js';
import type { Size } from '../terminal.js';
import { footerLines, type NavKeys } from './nav.js';

/** What a list prompt (choices, boxes to tick, an order) shows this time round. */
export interface ListScreen {
  screen: ScreenConfig;
  size: Size;
  /** The clock's reading for the status line (undefined: no clock on screen). */
  now: number | undefined;
  /** What clears the previous drawing (see useScreenSize). */
  clear: string;
  items: string[];
  cursor: number;
  /** The keys of this prompt, first in the footer (a read-only question says it is closed instead). */
  keys: string;
  readOnly?: boolean;
  nav: NavKeys;
  notice?: string;
  scroll: ReturnType<typeof useBodyScroll>;
}

/** Lays out a list prompt: the question's text (scrolled), the items, then the keys; remembers the scroll room. */
export function renderListScreen(list: ListScreen): string {
  const c = makeTheme(list.screen.color);
  const first = list.readOnly ? uiMessages.closedQuestion : list.keys;
  const footer = footerLines(first, { ...list.nav, view: false }, list.notice && c.yellow(list.notice));
  const composed = composeScreen({ ...list.screen, size: list.size }, list.now, {
    items: list.items,
    cursor: list.cursor,
    footer,
    canViewWhole: list.nav.view,
    bodyTop: list.scroll.top,
  });
  list.scroll.remember(composed);
  return `${list.clear}${composed.text}`;
}
