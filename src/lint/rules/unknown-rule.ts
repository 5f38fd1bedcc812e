import { loaderProblems } from '../report.js';
import type { LintRule } from '../types.js';

/**
 * A question's `rules` names a rule that is not in the guideline.
 * The check lives in the content loader, so every command refuses the same files; lint reports
 * the loader's findings under this id. Its messages are the loader's (src/content).
 */
export const unknownRule: LintRule = {
  meta: {
    id: 'unknown-rule',
    severity: 'error',
    description: "A question's `rules` names a rule that is not in the guideline.",
    fromLoader: true,
  },
  messages: {},
  check: (context) => loaderProblems(context.content.diagnostics, 'unknown-rule'),
};
