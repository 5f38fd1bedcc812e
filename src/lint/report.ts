import type { Diagnostic } from '../content/diagnostic.js';
import type { LoadedFile } from '../content/load.js';
import { positionOf, type PathSegment } from '../content/parse.js';
import { describePath } from '../content/where.js';
import type { Severity } from './types.js';

/**
 * A problem on the YAML node at `path` of a loaded file, prefixed with where that is in words
 * (`question "se-004" › options[1].text: ...`), like the loader's own diagnostics.
 */
export function problemAt(
  loaded: LoadedFile,
  path: readonly PathSegment[],
  ruleId: string,
  severity: Severity,
  message: string,
  at: 'value' | 'key' = 'value',
): Diagnostic {
  const parsed = loaded.parsed!;
  const { line, column } = positionOf(parsed, path, at);
  const place = describePath(parsed.value, at === 'key' ? path.slice(0, -1) : path);
  return { file: loaded.file, line, column, severity, ruleId, message: place ? `${place}: ${message}` : message };
}

/** A loader diagnostic pass-through: the rule's problems are the loader's with its id. */
export function loaderProblems(all: readonly Diagnostic[], ruleId: string): Diagnostic[] {
  return all.filter((d) => d.ruleId === ruleId);
}
