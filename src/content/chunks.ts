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

/** Spaces at the start of a line; -1 for a blank (spaces and tabs) or comment-only line. */
function leadOf(line: string): number {
  let i = 0;
  while (line.charCodeAt(i) === SPACE) i++;
  if (line.charCodeAt(i) === HASH) return -1;
  // A hundred thousand lines in a big bank: a loop, not a regular expression per line.
  for (let j = i; j < line.length; j++) {
    const code = line.charCodeAt(j);
    if (code !== SPACE && code !== TAB) return i;
  }
  return -1;
}

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

/** The first line (1-based) that keeps a text from being cut into questions (1 when none does). */
export function firstLayoutBreak(source: string): number {
  const result = cutOrBreak(source);
  return 'breaksAt' in result ? result.breaksAt + 1 : 1;
}

/** The cut, or the index of the line that breaks the layout. */
function cutOrBreak(source: string): { cut: Cut } | { breaksAt: number } {
  let text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  if (text.includes('\r')) text = text.replace(/\r\n/g, '\n');
  const lines = text.split('\n');
  const firstLength = lines[0]!.length;
  if (DOCUMENT_START.test(lines[0]!)) lines[0] = '';
  // Offsets below count line 0 as it is now; items (never on line 0) are cut from `text` this much further on.
  const shift = firstLength - lines[0]!.length;
  let odd = lines.findIndex((line) => line.charCodeAt(0) === TAB);
  const cr = text.indexOf('\r');
  if (cr !== -1) {
    let crLine = 0;
    for (let at = text.indexOf('\n'); at !== -1 && at < cr; at = text.indexOf('\n', at + 1)) crLine++;
    odd = odd === -1 ? crLine : Math.min(odd, crLine);
  }
  if (odd !== -1) return { breaksAt: odd };
  const leads = lines.map(leadOf);
  const start = lines.findIndex((line, i) => leads[i] === 0 && QUESTIONS.test(line));
  if (start === -1) return { breaksAt: 0 };
  // Every other top-level line is a key (no document markers, directives or flow at column 0),
  // but for the items of a list at column 0, which run to the next key.
  let inList = false;
  for (const [i, lead] of leads.entries()) {
    if (lead !== 0) continue;
    const line = lines[i]!;
    if (i === start) inList = true;
    else if (TOP_KEY.test(line)) inList = false;
    else if (!(inList && line.startsWith('- '))) return { breaksAt: i };
  }
  const first = leads.findIndex((lead, i) => i > start && lead !== -1);
  if (first === -1) return { breaksAt: start };
  const indent = leads[first]!;
  const marker = `${' '.repeat(indent)}- `;
  if (!lines[first]!.startsWith(marker)) return { breaksAt: first };
  const items: Item[] = [];
  let end = lines.length;
  let endOffset = 0;
  let from = first;
  let at = 0;
  let fromOffset = 0;
  // An item's text is its lines as they are in `text` (a slice, not its lines joined again).
  const linesOf = (start: number, next?: number) =>
    text.slice(start + shift, next === undefined ? undefined : next + shift - 1);
  for (let i = 0; i < lines.length; i++) {
    const lineAt = at;
    at += lines[i]!.length + 1;
    if (i < first) continue;
    if (i === first) fromOffset = lineAt;
    const lead = leads[i]!;
    if (lead === -1 || lead > indent) continue; // blank, a comment, or inside the current item
    if (lead === indent && lines[i]!.startsWith(marker)) {
      if (i > first) items.push({ text: linesOf(fromOffset, lineAt), offset: fromOffset, line: from + 1 });
      from = i;
      fromOffset = lineAt;
      continue;
    }
    // Left of the items, or at their indentation but not an item: only a top-level key may follow.
    if (lead !== 0) return { breaksAt: i };
    end = i;
    endOffset = lineAt;
    break;
  }
  items.push({
    text: linesOf(fromOffset, end === lines.length ? undefined : endOffset),
    offset: fromOffset,
    line: from + 1,
  });
  const rest = [...lines.slice(0, start + 1), ...lines.slice(end)].join('\n');
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
