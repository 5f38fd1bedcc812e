import { loaderProblems } from '../report.js';
import type { LintRule } from '../types.js';

/**
 * A rating or preference question names a scale the guideline does not define.
 * The check lives in the content loader, so every command refuses the same files; lint reports
 * the loader's findings under this id. Its messages are the loader's (src/content).
 */
export const unknownScale: LintRule = {
  meta: {
    id: 'unknown-scale',
    severity: 'error',
    description: 'A rating or preference question names a scale the guideline does not define.',
    fromLoader: true,
  },
  messages: {},
  check: (context) => loaderProblems(context.content.diagnostics, 'unknown-scale'),
};
