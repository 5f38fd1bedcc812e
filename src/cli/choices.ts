/**
 * The fixed value lists of command-line options. They live apart from the commands so that
 * building the program (and printing --help) does not load the commands themselves.
 */
export const REPORT_FORMATS = ['text', 'md', 'json', 'html'] as const;
export const STATS_FORMATS = ['text', 'json', 'md', 'html'] as const;
export const LINT_FORMATS = ['stylish', 'json', 'github'] as const;
export { IMPORT_FORMATS } from '../import/formats.js';
export const SCHEMA_KINDS = ['bank', 'guideline'] as const;
