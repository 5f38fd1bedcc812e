import { stringWidth } from './deferred-packages.js';

/**
 * Characters one column wide each: printable ASCII, Latin-1 and the Latin extensions (no soft
 * hyphen, no combining marks), general punctuation such as dashes, curly quotes and "…" (no
 * zero-width or invisible ones), the four plain arrows, and box drawing and block elements (the
 * charts and bars of reports and history).
 */
const ONE_COLUMN_EACH =
  /^[\x20-\x7e\u00a0-\u00a8\u00aa-\u00ac\u00af-\u02ff\u2010-\u2027\u2030-\u203b\u203d-\u2048\u204a-\u205e\u2190-\u2193\u2500-\u259f]*$/;

/**
 * Columns a string takes on the terminal. Text made only of one-column characters is measured by
 * its length; only other text takes string-width's grapheme walk, which is slow enough to
 * dominate `list` over hundreds of banks when every cell takes it.
 */
export const textWidth = (text: string): number => (ONE_COLUMN_EACH.test(text) ? text.length : stringWidth(text));

/** True when every character of the text is one column wide (so its length is its width). */
export const isOneColumnText = (text: string): boolean => ONE_COLUMN_EACH.test(text);
