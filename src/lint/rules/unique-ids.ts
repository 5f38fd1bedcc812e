import { loaderProblems } from '../report.js';
import type { LintRule } from '../types.js';

/**
 * Ids used twice: banks and guidelines across files; sections, rules, questions, options, items and criteria within one.
 * The check lives in the content loader, so every command refuses the same files; lint reports
 * the loader's findings under this id. Its messages are the loader's (src/content).
 */
export const uniqueIds: LintRule = {
  meta: {
    id: 'unique-ids',
    severity: 'error',
    description:
      'Ids used twice: banks and guidelines across files; sections, rules, questions, options, items and criteria within one.',
    fromLoader: true,
  },
  messages: {},
  check: (context) => loaderProblems(context.content.diagnostics, 'unique-ids'),
};
