import { sanitize } from '../text/sanitize.js';

/** A problem found in a content file, with the position of the YAML node it is about. */
export interface Diagnostic {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  severity: 'error' | 'warning';
  /** A stable id: `yaml-syntax`, `schema`, `unknown-section`, ... */
  ruleId: string;
  /** The rule's id for this message (its key in the rule's `meta.messages`). */
  messageId?: string;
  message: string;
}

/**
 * `file:line:col  message`, the shape editors and terminals turn into links. Messages quote
 * values from the file (an unknown field name, a wrong answer), and shared files are untrusted,
 * so the line is made safe for a terminal here, where every caller passes.
 */
export function formatDiagnostic(d: Diagnostic, relativeTo?: (file: string) => string): string {
  const file = relativeTo ? relativeTo(d.file) : d.file;
  return sanitize(`${file}:${d.line}:${d.column}  ${d.message}`);
}
