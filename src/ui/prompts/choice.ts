import { createPrompt, isDownKey, isEnterKey, isNumberKey, isUpKey, useKeypress, useRef, useState } from '@inquirer/core';
import { useNow } from '../countdown.js';
import { uiMessages } from '../messages.js';
import { composeScreen, hasLiveClock, safe, type ScreenConfig } from '../screen.js';
import { makeTheme } from '../../text/theme.js';
import { footerLines, navActionFor, type NavKeys, type Outcome } from './nav.js';

export interface ChoiceItem {
  value: string;
  /** Bank text: sanitized here. */
  label: string;
  /** Shown dimmed after the label. */
  note?: string;
  /** Shown but not choosable (e.g. a closed question on the review screen). */
  disabled?: boolean;
}

export interface ChoiceConfig {
  screen: ScreenConfig;
  choices: ChoiceItem[];
  /** Where the cursor starts. */
  default?: string;
  /** The answer already given, marked on screen. */
  given?: string;
  nav?: NavKeys;
  /** The Enter hint ("Enter answer", "Enter choose"). */
  enterHint?: string;
  /** Enter does nothing (a question whose own time is up can only be left). */
  readOnly?: boolean;
}

/**
 * One choice from a list: single choice, true/false, a rating or preference scale (in the scale's
 * order), one item of a label-each question, and the menus (review, home, confirmations).
 * ↑↓ or 1-9 move, Enter chooses; the offered moves (←, →, f, r, g, v) leave the question.
 */
export const choicePrompt = createPrompt<Outcome<string>, ChoiceConfig>((config, done) => {
  const { choices } = config;
  const nav: NavKeys = { ...config.nav };
  const initial = choices.findIndex((ch) => ch.value === (config.default ?? config.given) && !ch.disabled);
  const [cursor, setCursor] = useState(initial >= 0 ? initial : Math.max(0, choices.findIndex((ch) => !ch.disabled)));
  const bodyCut = useRef(false);
  const now = useNow(config.screen.clock ?? Date.now, hasLiveClock(config.screen));
  const c = makeTheme(config.screen.color);

  const step = (from: number, by: number) => {
    for (let i = 1; i <= choices.length; i++) {
      const next = (from + by * i + choices.length * i) % choices.length;
      if (!choices[next]!.disabled) return next;
    }
    return from;
  };

  useKeypress((key, rl) => {
    rl.clearLine(0);
    const value = choices[cursor]?.value;
    if (isUpKey(key)) setCursor(step(cursor, -1));
    else if (isDownKey(key)) setCursor(step(cursor, 1));
    else if (isNumberKey(key)) {
      const index = Number(key.name) - 1;
      if (index >= 0 && index < choices.length && !choices[index]!.disabled) setCursor(index);
    } else if (isEnterKey(key)) {
      if (!config.readOnly && value !== undefined && !choices[cursor]?.disabled) done({ kind: 'answer', value });
    } else {
      const action = navActionFor(key, { ...nav, view: nav.view && bodyCut.current });
      if (action) done({ kind: action, draft: value });
    }
  });

  const items = choices.map((ch, i) => {
    const pointer = i === cursor ? c.cyan('❯') : ' ';
    const mark = ch.value === config.given ? c.green('●') : ' ';
    const label = ch.disabled ? c.dim(safe(ch.label)) : i === cursor ? c.cyan(safe(ch.label)) : safe(ch.label);
    const note = ch.note ? ` ${c.dim(safe(ch.note))}` : '';
    return `${pointer}${mark}${label}${note}`;
  });
  const first = config.readOnly ? uiMessages.closedQuestion : `${uiMessages.keys.move} · ${config.enterHint ?? uiMessages.keys.answer}`;
  const composed = composeScreen(config.screen, now, { items, cursor, footer: footerLines(first, { ...nav, view: false }), canViewWhole: nav.view });
  bodyCut.current = composed.bodyCut;
  return composed.text;
});
