import { createPrompt, isDownKey, isEnterKey, isSpaceKey, isUpKey, useKeypress, useState } from '@inquirer/core';
import { useNow } from '../countdown.js';
import { uiMessages } from '../messages.js';
import { DEFAULT_SIZE, hasLiveClock, statusLine, wrapLines, type ScreenConfig } from '../screen.js';
import { makeTheme } from '../../text/theme.js';
import { safe } from '../screen.js';

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
  const { columns, rows } = screen.size ?? DEFAULT_SIZE;
  const width = Math.max(20, columns - 1);
  const c = makeTheme(screen.color);
  const now = useNow(screen.clock ?? Date.now, hasLiveClock(screen));
  const lines = wrapLines(config.text, width);
  const header: string[] = [];
  if (screen.title) header.push(...wrapLines(c.bold(safe(screen.title)), width));
  if (screen.status) header.push(...wrapLines(statusLine(screen.status, now, screen.color), width));
  if (header.length) header.push('');
  const page = Math.max(3, rows - 1 - header.length - 2);
  const maxTop = Math.max(0, lines.length - page);
  const [top, setTop] = useState(0);
  const scrollTo = (next: number) => setTop(Math.min(maxTop, Math.max(0, next)));

  useKeypress((key, rl) => {
    rl.clearLine(0);
    if (isUpKey(key) || key.name === 'k') scrollTo(top - 1);
    else if (isDownKey(key) || key.name === 'j') scrollTo(top + 1);
    else if (key.name === 'pagedown' || isSpaceKey(key)) scrollTo(top + page - 1);
    else if (key.name === 'pageup' || key.name === 'b') scrollTo(top - page + 1);
    else if (key.name === 'home') scrollTo(0);
    else if (key.name === 'end') scrollTo(maxTop);
    else if (isEnterKey(key) || key.name === 'q' || key.name === 'escape') done();
  });

  const shown = lines.slice(top, top + page);
  const position = lines.length > page ? `${uiMessages.scrollPosition(top + 1, top + shown.length, lines.length)} · ` : '';
  return [...header, ...shown, '', c.dim(`${position}${config.hint ?? uiMessages.keys.pager}`)].join('\n');
});
