import { YAML_SYNTAX_MESSAGES } from '../../content/file-messages.js';
import { defineRule } from '../rule.js';

/**
 * YAML that does not parse. The parser (content/parse.ts) finds the problems, each with a message
 * id of this rule: the yaml library's error codes get plain-language messages for beginners, and a
 * file nested too deep or expanding aliases without end is refused before it can cost the stack.
 * The messages are content/file-messages.ts's, which answers files are refused with too.
 */
export const yamlSyntax = defineRule({
  meta: {
    id: 'yaml-syntax',
    severity: 'error',
    phase: 'load',
    description:
      'YAML that does not parse: syntax errors, duplicate keys, tabs used for indentation, unknown tags, alias bombs.',
    messages: YAML_SYNTAX_MESSAGES,
  },
  create(context) {
    return {
      yaml({ parsed }) {
        // The parser chose each message id and filled its data (content/parse.ts builds answers files'
        // diagnostics from the same messages).
        for (const { line, column, messageId, data } of parsed.syntaxProblems)
          context.report({ line, column, messageId, data });
      },
    };
  },
});
