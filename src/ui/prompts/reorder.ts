import { createPrompt, isDownKey, isEnterKey, isSpaceKey, isUpKey, useKeypress, useState } from '@inquirer/core';
import { useNow } from '../countdown.js';
import { uiMessages } from '../messages.js';
import { useScreenSize } from '../resize.js';
import { useBodyScroll } from '../scroll.js';
import { renderListScreen } from './list-screen.js';
import { hasLiveClock, safe, type ScreenConfig } from '../screen.js';
import { makeTheme } from '../../text/theme.js';
import { navActionFor, refusedMoveNotice, type NavKeys, type Outcome } from './nav.js';

export interface ReorderConfig {
  screen: ScreenConfig;
  items: { value: string; label: string }[];
  /** The order to start from (the answer given before); default: the items' order. */
  order?: readonly string[];
  nav?: NavKeys;
  readOnly?: boolean;
}

/**
 * Puts items in order (ranking questions): ↑↓ move the cursor; Space grabs the item under it,
 * then ↑↓ carry it, and Space drops it. Enter answers with the order on screen, first to last.
 */
export const reorderPrompt = createPrompt<Outcome<string[]>, ReorderConfig>((config, done) => {
  const nav: NavKeys = { ...config.nav };
  const known = new Set(config.items.map((i) => i.value));
  const start =
    config.order && config.order.length === known.size && config.order.every((v) => known.has(v))
      ? [...config.order]
      : config.items.map((i) => i.value);
  const [order, setOrder] = useState<readonly string[]>(start);
  const [cursor, setCursor] = useState(0);
  const [grabbed, setGrabbed] = useState(false);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const scroll = useBodyScroll();
  const now = useNow(config.screen.clock, hasLiveClock(config.screen));
  const { size, clear } = useScreenSize(config.screen);
  const c = makeTheme(config.screen.color);
  const labels = new Map(config.items.map((i) => [i.value, i.label]));

  const move = (by: -1 | 1) => {
    const target = cursor + by;
    if (target < 0 || target >= order.length) return;
    if (grabbed) {
      const next = [...order];
      [next[cursor], next[target]] = [next[target]!, next[cursor]!];
      setOrder(next);
    }
    setCursor(target);
  };

  useKeypress((key, rl) => {
    rl.clearLine(0);
    if (scroll.onKey(key)) return setNotice(undefined);
    let shown: string | undefined;
    if (isUpKey(key)) move(-1);
    else if (isDownKey(key)) move(1);
    else if (isSpaceKey(key)) {
      if (!config.readOnly) setGrabbed(!grabbed);
    } else if (isEnterKey(key)) {
      if (!config.readOnly) done({ kind: 'answer', value: [...order] });
    } else {
      const action = navActionFor(key, { ...nav, view: nav.view && scroll.cut() });
      if (action) done({ kind: action, draft: [...order] });
      else shown = refusedMoveNotice(key, nav);
    }
    setNotice(shown);
  });

  const items = order.map((value, i) => {
    const pointer = i === cursor ? c.cyan(grabbed ? '↕' : '❯') : ' ';
    const label = safe(labels.get(value) ?? value);
    const text = `${i + 1}. ${label}`;
    return `${pointer} ${i === cursor ? (grabbed ? c.bold.cyan(text) : c.cyan(text)) : text}`;
  });
  return renderListScreen({
    screen: config.screen,
    size,
    now,
    clear,
    items,
    cursor,
    keys: `${uiMessages.keys.move} · ${uiMessages.keys.grab} · ${uiMessages.keys.answer}`,
    readOnly: config.readOnly,
    nav,
    notice,
    scroll,
  });
});
