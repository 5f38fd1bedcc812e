import { loaderProblems } from '../report.js';
import type { LintRule } from '../types.js';

/**
 * The file does not match the JSON Schema of its kind (src/content/schema/), or its `kind` is unknown.
 * The check lives in the content loader, so every command refuses the same files; lint reports
 * the loader's findings under this id. Its messages are the loader's (src/content).
 */
export const schema: LintRule = {
  meta: {
    id: 'schema',
    severity: 'error',
    description: 'The file does not match the JSON Schema of its kind (src/content/schema/), or its `kind` is unknown.',
    fromLoader: true,
  },
  messages: {},
  check: (context) => loaderProblems(context.content.diagnostics, 'schema'),
};
