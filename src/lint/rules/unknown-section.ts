import { loaderProblems } from '../report.js';
import type { LintRule } from '../types.js';

/**
 * A question, criterion or `section_minimums` entry names a section that is not in the bank's guideline.
 * The check lives in the content loader, so every command refuses the same files; lint reports
 * the loader's findings under this id. Its messages are the loader's (src/content).
 */
export const unknownSection: LintRule = {
  meta: {
    id: 'unknown-section',
    severity: 'error',
    description:
      "A question, criterion or `section_minimums` entry names a section that is not in the bank's guideline.",
    fromLoader: true,
  },
  messages: {},
  check: (context) => loaderProblems(context.content.diagnostics, 'unknown-section'),
};
