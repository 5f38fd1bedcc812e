import { loaderProblems } from '../report.js';
import type { LintRule } from '../types.js';

/**
 * A media file that leaves the bank's folder (error) or does not exist (warning).
 * The check lives in the content loader, so every command refuses the same files; lint reports
 * the loader's findings under this id. Its messages are the loader's (src/content).
 */
export const mediaPath: LintRule = {
  meta: {
    id: 'media-path',
    severity: 'error',
    description: "A media file that leaves the bank's folder (error) or does not exist (warning).",
    fromLoader: true,
  },
  messages: {},
  check: (context) => loaderProblems(context.content.diagnostics, 'media-path'),
};
