import { loaderProblems } from '../report.js';
import type { LintRule } from '../types.js';

/**
 * A `matches` pattern that is too long, invalid, or could stall the scorer (nested repetition).
 * The check lives in the content loader, so every command refuses the same files; lint reports
 * the loader's findings under this id. Its messages are the loader's (src/content).
 */
export const rubricRegex: LintRule = {
  meta: {
    id: 'rubric-regex',
    severity: 'error',
    description: 'A `matches` pattern that is too long, invalid, or could stall the scorer (nested repetition).',
    fromLoader: true,
  },
  messages: {},
  check: (context) => loaderProblems(context.content.diagnostics, 'rubric-regex'),
};
