import { parseYaml, positionOf, type ParsedFile, type PathSegment } from './parse.js';

/*
 * A bank is mostly its `questions:` list, and an author editing a big bank changes one or two
 * questions at a time. Parsing YAML with source positions is slow (a 4 MB bank takes seconds),
 * so a changed bank is read question by question: each item of the list is cut out of the text
 * by its lines, and an item whose exact text was read before (in the file's last good version)
 * takes the value it had then; only new or edited items are parsed, alone.
 *
 * Cutting by lines is safe because it is checked, never trusted:
 *  - only a plain block layout is cut (top-level keys at column 0, items starting "- " at one
 *    indentation, everything inside an item indented further); anything else is read whole;
 *  - the values remembered for item texts come from a whole-file parse whose items began on
 *    exactly the lines the cut found (`itemValues`), or from an earlier cut read that way;
 *  - an item or the rest of the file that does not parse alone (an alias to an anchor in another
 *    item, a tag directive, a syntax error) makes the whole file be parsed as usual, so every
 *    problem is still reported by the one parser, with its own line and column.
 */

/** One item of the questions list: its text (whole lines) and where it starts. */
interface Item {
  text: string;
  /** Offset of the item's first line in the file. */
  offset: number;
  /** Where `text` starts in the file's text as `normalizedText` gives it. */
  start: number;
  /** Its first line's number in the file (1-based). */
  line: number;
}

export interface Cut {
  /** The file without the items: the other top-level keys, with `questions:` left empty. */
  rest: string;
  items: Item[];
  /** Lines (1-based) of `questions:` and of the first line after the list; rest's later lines come from there. */
  questionsLine: number;
  afterLine: number;
}

const TOP_KEY = /^[A-Za-z_][\w-]*:(?:\s|$)/;
const QUESTIONS = /^questions:[ \t]*(?:#.*)?$/;
const DOCUMENT_START = /^---[ \t]*(?:#.*)?$/;
const SPACE = 32;
const TAB = 9;
const HASH = 35;

/**
 * Cuts a bank's text into its questions (undefined when the layout is not the plain block one).
 * What YAML itself reads alike is cut alike, keeping every line where it is: a byte-order mark,
 * CRLF line ends, a `---` on the first line, and items at column 0 under `questions:` (as
 * PyYAML writes them). A line that starts with a tab is not cut: tabs never indent YAML.
 */
export function cutQuestions(source: string): Cut | undefined {
  const result = cutOrBreak(source);
  return 'cut' in result ? result.cut : undefined;
}

/** A file's text as it is cut: without a byte-order mark, with LF line ends. */
export function normalizedText(source: string): string {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  return text.includes('\r') ? text.replace(/\r\n/g, '\n') : text;
}

/** The first line (1-based) that keeps a text from being cut into questions (1 when none does). */
export function firstLayoutBreak(source: string): number {
  const result = cutOrBreak(source);
  return 'breaksAt' in result ? result.breaksAt + 1 : 1;
}

/** The cut, or the index of the line that breaks the layout. */
function cutOrBreak(source: string): { cut: Cut } | { breaksAt: number } {
  const text = normalizedText(source);
  // Lines are found by their offsets, not split into strings: a big bank has a hundred thousand,
  // and as strings they cost more in garbage collection than everything else here. The loops
  // are plain for the same reason: they run once per process, before any of this is optimized.
  const starts: number[] = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  const count = starts.length;
  const endOf = (i: number) => (i + 1 < count ? starts[i + 1]! - 1 : text.length);
  const lineOf = (offset: number) => {
    let low = 0;
    for (let high = count - 1; low < high;) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  };
  const line = (i: number) => text.slice(starts[i], endOf(i));
  // A first line of `---` reads as an empty line; offsets (`Item.offset`) count it as one.
  const documentStart = DOCUMENT_START.test(line(0));
  const shift = documentStart ? endOf(0) : 0;
  let odd = -1;
  const tab = text.charCodeAt(0) === TAB ? 0 : text.indexOf('\n\t');
  if (tab !== -1) odd = lineOf(tab === 0 ? 0 : tab + 1);
  const cr = text.indexOf('\r');
  if (cr !== -1) odd = odd === -1 ? lineOf(cr) : Math.min(odd, lineOf(cr));
  if (odd !== -1) return { breaksAt: odd };
  // Spaces at the start of each line; -1 for a blank (spaces and tabs) or comment-only line.
  const leads = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const lineEnd = endOf(i);
    let at = starts[i]!;
    while (at < lineEnd && text.charCodeAt(at) === SPACE) at++;
    let rest = at;
    while (rest < lineEnd && (text.charCodeAt(rest) === SPACE || text.charCodeAt(rest) === TAB)) rest++;
    leads[i] = (i === 0 && documentStart) || rest === lineEnd || text.charCodeAt(at) === HASH ? -1 : at - starts[i]!;
  }
  let start = -1;
  for (let i = 0; i < count; i++)
    if (leads[i] === 0 && QUESTIONS.test(line(i))) {
      start = i;
      break;
    }
  if (start === -1) return { breaksAt: 0 };
  // Every other top-level line is a key (no document markers, directives or flow at column 0),
  // but for the items of a list at column 0, which run to the next key.
  let inList = false;
  for (let i = 0; i < count; i++) {
    if (leads[i] !== 0) continue;
    if (i === start) inList = true;
    else if (TOP_KEY.test(line(i))) inList = false;
    else if (!(inList && text.startsWith('- ', starts[i]))) return { breaksAt: i };
  }
  let first = -1;
  for (let i = start + 1; i < count; i++)
    if (leads[i] !== -1) {
      first = i;
      break;
    }
  if (first === -1) return { breaksAt: start };
  const indent = leads[first]!;
  const marker = `${' '.repeat(indent)}- `;
  if (!text.startsWith(marker, starts[first])) return { breaksAt: first };
  const items: Item[] = [];
  const item = (from: number, next: number) => ({
    // Its lines as they are in `text`, without the line end after the last.
    text: text.slice(starts[from], next < count ? starts[next]! - 1 : text.length),
    offset: starts[from]! - shift,
    start: starts[from]!,
    line: from + 1,
  });
  let end = count;
  let from = first;
  for (let i = first + 1; i < count; i++) {
    const lead = leads[i]!;
    if (lead === -1 || lead > indent) continue; // blank, a comment, or inside the current item
    if (lead === indent && text.startsWith(marker, starts[i])) {
      items.push(item(from, i));
      from = i;
      continue;
    }
    // Left of the items, or at their indentation but not an item: only a top-level key may follow.
    if (lead !== 0) return { breaksAt: i };
    end = i;
    break;
  }
  items.push(item(from, end));
  // The lines up to `questions:` (the first as it reads) and from the first after the list.
  const head = (documentStart ? '' : line(0)) + text.slice(endOf(0), endOf(start));
  const rest = end < count ? `${head}\n${text.slice(starts[end])}` : head;
  return { cut: { rest, items, questionsLine: start + 1, afterLine: end + 1 } };
}

/**
 * The value of each item text, from a whole-file parse: kept only when the parser's questions
 * began on exactly the lines the cut found, so each text is known to mean that value.
 */
export function itemValues(parsed: ParsedFile, cut: Cut): Map<string, unknown> | undefined {
  const questions = (parsed.value as { questions?: unknown } | undefined)?.questions;
  if (!Array.isArray(questions) || questions.length !== cut.items.length) return undefined;
  const node = parsed.doc.get('questions', true) as { items?: { range?: [number, number, number] }[] } | undefined;
  const starts = node?.items?.map((item) => item.range?.[0]);
  if (!starts || starts.length !== cut.items.length) return undefined;
  const values = new Map<string, unknown>();
  for (const [i, item] of cut.items.entries()) {
    // The item's node starts after its "- " marker, on the item's first line.
    const markerAt = item.offset + item.text.indexOf('- ');
    if (starts[i] !== markerAt + 2) return undefined;
    values.set(item.text, questions[i]);
  }
  return values;
}

/**
 * The bank's value from its cut: known items from `known`, the others parsed alone. Undefined
 * when anything does not parse cleanly alone (then the file is parsed whole).
 */
export function valueFromCut(
  file: string,
  cut: Cut,
  known: ReadonlyMap<string, unknown>,
): { value: Record<string, unknown>; values: Map<string, unknown> } | undefined {
  const rest = parseYaml(file, cut.rest);
  const head = rest.value as Record<string, unknown> | null;
  if (rest.syntaxProblems.length || head === null || typeof head !== 'object' || Array.isArray(head)) return undefined;
  if (!Object.hasOwn(head, 'questions') || head.questions !== null) return undefined;
  const values = new Map<string, unknown>();
  const questions: unknown[] = [];
  for (const item of cut.items) {
    const key = item.text;
    let value = values.has(key) ? values.get(key) : known.get(key);
    if (value === undefined) {
      const alone = parseYaml(file, item.text);
      if (alone.syntaxProblems.length || !Array.isArray(alone.value) || alone.value.length !== 1) return undefined;
      value = alone.value[0] as unknown;
    }
    // Two identical items share nothing: each question is its own object, as a whole parse gives.
    questions.push(values.has(key) ? structuredClone(value) : value);
    values.set(key, value);
  }
  return { value: { ...head, questions }, values };
}

/**
 * Where a place in the file is, found by parsing only the part it is in: the question for a
 * place inside one, else the file without its questions (whose lines after `questions:` are
 * moved back to where they are in the file). Undefined where only a whole parse can tell
 * (the list itself, a question the cut does not have, a part that does not parse alone).
 */
export function locateInCut(
  file: string,
  cut: Cut,
  path: readonly PathSegment[],
  at: 'value' | 'key',
): { line: number; column: number } | undefined {
  // A list item has no key: positionOf gives its list's place, which may lie in another part.
  if (at === 'key' && typeof path[path.length - 1] === 'number') return undefined;
  if (path[0] === 'questions' && (path.length > 1 || at === 'value')) {
    const item = typeof path[1] === 'number' ? cut.items[path[1]] : undefined;
    if (!item) return undefined;
    const alone = parseYaml(file, item.text);
    if (alone.syntaxProblems.length) return undefined;
    const { line, column } = positionOf(alone, [0, ...path.slice(2)], at);
    return { line: item.line + line - 1, column };
  }
  const rest = parseYaml(file, cut.rest);
  if (rest.syntaxProblems.length) return undefined;
  const { line, column } = positionOf(rest, path, at);
  return { line: lineInFile(cut, line), column };
}

/** Where a line of the file without its questions (`rest`) is in the file. */
export function lineInFile(cut: Cut, restLine: number): number {
  return restLine <= cut.questionsLine ? restLine : cut.afterLine + (restLine - cut.questionsLine - 1);
}
