import { loaderProblems } from '../report.js';
import type { LintRule } from '../types.js';

/**
 * YAML that does not parse: syntax errors, duplicate keys, tabs used for indentation, unknown tags, alias bombs.
 * The check lives in the content loader, so every command refuses the same files; lint reports
 * the loader's findings under this id. Its messages are the loader's (src/content).
 */
export const yamlSyntax: LintRule = {
  meta: {
    id: 'yaml-syntax',
    severity: 'error',
    description:
      'YAML that does not parse: syntax errors, duplicate keys, tabs used for indentation, unknown tags, alias bombs.',
    fromLoader: true,
  },
  messages: {},
  check: (context) => loaderProblems(context.content.diagnostics, 'yaml-syntax'),
};
