import { loaderProblems } from '../report.js';
import type { LintRule } from '../types.js';

/**
 * An `answer` that refers to options, items or labels that do not exist, or has the wrong shape for its type.
 * The check lives in the content loader, so every command refuses the same files; lint reports
 * the loader's findings under this id. Its messages are the loader's (src/content).
 */
export const answerShape: LintRule = {
  meta: {
    id: 'answer-shape',
    severity: 'error',
    description:
      'An `answer` that refers to options, items or labels that do not exist, or has the wrong shape for its type.',
    fromLoader: true,
  },
  messages: {},
  check: (context) => loaderProblems(context.content.diagnostics, 'answer-shape'),
};
