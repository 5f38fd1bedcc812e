import { createRequire } from 'node:module';
import type { Document, LineCounter, Node, Pair } from 'yaml';
import { formatMessage } from '../text/format-message.js';
import type { Diagnostic } from './diagnostic.js';
import { YAML_SYNTAX_MESSAGES, type YamlSyntaxMessageId } from './file-messages.js';

/**
 * The YAML library, loaded the first time a file is parsed: a command answered from the content
 * index (list, or an exam on unchanged files read from the cache) never loads it.
 */
let yamlModule: typeof import('yaml') | undefined;
const yaml = () => (yamlModule ??= createRequire(import.meta.url)('yaml') as typeof import('yaml'));

/** A parsed YAML file that keeps the source positions of its nodes. */
export interface ParsedFile {
  file: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** The plain JavaScript value; undefined when the file had syntax errors. */
  value: unknown;
  /** The text as read (lint reads its `# qualify-lint-disable` comments). */
  source: string;
  /** What the parser found wrong, by message id of the `yaml-syntax` rule (which reports them for content). */
  syntaxProblems: SyntaxProblem[];
  /** The same problems as diagnostics, for YAML that is not content (answers files). */
  diagnostics: Diagnostic[];
  /**
   * Finds a place without `doc` (a file read from the cache, which parses only the question
   * the place is in); when absent, `positionOf` walks `doc`.
   */
  locate?: (path: readonly PathSegment[], at: 'value' | 'key') => { line: number; column: number };
}

export interface SyntaxProblem {
  line: number;
  column: number;
  messageId: YamlSyntaxMessageId;
  data?: Record<string, string>;
}

export type PathSegment = string | number;

const MESSAGES = YAML_SYNTAX_MESSAGES;
/** A yaml library error code with a plain-language message of its own. */
const hasMessage = (code: string): code is YamlSyntaxMessageId =>
  /^[A-Z_]+$/.test(code) && Object.hasOwn(MESSAGES, code);

/** Limits what a hostile file can make the parser do (alias bombs). */
const MAX_ALIAS_COUNT = 50;

/**
 * No real guideline, bank or answers file nests more than a handful of levels; a hostile one
 * nested thousands deep would exhaust the stack of every recursive step after parsing.
 */
export const MAX_NESTING_DEPTH = 64;

/**
 * Files larger than this are refused before they are read: the largest shipped bank is under
 * 100 KB, and parsing tens of megabytes of YAML takes minutes and gigabytes.
 */
export const MAX_CONTENT_BYTES = 4 * 1024 * 1024;

/**
 * A bank may be larger, up to this, when it can be read one question at a time (see
 * content/chunks.ts): each question is parsed alone, so no parse ever holds more than one
 * question, and a bank over MAX_CONTENT_BYTES is never parsed whole.
 */
export const MAX_BANK_BYTES = 64 * 1024 * 1024;

const tooDeep = { messageId: 'tooDeep', data: { depth: String(MAX_NESTING_DEPTH) } } as const;

/**
 * Parses one YAML file. Syntax errors are returned as diagnostics, never thrown.
 */
export function parseYaml(file: string, source: string): ParsedFile {
  const lineCounter = new (yaml().LineCounter)();
  const problems: SyntaxProblem[] = [];
  const at = (offset: number, problem: Pick<SyntaxProblem, 'messageId' | 'data'>): SyntaxProblem => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col, ...problem };
  };
  const done = (doc: Document.Parsed, value: unknown): ParsedFile => ({
    file,
    doc,
    lineCounter,
    value,
    source,
    syntaxProblems: problems,
    diagnostics: problems.map((p) => ({
      file,
      line: p.line,
      column: p.column,
      severity: 'error',
      ruleId: 'yaml-syntax',
      messageId: p.messageId,
      message: formatMessage(MESSAGES[p.messageId], p.data),
    })),
  });
  // A flow collection nested thousands deep overflows the parser's own stack: refuse it first.
  const deepFlow = tooDeepFlowOffset(source);
  let doc: Document.Parsed;
  try {
    if (deepFlow !== undefined) throw new RangeError('too deep');
    doc = yaml().parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    // The parser was cut short (or never ran), so its line count is partial: count them here.
    scanLines(lineCounter, source);
    doc = yaml().parseDocument('', { lineCounter: new (yaml().LineCounter)() });
    problems.push(at(deepFlow ?? deepestIndentOffset(source), tooDeep));
    return done(doc, undefined);
  }
  // Unknown tags are only warnings to the yaml library; for shared content they are errors.
  const found = [...doc.errors, ...doc.warnings.filter((w) => w.code === 'TAG_RESOLVE_FAILED')];
  // A tab used for indentation throws the parser off for the rest of the block; what it reports
  // after one is confusion, not more problems, so the tabs alone are shown.
  const tabs = found.filter((e) => e.code === 'TAB_AS_INDENT');
  for (const error of tabs.length ? tabs : found) {
    if (/call stack/i.test(error.message)) {
      problems.push(at(deepestIndentOffset(source), tooDeep));
      break;
    }
    const unclosed = error.code === 'MISSING_CHAR' ? unclosedQuoteStart(doc, error.pos[0]) : undefined;
    if (unclosed !== undefined) {
      problems.push(at(unclosed, { messageId: 'unclosedQuote' }));
      continue;
    }
    const flow = error.code === 'BAD_INDENT' ? unclosedFlowStart(doc, source, error.pos[0]) : undefined;
    if (flow) {
      const { offset, ...data } = flow;
      problems.push(at(offset, { messageId: 'unclosedBracket', data }));
      // What the parser says about the lines after it is its confusion about where the list ends.
      break;
    }
    const { line } = lineCounter.linePos(error.pos[0]);
    // The first error on a line is the cause (a tab, a missing quote); the parser's later ones on
    // the same line are its confusion about what follows, and only bury the real problem.
    if (problems.some((d) => d.line === line)) continue;
    const original = error.message.split('\n')[0] ?? error.message;
    problems.push(
      at(
        error.pos[0],
        hasMessage(error.code) ? { messageId: error.code } : { messageId: 'other', data: { message: original } },
      ),
    );
  }
  if (problems.length === 0) {
    const deep = tooDeepNodeOffset(doc);
    if (deep !== undefined) problems.push(at(deep, tooDeep));
  }
  let value: unknown;
  if (problems.length === 0) {
    const aliasProblem = aliasBeforeAnchor(doc);
    if (aliasProblem)
      problems.push(at(aliasProblem.offset, { messageId: 'aliasBeforeAnchor', data: { name: aliasProblem.name } }));
  }
  if (problems.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      // An alias bomb: point at the first alias, where the expansion starts.
      problems.push(
        at(firstAliasOffset(doc) ?? 0, { messageId: 'aliasExpansion', data: { message: (error as Error).message } }),
      );
    }
  }
  return done(doc, value);
}

function scanLines(lineCounter: LineCounter, source: string): void {
  lineCounter.lineStarts.length = 0;
  lineCounter.addNewLine(0);
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
}

/** Where flow brackets (`[`, `{`) first nest deeper than the cap, outside quotes and comments. */
function tooDeepFlowOffset(source: string): number | undefined {
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (quote) {
      if (ch === '\\' && quote === '"') i++;
      else if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '#' && (i === 0 || /\s/.test(source[i - 1]!))) {
      const end = source.indexOf('\n', i);
      if (end === -1) break;
      i = end;
    } else if (ch === '[' || ch === '{') {
      if (++depth > MAX_NESTING_DEPTH) return i;
    } else if ((ch === ']' || ch === '}') && depth > 0) depth--;
  }
  return undefined;
}

/**
 * Where a block nested too deep (which the parser could not finish) gets too deep: the first line
 * indented further than the cap (each level needs a column), else the most indented line.
 */
function deepestIndentOffset(source: string): number {
  let best = 0;
  let bestIndent = -1;
  let lineStart = 0;
  while (lineStart < source.length) {
    let i = lineStart;
    while (source[i] === ' ' || source[i] === '-') i++;
    if (i - lineStart > MAX_NESTING_DEPTH) return i;
    if (i - lineStart > bestIndent) {
      bestIndent = i - lineStart;
      best = i;
    }
    const next = source.indexOf('\n', lineStart);
    if (next === -1) break;
    lineStart = next + 1;
  }
  return best;
}

/** The first node nested deeper than the cap, found without recursion. */
function tooDeepNodeOffset(doc: Document.Parsed): number | undefined {
  const stack: { node: unknown; depth: number }[] = [{ node: doc.contents, depth: 0 }];
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    if (!yaml().isCollection(node)) continue;
    if (depth >= MAX_NESTING_DEPTH) return node.range?.[0] ?? 0;
    for (const item of node.items as unknown[]) {
      if (yaml().isPair(item)) {
        stack.push({ node: item.key, depth: depth + 1 }, { node: item.value, depth: depth + 1 });
      } else stack.push({ node: item, depth: depth + 1 });
    }
  }
  return undefined;
}

/**
 * An alias whose anchor is not defined earlier in the file (the yaml library reports it at 1:1).
 * Walked with a stack in document order rather than with `visit`, which builds a path for every
 * node and took over a second on a 10,000-question bank.
 */
function aliasBeforeAnchor(doc: Document.Parsed): { offset: number; name: string } | undefined {
  const anchors = new Set<string>();
  const stack: unknown[] = [doc.contents];
  while (stack.length) {
    const node = stack.pop();
    if (yaml().isPair(node)) {
      stack.push(node.value, node.key);
      continue;
    }
    if (!yaml().isNode(node)) continue;
    if (yaml().isAlias(node)) {
      if (!anchors.has(node.source)) return { offset: node.range?.[0] ?? 0, name: node.source };
      continue;
    }
    if (node.anchor) anchors.add(node.anchor);
    if (yaml().isCollection(node)) for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
  }
  return undefined;
}

function firstAliasOffset(doc: Document.Parsed): number | undefined {
  let offset: number | undefined;
  yaml().visit(doc, {
    Alias(_key, node) {
      offset = node.range?.[0];
      return yaml().visit.BREAK;
    },
  });
  return offset;
}

/**
 * The yaml library notices a missing closing quote only where the file ends; the useful place
 * to point at is where the quoted text starts.
 */
function unclosedQuoteStart(doc: Document.Parsed, errorOffset: number): number | undefined {
  let start: number | undefined;
  yaml().visit(doc, {
    Scalar(_key, node) {
      const quoted = yaml().isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE');
      if (quoted && node.range && node.range[0] < errorOffset && node.range[1] >= errorOffset - 1)
        start = node.range[0];
    },
  });
  return start;
}

/**
 * A `[` or `{` list never closed: the yaml library complains about the indentation of the line
 * after it, but the fix is the missing `]` or `}` where the list opens. A list that is closed
 * further on, only with a line indented too little, gets the library's indentation message.
 */
function unclosedFlowStart(
  doc: Document.Parsed,
  source: string,
  errorOffset: number,
): { offset: number; open: string; close: string; what: string } | undefined {
  let found: { offset: number; open: string; close: string; what: string } | undefined;
  // The innermost list around the place the parser gave up whose bracket is never closed.
  const check = (node: { flow?: boolean; range?: [number, number, number] | null }, close: string, what: string) => {
    if (!node.flow || !node.range) return;
    const [start, end] = node.range;
    if (start < errorOffset && end >= errorOffset && !closedLater(source, start))
      found = { offset: start, open: source[start] ?? '', close, what };
  };
  yaml().visit(doc, {
    Seq: (_key, node) => check(node, ']', 'list'),
    Map: (_key, node) => check(node, '}', 'mapping'),
  });
  return found;
}

/**
 * Whether the `[` or `{` at `start` has its closing bracket anywhere after it, read as flow YAML:
 * brackets nest, quoted text (a quote that starts a value) and comments hide brackets.
 */
function closedLater(source: string, start: number): boolean {
  const closing: string[] = [];
  let previous = '';
  for (let at = start; at < source.length; at++) {
    const char = source[at]!;
    if (char === '[' || char === '{') closing.push(char === '[' ? ']' : '}');
    else if (char === ']' || char === '}') {
      if (closing.pop() !== char) return false;
      if (closing.length === 0) return true;
    } else if ((char === '"' || char === "'") && '[{,:'.includes(previous)) {
      const end = char === '"' ? /(?:[^"\\]|\\[^])*"/y : /(?:[^']|'')*'/y;
      end.lastIndex = at + 1;
      if (!end.test(source)) return false;
      at = end.lastIndex - 1;
    } else if (char === '#' && /\s/.test(source[at - 1] ?? '')) {
      const newline = source.indexOf('\n', at);
      if (newline < 0) return false;
      at = newline;
    }
    if (!/\s/.test(char)) previous = char === '"' || char === "'" ? 'x' : char;
  }
  return false;
}

function pairNamed(node: unknown, key: PathSegment): Pair<Node, Node> | undefined {
  if (!yaml().isMap(node)) return undefined;
  return node.items.find((pair) => {
    const k = pair.key as { value?: unknown } | null;
    return k !== null && typeof k === 'object' && String(k.value) === String(key);
  }) as Pair<Node, Node> | undefined;
}

function child(node: unknown, key: PathSegment): Node | undefined {
  if (yaml().isSeq(node) && typeof key === 'number') return node.items[key] as Node | undefined;
  return pairNamed(node, key)?.value ?? undefined;
}

/**
 * The 1-based line and column of the node at `path`. With `at: 'key'` the position of the
 * mapping key is given (for "unknown field" problems). A path that runs out of the document falls
 * back to the deepest node that exists, so every diagnostic still has a position.
 */
export function positionOf(
  parsed: Pick<ParsedFile, 'doc' | 'lineCounter' | 'locate'>,
  path: readonly PathSegment[],
  at: 'value' | 'key' = 'value',
): { line: number; column: number } {
  if (parsed.locate) return parsed.locate(path, at);
  let node: unknown = parsed.doc.contents;
  let offset = (node as Node | null)?.range?.[0] ?? 0;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    const last = i === path.length - 1;
    if (last && at === 'key') {
      const pair = pairNamed(node, segment);
      const keyNode = pair?.key;
      if (keyNode?.range) offset = keyNode.range[0];
      break;
    }
    const next = child(node, segment);
    if (!next?.range) break;
    node = next;
    offset = next.range[0];
  }
  const { line, col } = parsed.lineCounter.linePos(offset);
  return { line, column: col };
}
