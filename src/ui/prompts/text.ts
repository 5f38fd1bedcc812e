import { textWidth } from '../../text/width.js';
import { createPrompt, isBackspaceKey, isEnterKey, useEffect, useKeypress, useRef, useState } from '@inquirer/core';
import { useNow } from '../countdown.js';
import { uiMessages } from '../messages.js';
import { useScreenSize } from '../resize.js';
import { useBodyScroll } from '../scroll.js';
import { wrapLines } from '../../text/wrap.js';
import { composeScreen, hasLiveClock, safe, type ScreenConfig } from '../screen.js';
import { makeTheme } from '../../text/theme.js';

export interface TextConfig {
  screen: ScreenConfig;
  /** The text written before, to carry on from. */
  draft?: string;
  /**
   * Called with the whole text so far (the line being typed included) at every new line, after
   * a pause in typing, and when the prompt is left any other way (Ctrl+C, a deadline), so
   * nothing typed is lost.
   */
  onChange?: (text: string) => void;
}

/** How long typing must pause before the text so far is handed to `onChange`. */
export const DRAFT_PAUSE_MS = 1000;

/**
 * Multi-line text (free-text answers and rationales), typed in place so the exam clock stays on
 * screen: Enter starts a new line, Enter on an empty line finishes, Backspace on an empty line
 * goes back to the line above. Resolves to the text (trailing blank lines dropped).
 */
export const textPrompt = createPrompt<string, TextConfig>((config, done) => {
  // Writing carries on at the end of the last line of the draft, as in an editor.
  const draftLines = config.draft ? config.draft.replace(/\n+$/, '').split('\n') : [];
  const [lines, setLines] = useState<readonly string[]>(draftLines.slice(0, -1));
  const [current, setCurrent] = useState(draftLines.at(-1) ?? '');
  useEffect((rl) => {
    if (current) rl.write(current);
  }, []);
  const now = useNow(config.screen.clock, hasLiveClock(config.screen));
  const { size, clear } = useScreenSize(config.screen);
  const c = makeTheme(config.screen.color);
  const whole = [...lines, ...(current ? [current] : [])].join('\n');
  const reported = useRef(config.draft?.replace(/\n+$/, '') ?? '');
  const latest = useRef(whole);
  latest.current = whole;
  const report = (text: string) => {
    if (text === reported.current) return;
    reported.current = text;
    config.onChange?.(text);
  };
  // Every new line is saved at once; the line being typed after a pause.
  useEffect(() => report(latest.current), [lines]);
  useEffect(() => {
    const timer = setTimeout(() => report(latest.current), DRAFT_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [current]);
  // Runs when the prompt ends, however it ends (Ctrl+C, a deadline, done).
  useEffect(() => () => report(latest.current), []);
  const scroll = useBodyScroll({ letters: false });

  useKeypress((key, rl) => {
    if (scroll.onKey(key)) return;
    if (isEnterKey(key)) {
      // readline has already cleared its line; `current` holds what was typed.
      if (current === '') done(lines.join('\n'));
      else {
        setLines([...lines, current]);
        setCurrent('');
      }
    } else if (isBackspaceKey(key) && current === '' && rl.line === '' && lines.length > 0) {
      const previous = lines[lines.length - 1]!;
      setLines(lines.slice(0, -1));
      rl.write(previous);
      setCurrent(previous);
    } else {
      setCurrent(rl.line);
    }
  });

  const written = lines.map((line) => `  ${safe(line)}`);
  const editing = `${c.cyan('›')} ${safe(current)}`;
  const hint = wrapLines(c.dim(uiMessages.keys.text), size.columns - 1);
  // The line being typed is drawn last, under everything else, so the terminal cursor sits at
  // its end; the key hint goes below it, after a blank line. Room is kept for all of them.
  // The terminal wraps the line being typed itself: a long one takes several rows (and one more
  // once it fills a row exactly, for the cursor), which the screen above must give up.
  const editingRows = Math.floor((2 + textWidth(safe(current))) / Math.max(1, size.columns)) + 1;
  const room = size.rows - 1 - editingRows - hint.length - (written.length ? 0 : 1);
  const above = composeScreen({ ...config.screen, size: { columns: size.columns, rows: room } }, now, {
    items: written,
    cursor: written.length - 1,
    bodyTop: scroll.top,
    pageKeysOnly: true,
  });
  scroll.remember(above);
  return [`${clear}${above.text}${written.length ? '' : '\n'}\n${editing}`, `\n${hint.join('\n')}`];
});
