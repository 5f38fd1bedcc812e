import type { Diagnostic } from '../content/diagnostic.js';

/** `# qualify-lint-disable-next-line rule-a, rule-b` or, at the end of a line, `# qualify-lint-disable-line rule-a`. */
const DIRECTIVE = /(?:^|\s)#\s*qualify-lint-disable-(next-line|line)\b([^\n]*)$/;

export interface DisableDirective {
  file: string;
  /** Where the comment is (for reporting an unused one). */
  line: number;
  column: number;
  /** The line whose warnings it silences. */
  target: number;
  /** Rule ids; empty means every rule. */
  ruleIds: string[];
  used: boolean;
}

/** The disable comments of one file's source. A `#` inside quoted text is no YAML comment, but that is rare here. */
export function findDirectives(file: string, source: string): DisableDirective[] {
  const directives: DisableDirective[] = [];
  source.split(/\r?\n/).forEach((text, index) => {
    const match = DIRECTIVE.exec(text);
    if (!match) return;
    const line = index + 1;
    const column = text.indexOf('#', match.index) + 1;
    // Anything after ` -- ` is a reason for the reader, as in ESLint.
    const list = match[2]!.split(/\s--\s/)[0]!;
    const ruleIds = list.split(/[\s,]+/).filter(Boolean);
    directives.push({ file, line, column, target: match[1] === 'next-line' ? line + 1 : line, ruleIds, used: false });
  });
  return directives;
}

/**
 * Drops the warnings a disable comment covers and marks the comment used. Errors are never
 * silenced: a file with an error is refused by every command, so hiding it from lint would only
 * move the surprise to exam time.
 */
export function applyDirectives(
  problems: readonly Diagnostic[],
  directives: readonly DisableDirective[],
): Diagnostic[] {
  return problems.filter((problem) => {
    if (problem.severity === 'error') return true;
    const directive = directives.find(
      (d) =>
        d.file === problem.file &&
        d.target === problem.line &&
        (d.ruleIds.length === 0 || d.ruleIds.includes(problem.ruleId)),
    );
    if (!directive) return true;
    directive.used = true;
    return false;
  });
}
