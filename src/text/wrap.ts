import { wrapAnsi } from './deferred-packages.js';
import { isOneColumnText, textWidth } from './width.js';

/** Colour codes and spaces at the start of a line: its indentation. */
const LEADING = /^(?:\u001b\[[0-9;]*m| )+/;

export interface WrapOptions {
  /** Indentation of the continuation lines (list items); default: the line's own indentation. */
  hang?: number;
}

/**
 * Wraps text to `width` columns, line by line. A line broken at a space does not carry that space
 * to the start of the next line, and no line ends in spaces; an indented line (a code or context
 * block) keeps its indentation, and the lines it wraps to are indented the same way.
 */
export function wrapLines(text: string, width: number, options: WrapOptions = {}): string[] {
  if (text === '') return [];
  const columns = Math.max(20, width);
  // A tab would move the cursor further than its width counts; four spaces keep the layout.
  return text
    .replace(/\t/g, '    ')
    .split('\n')
    .flatMap((line) => wrapLine(line, columns, options.hang));
}

function wrapLine(line: string, width: number, hang: number | undefined): string[] {
  const lead = LEADING.exec(line)?.[0] ?? '';
  const codes = lead.replace(/ /g, '');
  const indent = Math.min(lead.length - codes.length, Math.floor(width / 2));
  const rest = codes + line.slice(lead.length);
  if (textWidth(rest.trimEnd()) === 0) return [''];
  // A list item's lines go on under its text, not under its marker. A hang, like an indentation,
  // takes at most half a narrow window: the rest is for the words.
  const wanted = hang ?? LIST_ITEM.exec(line)?.[0].length ?? indent;
  const next = Math.min(wanted, Math.floor(width / 2));
  if (textWidth(trimEndVisible(rest)) <= width - indent) return [`${' '.repeat(indent)}${trimEndVisible(rest)}`];
  // The first row fills the width after its own indentation; the rows after it, after the hang.
  const [first = '', ...others] = wrapRows(rest, Math.max(10, width - indent));
  const remainder = others.join(' ');
  const continued = remainder ? wrapRows(remainder, Math.max(10, width - next)) : [];
  return [`${' '.repeat(indent)}${first}`, ...continued.map((row) => `${' '.repeat(next)}${row}`)];
}

/**
 * Rows of at most `columns` columns, broken at spaces (words longer than a row are cut), as
 * wrap-ansi's `{hard: true, trim: true}` gives them. Plain one-column text with no word longer
 * than a row takes a plain greedy loop with the same result (checked against wrap-ansi in the
 * tests): wrap-ansi measures every word with string-width, which `list` over hundreds of banks
 * felt.
 */
export function wrapRows(line: string, columns: number): string[] {
  const words = line.split(' ');
  if (!isOneColumnText(line) || words.some((word) => word.length > columns))
    return wrapAnsi(line, columns, { hard: true, trim: true }).split('\n');
  const rows = [''];
  for (const [index, word] of words.entries()) {
    let row = rows[rows.length - 1]!.trimStart();
    if (index !== 0 && row.length > 0) row += ' ';
    if (row.length + word.length > columns && row.length > 0 && word.length > 0) {
      rows[rows.length - 1] = row;
      row = '';
      rows.push('');
    }
    rows[rows.length - 1] = row + word;
  }
  return rows.map((row) => row.replace(/ +$/, ''));
}

/** The line without the spaces at its end (colour codes after them are kept). */
function trimEndVisible(line: string): string {
  return line.replace(/(?: |\u001b\[[0-9;]*m)+$/, (tail) => tail.replace(/ /g, ''));
}

/**
 * A message for the terminal, wrapped to `width` columns at word boundaries; a newline it ends
 * with is kept (io.out takes whole lines).
 */
export function wrapMessage(text: string, width: number, options: WrapOptions = {}): string {
  const end = text.endsWith('\n') ? '\n' : '';
  return wrapLines(end ? text.slice(0, -1) : text, width, options).join('\n') + end;
}

/**
 * A list item's first line, its marker and the spaces after it: "- ", "* ", "• ", "1. ", "1) ",
 * "a) ", "(a) ", "(1) " or "(iv) ".
 */
const LIST_ITEM = /^\s*(?:[-*•]|\d+[.)]|[a-z]\)|\((?:[a-z]|\d{1,2}|[ivx]{1,4})\))\s+/;

/**
 * Text written in YAML with its own line breaks, as paragraphs: a single newline inside a
 * paragraph becomes a space. Blank lines, list items and indented lines (code, context) are kept,
 * except that a line indented to where a list item's text starts goes on that item:
 *   (a) real help toward serious harm - step-by-step methods, quantities, recipes or ways
 *       to obtain weapons;
 * is one item, as its author wrote it, not a line cut in the middle of a sentence.
 */
export function reflow(text: string): string {
  return joinLines(text, (prev, line) => {
    if (prev.trim() === '' || line.trim() === '') return false;
    const indent = line.length - line.trimStart().length;
    if (indent > 0) return LIST_ITEM.exec(prev)?.[0].length === indent;
    return !/^\s/.test(prev) && !LIST_ITEM.test(line);
  });
}

/** Joins each line to the one before it (with one space) where `joins` says it continues it. */
function joinLines(text: string, joins: (previous: string, line: string) => boolean): string {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const previous = out[out.length - 1];
    if (previous !== undefined && joins(previous, line)) out[out.length - 1] = `${previous.trimEnd()} ${line.trim()}`;
    else out.push(line);
  }
  return out.join('\n');
}

/**
 * A line that starts something of its own: a list item, a quote, a table row, a heading, anything
 * starting with a digit (a numbered step, a timestamp, a figure), a "Name: value" label or a
 * bracketed tag.
 */
const STARTS_ITS_OWN = /^(?:[-*•>|#\d]|[A-Z][\w ()'’-]{0,40}:(?:\s|$)|\[)/;
/** What code or a log looks like (a keyword, a call, a brace or semicolon at the end, an arrow). */
const CODE =
  /^(?:def |class |return |import |from |for |while |if |elif |else:|try:|except|function |const |let |var |\w+\()|[{};]$|=>/m;
/** Columns lined up with runs of spaces (a transcript, a log, a table). */
const ALIGNED = /\S {2,}\S/;
/** A line long enough to have been broken only because the author's editor wrapped it. */
const WRAPPED_LENGTH = 40;

/**
 * Bank text written as hard-wrapped paragraphs (a YAML block scalar typed at the author's width)
 * joined back into paragraphs, so a narrower window wraps it once, at its own width, instead of
 * breaking each of the author's lines again ("compared with / three / rivals"). Only plain prose
 * is joined: a text with an indented line or anything like code is left as written, and a line
 * that starts something of its own (a list item, a "Name: value" label, a timestamp) is never
 * joined to the one before it.
 */
export function reflowProse(text: string): string {
  const lines = text.split('\n');
  if (lines.some((line) => /^\s/.test(line) || ALIGNED.test(line)) || CODE.test(text)) return text;
  return joinLines(
    text,
    (previous, line) =>
      previous !== '' &&
      line !== '' &&
      !STARTS_ITS_OWN.test(line) &&
      previous.length >= WRAPPED_LENGTH &&
      (/^[a-z]/.test(line) || !/[.!?:;]["'”’)\]]?$/.test(previous)),
  );
}
