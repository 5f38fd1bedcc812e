import type { KeypressEvent } from '@inquirer/core';
import { uiMessages } from '../messages.js';

/** Moves a question screen offers besides answering it. */
export type NavAction = 'back' | 'skip' | 'flag' | 'review' | 'guideline' | 'view' | 'prev-item' | 'next-item';

/**
 * What a question prompt resolves to: an answer, or a move. A move carries the selection on
 * screen (`draft`), so the same question can be shown again as it was (after flagging it or
 * reading the guideline).
 */
export type Outcome<A> =
  | { kind: 'answer'; value: A }
  /** `steps`: for ← → between items, how many items to move (signed), when keys came together. */
  | { kind: NavAction; draft: A | undefined; steps?: number };

export type NavKeys = Partial<Record<NavAction, boolean>> & {
  /** Show the Ctrl+C hint (Ctrl+C always works; the hint belongs on exam screens). */
  quitHint?: boolean;
  /** A closed-book exam: g says the guideline cannot be opened, instead of doing nothing. */
  closedBook?: boolean;
  /**
   * A question of several items (label-each): ← → move between its items, and leaving the
   * question takes its own keys (p previous question, n next question).
   */
  items?: boolean;
};

const LETTER: Partial<Record<string, NavAction>> = { f: 'flag', r: 'review', g: 'guideline', v: 'view' };

const ITEM_KEYS: Partial<Record<string, NavAction>> = { left: 'prev-item', right: 'next-item', p: 'back', n: 'skip' };

/** The move a key asks for, when that move is offered on this screen. */
export function navActionFor(key: KeypressEvent, nav: NavKeys): NavAction | undefined {
  if (key.ctrl) return undefined;
  const action: NavAction | undefined = nav.items
    ? (ITEM_KEYS[key.name] ?? LETTER[key.name])
    : key.name === 'left'
      ? 'back'
      : key.name === 'right'
        ? 'skip'
        : LETTER[key.name];
  return action !== undefined && nav[action] ? action : undefined;
}

/** A short notice for a key that asks for a move this screen refuses on purpose (g, closed book). */
export function refusedMoveNotice(key: KeypressEvent, nav: NavKeys): string | undefined {
  if (key.ctrl || key.name !== 'g' || nav.guideline || !nav.closedBook) return undefined;
  return uiMessages.closedBook;
}

/** The key hints of the moves offered. */
export function navHints(nav: NavKeys): string {
  const k = uiMessages.keys;
  const hints: string[] = [];
  if (nav.items && (nav['prev-item'] || nav['next-item'])) hints.push(k.items);
  if (nav.back) hints.push(nav.items ? k.previousQuestion : k.back);
  if (nav.skip) hints.push(nav.items ? k.nextQuestion : k.skip);
  if (nav.flag) hints.push(k.flag);
  if (nav.review) hints.push(k.review);
  if (nav.guideline) hints.push(k.guideline);
  if (nav.view) hints.push(k.view);
  if (nav.quitHint) hints.push(k.quit);
  return hints.join(' · ');
}

/** The footer: a notice (when there is one), the prompt's own keys, then the moves. */
export function footerLines(first: string, nav: NavKeys, notice?: string): string[] {
  const moves = navHints(nav);
  return [...(notice ? [notice] : []), first, ...(moves ? [moves] : [])];
}
