import type { LintResult } from '../index.js';

export interface FormatOptions {
  color: boolean;
  /** How a file is shown: relative to the current folder when inside it. */
  displayPath: (file: string) => string;
  /**
   * The terminal's width, when printing to one: a long message wraps under its own start. Piped
   * output keeps one line per problem, for grep and editors.
   */
  width?: number;
}

/** A formatter is pure: a lint result in, the text to print out. */
export type Formatter = (result: LintResult, options: FormatOptions) => string;
