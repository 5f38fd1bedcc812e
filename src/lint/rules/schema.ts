import type { ErrorObject } from 'ajv';
import type { PathSegment } from '../../content/parse.js';
import { defineRule } from '../rule.js';

/** `oneOf` alternatives by the definition (or field) that holds them. */
const ONE_OF = {
  check: 'oneOfCheck',
  concepts: 'oneOfConcept',
  context: 'oneOfContext',
  lockout: 'oneOfLockout',
  scale: 'oneOfScale',
} as const;
/** Patterns by the definition that holds them. */
const PATTERNS = {
  slug: 'slug',
  duration: 'duration',
  sectionId: 'sectionId',
  questionId: 'questionId',
  choiceId: 'choiceId',
  concept: 'concept',
} as const;

const TYPE_WORDS: Record<string, string> = {
  string: 'a text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping (key: value pairs)',
};

function toPath(pointer: string): PathSegment[] {
  if (!pointer) return [];
  return pointer
    .split('/')
    .slice(1)
    .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function lastField(path: readonly PathSegment[]): string {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return String(path[i]);
  return 'value';
}

const listOf = (values: unknown) => (Array.isArray(values) ? values.map(String).join(', ') : '');

/**
 * The file does not match the JSON Schema of its kind (src/content/schema/), or its `kind` is
 * unknown. The loader validates (with ajv's standalone code); this rule explains each error in
 * words a beginner can act on, on the YAML node it is about.
 */
export const schema = defineRule({
  meta: {
    id: 'schema',
    severity: 'error',
    phase: 'load',
    description: 'The file does not match the JSON Schema of its kind (src/content/schema/), or its `kind` is unknown.',
    messages: {
      unknownKind: 'must be "bank" or "guideline"',
      required: 'missing required field "{{field}}"',
      unknownField: 'unknown field "{{field}}" (check its spelling in docs/format.md)',
      type: 'must be {{type}}',
      const: 'must be "{{value}}"',
      unknownQuestionType: 'unknown question type "{{type}}"; use one of: {{types}}',
      enum: 'must be one of: {{values}}',
      slug: 'must use only lowercase letters, digits and dashes (like "search-basics")',
      duration: 'is not a duration; write it like 90s, 25m, 1h30m, 72h or 7d',
      sectionId: 'must be a section or rule id such as "3", "3.2" or "3.r1"',
      questionId: 'must be letters, digits, dots, dashes or underscores (like "se-001")',
      choiceId: 'must be letters, digits, dots, dashes or underscores (like "a" or "item-1")',
      concept: 'must not be empty: give a word or a phrase (with letters or digits)',
      pattern: 'does not match {{pattern}}',
      minItems: 'needs at least {{count}}',
      empty: 'must not be empty',
      tooLong: 'is longer than {{limit}} characters',
      repeated: 'lists the same value twice',
      range: 'must be {{comparison}} {{limit}}',
      oneOfCheck:
        'must be "self", {any: [words]}, {matches: "regular expression"} or {concepts: [[word, phrase], ...]}',
      oneOfConcept: 'must be a word or phrase, or a list of alternative words and phrases',
      oneOfContext: 'must be a text, or named parts such as {Query: ..., Response: ...}',
      oneOfLockout: 'must be "permanent" or a duration such as 90d',
      oneOfScale: 'must be the name of a scale in the guideline, or a list of labels from low to high',
      oneOf: 'has an unexpected shape',
      other: '{{message}}',
    },
  },
  create(context) {
    /** Reports one validator error on the node it is about. */
    const explain = (error: ErrorObject) => {
      const path = toPath(error.instancePath);
      const params = error.params as Record<string, unknown>;
      switch (error.keyword) {
        case 'required':
          return context.report({ path, messageId: 'required', data: { field: String(params.missingProperty) } });
        case 'additionalProperties': {
          const field = String(params.additionalProperty);
          return context.report({
            path: [...path, field],
            at: 'key',
            describe: path,
            messageId: 'unknownField',
            data: { field },
          });
        }
        case 'type': {
          const type = String(params.type)
            .split(',')
            .map((t) => TYPE_WORDS[t] ?? t)
            .join(' or ');
          return context.report({ path, messageId: 'type', data: { type } });
        }
        case 'const':
          return context.report({ path, messageId: 'const', data: { value: String(params.allowedValue) } });
        case 'enum':
          if (error.schemaPath === '#/properties/type/enum' && /^\/questions\/\d+\/type$/.test(error.instancePath)) {
            const data = { type: String(error.data), types: listOf(params.allowedValues) };
            return context.report({ path, messageId: 'unknownQuestionType', data });
          }
          return context.report({ path, messageId: 'enum', data: { values: listOf(params.allowedValues) } });
        case 'pattern': {
          const definition = /#\/definitions\/([^/]+)\/(?:[^#]*\/)?pattern$/.exec(error.schemaPath)?.[1] ?? '';
          const named = PATTERNS[definition as keyof typeof PATTERNS] as keyof typeof PATTERNS | undefined;
          if (named) return context.report({ path, messageId: named });
          return context.report({ path, messageId: 'pattern', data: { pattern: String(params.pattern) } });
        }
        case 'minItems': {
          const limit = Number(params.limit);
          return context.report({
            path,
            messageId: 'minItems',
            data: { count: `${limit} item${limit === 1 ? '' : 's'}` },
          });
        }
        case 'minProperties':
        case 'minLength':
          return context.report({ path, messageId: 'empty' });
        case 'maxLength':
          return context.report({ path, messageId: 'tooLong', data: { limit: String(params.limit) } });
        case 'uniqueItems':
          return context.report({ path, messageId: 'repeated' });
        case 'minimum':
        case 'maximum':
        case 'exclusiveMinimum': {
          const data = { comparison: String(params.comparison), limit: String(params.limit) };
          return context.report({ path, messageId: 'range', data });
        }
        case 'oneOf': {
          const definition = /#\/definitions\/([^/]+)\//.exec(`${error.schemaPath}/`)?.[1] ?? '';
          const field = lastField(path);
          const key = (Object.keys(ONE_OF) as (keyof typeof ONE_OF)[]).find((k) => definition === k || field === k);
          return context.report({ path, messageId: key ? ONE_OF[key] : 'oneOf' });
        }
        default:
          return context.report({ path, messageId: 'other', data: { message: error.message ?? 'is not valid' } });
      }
    };
    return {
      document({ kind, errors }) {
        if (kind === 'unknown') {
          context.report({ path: ['kind'], messageId: 'unknownKind' });
          return;
        }
        errors.forEach(explain);
      },
    };
  },
});
