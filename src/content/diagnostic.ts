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
  message: string;
}

/** `file:line:col  message`, the shape editors and terminals turn into links. */
export function formatDiagnostic(d: Diagnostic, relativeTo?: (file: string) => string): string {
  const file = relativeTo ? relativeTo(d.file) : d.file;
  return `${file}:${d.line}:${d.column}  ${d.message}`;
}
