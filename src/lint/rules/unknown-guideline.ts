import { loaderProblems } from '../report.js';
import type { LintRule } from '../types.js';

/**
 * A bank names a guideline document that was not found.
 * The check lives in the content loader, so every command refuses the same files; lint reports
 * the loader's findings under this id. Its messages are the loader's (src/content).
 */
export const unknownGuideline: LintRule = {
  meta: {
    id: 'unknown-guideline',
    severity: 'error',
    description: 'A bank names a guideline document that was not found.',
    fromLoader: true,
  },
  messages: {},
  check: (context) => loaderProblems(context.content.diagnostics, 'unknown-guideline'),
};
