import { loaderProblems } from '../report.js';
import type { LintRule } from '../types.js';

/**
 * A content file that cannot be read (permissions, a folder named like a file).
 * The check lives in the content loader, so every command refuses the same files; lint reports
 * the loader's findings under this id. Its messages are the loader's (src/content).
 */
export const fileRead: LintRule = {
  meta: {
    id: 'file',
    severity: 'error',
    description: 'A content file that cannot be read (permissions, a folder named like a file).',
    fromLoader: true,
  },
  messages: {},
  check: (context) => loaderProblems(context.content.diagnostics, 'file'),
};
