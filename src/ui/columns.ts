import { textWidth } from '../text/width.js';

/** Built on first use: ICU takes milliseconds to set one up, and most commands never cut text. */
let graphemes: Intl.Segmenter | undefined;

/** Plain text cut to `width` columns, ending in "…" when something was cut. */
export function truncate(text: string, width: number): string {
  if (textWidth(text) <= width) return text;
  if (width <= 1) return width === 1 ? '…' : '';
  let kept = '';
  let used = 0;
  for (const { segment } of (graphemes ??= new Intl.Segmenter()).segment(text)) {
    const w = textWidth(segment);
    if (used + w > width - 1) break;
    kept += segment;
    used += w;
  }
  return `${kept.trimEnd()}…`;
}

/** Plain text padded with spaces to `width` columns. */
export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - textWidth(text)));
}

/** Narrowest a column is cut to before the next one gives way too. */
const MIN_COLUMN = 8;

/**
 * The width of each column of a table that must fit in `width` columns, with `gap` spaces between
 * columns: each as wide as its widest cell. When that is too wide, column `shrink` gives way first
 * (down to a fifth of the width), then the others from the last one, then it again, then all
 * down to 1.
 */
export function fitColumns(rows: readonly (readonly string[])[], width: number, gap: number, shrink: number): number[] {
  const count = Math.max(0, ...rows.map((row) => row.length));
  const widths = Array.from({ length: count }, (_, i) => Math.max(0, ...rows.map((row) => textWidth(row[i] ?? ''))));
  let excess = widths.reduce((a, b) => a + b, 0) + gap * Math.max(0, count - 1) - width;
  const cutTo = (i: number, floor: number) => {
    if (excess <= 0 || i < 0 || i >= count) return;
    const cut = Math.min(excess, Math.max(0, widths[i]! - floor));
    widths[i] = widths[i]! - cut;
    excess -= cut;
  };
  cutTo(shrink, Math.max(MIN_COLUMN, Math.floor(width / 5)));
  for (const floor of [MIN_COLUMN, 1]) {
    for (let i = count - 1; i >= 0; i--) if (i !== shrink) cutTo(i, floor);
    cutTo(shrink, floor);
  }
  return widths;
}

/** One row of a table: each cell cut to its column and padded, the last one not padded. */
export function tableRow(cells: readonly string[], widths: readonly number[], gap: number): string {
  const last = cells.length - 1;
  return cells
    .map((cell, i) =>
      i === last ? truncate(cell, widths[i] ?? 0) : padEnd(truncate(cell, widths[i] ?? 0), widths[i] ?? 0),
    )
    .join(' '.repeat(gap))
    .trimEnd();
}
