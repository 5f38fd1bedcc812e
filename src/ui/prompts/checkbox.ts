import { createPrompt, isDownKey, isEnterKey, isSpaceKey, isUpKey, useKeypress, useState } from '@inquirer/core';
import { useNow } from '../countdown.js';
import { uiMessages } from '../messages.js';
import { useScreenSize } from '../resize.js';
import { useBodyScroll } from '../scroll.js';
import { renderListScreen } from './list-screen.js';
import { hasLiveClock, safe, type ScreenConfig } from '../screen.js';
import { makeTheme } from '../../text/theme.js';
import { navActionFor, refusedMoveNotice, type NavKeys, type Outcome } from './nav.js';

export interface CheckboxConfig {
  screen: ScreenConfig;
  choices: { value: string; label: string }[];
  /** Ticked at the start (the answer given before, or a draft). */
  checked?: readonly string[];
  nav?: NavKeys;
  enterHint?: string;
  readOnly?: boolean;
  /** Enter with nothing ticked is not an answer (a multi-select question): it shows a hint instead. */
  requireOne?: boolean;
}

/**
 * Several choices from a list (multi-select questions, self-assessment of rubric criteria):
 * Space ticks, Enter answers with the ticked values in the list's order (none is an answer too,
 * unless `requireOne`).
 */
export const checkboxPrompt = createPrompt<Outcome<string[]>, CheckboxConfig>((config, done) => {
  const { choices } = config;
  const nav: NavKeys = { ...config.nav };
  const [cursor, setCursor] = useState(0);
  const [checked, setChecked] = useState<readonly string[]>(config.checked ?? []);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const scroll = useBodyScroll();
  const now = useNow(config.screen.clock, hasLiveClock(config.screen));
  const { size, clear } = useScreenSize(config.screen);
  const c = makeTheme(config.screen.color);
  const inOrder = (values: readonly string[]) => choices.map((ch) => ch.value).filter((v) => values.includes(v));

  useKeypress((key, rl) => {
    rl.clearLine(0);
    if (scroll.onKey(key)) return setNotice(undefined);
    let shown: string | undefined;
    if (isUpKey(key)) setCursor((cursor - 1 + choices.length) % choices.length);
    else if (isDownKey(key)) setCursor((cursor + 1) % choices.length);
    else if (isSpaceKey(key)) {
      if (config.readOnly) return;
      const value = choices[cursor]!.value;
      setChecked(checked.includes(value) ? checked.filter((v) => v !== value) : [...checked, value]);
    } else if (isEnterKey(key)) {
      if (config.readOnly) return;
      if (config.requireOne && checked.length === 0) shown = uiMessages.pickAtLeastOne(Boolean(nav.skip));
      else done({ kind: 'answer', value: inOrder(checked) });
    } else {
      const action = navActionFor(key, { ...nav, view: nav.view && scroll.cut() });
      if (action) done({ kind: action, draft: inOrder(checked) });
      else shown = refusedMoveNotice(key, nav);
    }
    setNotice(shown);
  });

  const items = choices.map((ch, i) => {
    const pointer = i === cursor ? c.cyan('❯') : ' ';
    const box = checked.includes(ch.value) ? c.green('◉') : '◯';
    const label = i === cursor ? c.cyan(safe(ch.label)) : safe(ch.label);
    return `${pointer}${box} ${label}`;
  });
  return renderListScreen({
    screen: config.screen,
    size,
    now,
    clear,
    items,
    cursor,
    keys: `${uiMessages.keys.move} · ${uiMessages.keys.toggle} · ${config.enterHint ?? uiMessages.keys.answer}`,
    readOnly: config.readOnly,
    nav,
    notice,
    scroll,
  });
});
