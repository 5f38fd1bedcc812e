import { createPrompt, isDownKey, isEnterKey, isSpaceKey, isUpKey, useKeypress, useState } from '@inquirer/core';
import { uiMessages } from '../messages.js';
import { useScreenSize } from '../resize.js';
import { wrapLines } from '../../text/wrap.js';
import { safe, type ScreenConfig } from '../screen.js';
import { makeTheme } from '../../text/theme.js';

export interface ReaderConfig {
  /** Title and size; `body` is ignored, the text is `text`. */
  screen: ScreenConfig;
  /** Already safe text. */
  text: string;
  /** The key hints at the bottom. */
  hint: string;
  /** The label before what the learner types after `/`. */
  searchLabel: string;
  /** Keys (single characters or key names) that end the prompt, besides q and Esc. */
  keys: readonly string[];
  /** A line shown above the hints (a search that found nothing). */
  notice?: string;
}

/** How the reader was left: a key that was offered, a search, or q/Esc. */
export type ReaderOutcome = { kind: 'key'; key: string } | { kind: 'search'; query: string } | { kind: 'quit' };

/**
 * The guideline reader: a scrollable page (↑↓, PgUp/PgDn, Space, Home/End) whose keys move
 * between sections, and `/` to type a search (or a section id to jump to) on the bottom line.
 */
export const readerPrompt = createPrompt<ReaderOutcome, ReaderConfig>((config, done) => {
  const { screen } = config;
  const { size, clear } = useScreenSize(screen);
  const width = Math.max(20, size.columns - 1);
  const c = makeTheme(screen.color);
  const lines = wrapLines(config.text, width);
  const header = screen.title ? [...wrapLines(c.bold(safe(screen.title)), width), ''] : [];
  const [top, setTop] = useState(0);
  const [searching, setSearching] = useState(false);
  const [query, setQuery] = useState('');
  const footer = searching
    ? wrapLines(`${config.searchLabel}${safe(query)}`, width)
    : [...(config.notice ? wrapLines(c.yellow(config.notice), width) : []), ...wrapLines(c.dim(config.hint), width)];
  const page = Math.max(3, size.rows - 1 - header.length - 1 - footer.length);
  const maxTop = Math.max(0, lines.length - page);
  const shownTop = Math.min(top, maxTop);
  const scrollTo = (next: number) => setTop(Math.min(maxTop, Math.max(0, next)));

  useKeypress((key, rl) => {
    if (searching) {
      if (isEnterKey(key)) {
        setSearching(false);
        done({ kind: 'search', query });
      } else if (key.name === 'escape') {
        rl.clearLine(0);
        setSearching(false);
        setQuery('');
      } else setQuery(rl.line);
      return;
    }
    const typed = rl.line;
    rl.clearLine(0);
    if (typed === '/' || key.name === 'slash') {
      setQuery('');
      setSearching(true);
    } else if (isUpKey(key)) scrollTo(shownTop - 1);
    else if (isDownKey(key)) scrollTo(shownTop + 1);
    else if (key.name === 'pagedown' || isSpaceKey(key)) scrollTo(shownTop + page - 1);
    else if (key.name === 'pageup') scrollTo(shownTop - page + 1);
    else if (key.name === 'home') scrollTo(0);
    else if (key.name === 'end') scrollTo(maxTop);
    else if (key.name === 'q' || key.name === 'escape') done({ kind: 'quit' });
    else {
      const pressed = isEnterKey(key) ? 'enter' : (key.name ?? typed);
      if (config.keys.includes(pressed)) done({ kind: 'key', key: pressed });
    }
  });

  const shown = lines.slice(shownTop, shownTop + page);
  const position =
    lines.length > page
      ? [c.dim(uiMessages.scrollPosition(shownTop + 1, Math.min(lines.length, shownTop + page), lines.length))]
      : [''];
  return `${clear}${[...header, ...shown, ...position, ...footer].join('\n')}`;
});
