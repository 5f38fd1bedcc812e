const ALIAS_HINT = 'this alias (*name) does not refer to an anchor (&name) defined earlier';

/**
 * The words for what goes wrong reading a YAML file, by message id. They live here, beside the
 * parser and the reader, because every YAML file qualify reads needs them: answers and attempts
 * files get them straight from `parseYaml` and `readContentFile`, content files through the
 * `yaml-syntax` and `file` lint rules, whose `meta.messages` are these same texts.
 *
 * The yaml library's error codes get plain-language messages for beginners (a code without one
 * becomes `other`); the rest are the parser's own findings (content/parse.ts).
 */
export const YAML_SYNTAX_MESSAGES = {
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
  aliasAcrossQuestions:
    'YAML syntax: a bank over 4 MB is read one question at a time, so an alias cannot refer to an anchor ' +
    'in another question; write the value out again here',
  unclosedQuote: 'YAML syntax: this quoted text is never closed; add the closing quote',
  unclosedBracket: 'YAML syntax: this {{what}} opened with {{open}} is never closed; add {{close}} at its end',
  tooDeep: 'YAML: nested more than {{depth}} levels deep; content files are never this deep',
  aliasExpansion: 'YAML: {{message}}',
  other: 'YAML syntax: {{message}}',
} as const;

/** The message ids of YAML that does not parse (the `yaml-syntax` rule's). */
export type YamlSyntaxMessageId = keyof typeof YAML_SYNTAX_MESSAGES;

/** A file over the size limit, refused before it is read (the `file` rule's `tooLarge`). */
export const TOO_LARGE_MESSAGE = 'the file is {{size}}, over the {{limit}} limit for such a file';
