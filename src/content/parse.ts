import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node, type Pair } from 'yaml';
import type { Diagnostic } from './diagnostic.js';

/** A parsed YAML file that keeps the source positions of its nodes. */
export interface ParsedFile {
  file: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** The plain JavaScript value; undefined when the file had syntax errors. */
  value: unknown;
  /** The text as read (lint reads its `# qualify-lint-disable` comments). */
  source: string;
  diagnostics: Diagnostic[];
}

export type PathSegment = string | number;

/** Plain-language versions of the yaml library's error codes, for beginners. */
const SYNTAX_MESSAGES: Record<string, string> = {
  DUPLICATE_KEY: 'this key appears twice in the same mapping; keep only one',
  TAB_AS_INDENT: 'a tab is used for indentation; YAML needs spaces',
  BAD_INDENT: 'the indentation here does not line up with the lines around it',
  MISSING_CHAR: 'a closing quote or bracket is missing',
  MULTILINE_IMPLICIT_KEY: 'a key cannot span several lines; is a colon or quote missing on the line before?',
  BLOCK_AS_IMPLICIT_KEY: 'a key cannot span several lines; is a colon or quote missing on the line before?',
  UNEXPECTED_TOKEN: 'unexpected text here; check quotes, colons and indentation',
  BAD_ALIAS: 'this alias (*name) does not refer to an anchor (&name) defined earlier',
  ALIAS_PROPS: 'an alias cannot carry a tag or anchor',
  BAD_SCALAR_START: 'a plain value cannot start with this character; put the value in quotes',
  MULTIPLE_DOCS: 'a content file holds one YAML document; remove the extra `---` part',
  TAG_RESOLVE_FAILED: 'unknown tag; shared content may not use custom YAML tags',
};

/** Limits what a hostile file can make the parser do (alias bombs). */
const MAX_ALIAS_COUNT = 50;

/**
 * Parses one YAML file. Syntax errors are returned as diagnostics, never thrown.
 */
export function parseYaml(file: string, source: string): ParsedFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  const diagnostics: Diagnostic[] = [];
  // Unknown tags are only warnings to the yaml library; for shared content they are errors.
  const found = [...doc.errors, ...doc.warnings.filter((w) => w.code === 'TAG_RESOLVE_FAILED')];
  // A tab used for indentation throws the parser off for the rest of the block; what it reports
  // after one is confusion, not more problems, so the tabs alone are shown.
  const tabs = found.filter((e) => e.code === 'TAB_AS_INDENT');
  const problems = tabs.length ? tabs : found;
  for (const error of problems) {
    const unclosed = error.code === 'MISSING_CHAR' ? unclosedQuoteStart(doc, error.pos[0]) : undefined;
    if (unclosed !== undefined) {
      const { line, col } = lineCounter.linePos(unclosed);
      diagnostics.push({ file, line, column: col, severity: 'error', ruleId: 'yaml-syntax', message: 'YAML syntax: this quoted text is never closed; add the closing quote' });
      continue;
    }
    const { line, col } = lineCounter.linePos(error.pos[0]);
    // The first error on a line is the cause (a tab, a missing quote); the parser's later ones on
    // the same line are its confusion about what follows, and only bury the real problem.
    if (diagnostics.some((d) => d.line === line)) continue;
    const friendly = SYNTAX_MESSAGES[error.code];
    const original = error.message.split('\n')[0] ?? error.message;
    diagnostics.push({
      file,
      line,
      column: col,
      severity: 'error',
      ruleId: 'yaml-syntax',
      message: friendly ? `YAML syntax: ${friendly}` : `YAML syntax: ${original}`,
    });
  }
  let value: unknown;
  if (diagnostics.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      diagnostics.push({
        file,
        line: 1,
        column: 1,
        severity: 'error',
        ruleId: 'yaml-syntax',
        message: `YAML: ${(error as Error).message}`,
      });
    }
  }
  return { file, doc, lineCounter, value, source, diagnostics };
}

/**
 * The yaml library notices a missing closing quote only where the file ends; the useful place
 * to point at is where the quoted text starts.
 */
function unclosedQuoteStart(doc: Document.Parsed, errorOffset: number): number | undefined {
  let start: number | undefined;
  visit(doc, {
    Scalar(_key, node) {
      const quoted = isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE');
      if (quoted && node.range && node.range[0] < errorOffset && node.range[1] >= errorOffset - 1) start = node.range[0];
    },
  });
  return start;
}

function pairNamed(node: unknown, key: PathSegment): Pair<Node, Node> | undefined {
  if (!isMap(node)) return undefined;
  return node.items.find((pair) => {
    const k = pair.key as { value?: unknown } | null;
    return k !== null && typeof k === 'object' && String(k.value) === String(key);
  }) as Pair<Node, Node> | undefined;
}

function child(node: unknown, key: PathSegment): Node | undefined {
  if (isSeq(node) && typeof key === 'number') return node.items[key] as Node | undefined;
  return pairNamed(node, key)?.value ?? undefined;
}

/**
 * The 1-based line and column of the node at `path`. With `at: 'key'` the position of the
 * mapping key is given (for "unknown field" problems). A path that runs out of the document falls
 * back to the deepest node that exists, so every diagnostic still has a position.
 */
export function positionOf(
  parsed: Pick<ParsedFile, 'doc' | 'lineCounter'>,
  path: readonly PathSegment[],
  at: 'value' | 'key' = 'value',
): { line: number; column: number } {
  let node: unknown = parsed.doc.contents;
  let offset = (node as Node | null)?.range?.[0] ?? 0;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    const last = i === path.length - 1;
    if (last && at === 'key') {
      const pair = pairNamed(node, segment);
      const keyNode = pair?.key as Node | undefined;
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
