import { createPrompt, isDownKey, isEnterKey, isSpaceKey, isUpKey, useKeypress, useState } from '@inquirer/core';
import { useNow } from '../countdown.js';
import { uiMessages } from '../messages.js';
import { useScreenSize } from '../resize.js';
import { wrapLines } from '../../text/wrap.js';
import { hasLiveClock, safe, statusLine, type ScreenConfig } from '../screen.js';
import { makeTheme } from '../../text/theme.js';

export interface PagerConfig {
  /** Title, status (clocks) and size; `body` is ignored, the text is `text`. */
  screen: ScreenConfig;
  /** Already safe text (sanitized bank text, or our own rendering). */
  text: string;
  /** The closing hint (default: scroll keys and "q or Enter close"). */
  hint?: string;
}

/**
 * A scrollable view of long text (a guideline section, the mistake report, practice feedback):
 * ↑↓ line by line, PgUp/PgDn or Space a screen at a time, Home/End, q, Esc or Enter to close.
 */
export const pagerPrompt = createPrompt<void, PagerConfig>((config, done) => {
  const { screen } = config;
  const { size, clear } = useScreenSize(screen);
  const width = Math.max(20, size.columns - 1);
  const c = makeTheme(screen.color);
  const now = useNow(screen.clock, hasLiveClock(screen));
  const lines = wrapLines(config.text, width);
  const header: string[] = [];
  if (screen.title) header.push(...wrapLines(c.bold(safe(screen.title)), width));
  if (screen.status) header.push(...wrapLines(statusLine(screen.status, now, screen.color), width));
  if (header.length) header.push('');
  const [top, setTop] = useState(0);
  // The hint line is laid out for the page it describes; its length barely depends on the page.
  const hintFor = (from: number, page: number) => {
    const shownTo = Math.min(lines.length, from + page);
    const position = lines.length > page ? `${uiMessages.scrollPosition(from + 1, shownTo, lines.length)} · ` : '';
    return wrapLines(c.dim(`${position}${config.hint ?? uiMessages.keys.pager}`), width);
  };
  const hintLines = hintFor(0, Math.max(3, size.rows - 1 - header.length - 2)).length;
  const page = Math.max(3, size.rows - 1 - header.length - 1 - hintLines);
  const maxTop = Math.max(0, lines.length - page);
  const shownTop = Math.min(top, maxTop);
  const scrollTo = (next: number) => setTop(Math.min(maxTop, Math.max(0, next)));

  useKeypress((key, rl) => {
    rl.clearLine(0);
    if (isUpKey(key) || key.name === 'k') scrollTo(shownTop - 1);
    else if (isDownKey(key) || key.name === 'j') scrollTo(shownTop + 1);
    else if (key.name === 'pagedown' || isSpaceKey(key)) scrollTo(shownTop + page - 1);
    else if (key.name === 'pageup' || key.name === 'b') scrollTo(shownTop - page + 1);
    else if (key.name === 'home') scrollTo(0);
    else if (key.name === 'end') scrollTo(maxTop);
    else if (isEnterKey(key) || key.name === 'q' || key.name === 'escape') done();
  });

  const shown = lines.slice(shownTop, shownTop + page);
  return `${clear}${[...header, ...shown, '', ...hintFor(shownTop, page)].join('\n')}`;
});
