import { defineRule } from '../rule.js';

const ALIAS_HINT = 'this alias (*name) does not refer to an anchor (&name) defined earlier';

/**
 * YAML that does not parse. The parser (content/parse.ts) finds the problems, each with a message
 * id of this rule: the yaml library's error codes get plain-language messages for beginners, and a
 * file nested too deep or expanding aliases without end is refused before it can cost the stack.
 */
export const yamlSyntax = defineRule({
  meta: {
    id: 'yaml-syntax',
    severity: 'error',
    phase: 'load',
    description:
      'YAML that does not parse: syntax errors, duplicate keys, tabs used for indentation, unknown tags, alias bombs.',
    messages: {
      DUPLICATE_KEY: 'YAML syntax: this key appears twice in the same mapping; keep only one',
      TAB_AS_INDENT: 'YAML syntax: a tab is used for indentation; YAML needs spaces',
      BAD_INDENT: 'YAML syntax: the indentation here does not line up with the lines around it',
      MISSING_CHAR: 'YAML syntax: a closing quote or bracket is missing',
      MULTILINE_IMPLICIT_KEY:
        'YAML syntax: a key cannot span several lines; is a colon or quote missing on the line before?',
      BLOCK_AS_IMPLICIT_KEY:
        'YAML syntax: a key cannot span several lines; is a colon or quote missing on the line before?',
      UNEXPECTED_TOKEN: 'YAML syntax: unexpected text here; check quotes, colons and indentation',
      BAD_ALIAS: `YAML syntax: ${ALIAS_HINT}`,
      ALIAS_PROPS: 'YAML syntax: an alias cannot carry a tag or anchor',
      BAD_SCALAR_START: 'YAML syntax: a plain value cannot start with this character; put the value in quotes',
      MULTIPLE_DOCS: 'YAML syntax: a content file holds one YAML document; remove the extra `---` part',
      TAG_RESOLVE_FAILED: 'YAML syntax: unknown tag; shared content may not use custom YAML tags',
      aliasBeforeAnchor: `YAML syntax: ${ALIAS_HINT} (*{{name}})`,
      unclosedQuote: 'YAML syntax: this quoted text is never closed; add the closing quote',
      tooDeep: 'YAML: nested more than {{depth}} levels deep; content files are never this deep',
      aliasExpansion: 'YAML: {{message}}',
      other: 'YAML syntax: {{message}}',
    },
  },
  create(context) {
    return {
      yaml({ parsed }) {
        // The parser chose each message id and filled its data (content/parse.ts builds answers files'
        // diagnostics from the same messages); the compiler cannot pair a union of ids with its data.
        for (const { line, column, messageId, data } of parsed.syntaxProblems)
          context.report({ line, column, messageId, data } as Parameters<typeof context.report>[0]);
      },
    };
  },
});

/** The message ids of the rule: the yaml library's error codes with a plain-language message, and its own. */
export type YamlSyntaxMessageId = keyof typeof yamlSyntax.meta.messages;
