import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import bankSchema from './schema/bank.schema.json' with { type: 'json' };
import guidelineSchema from './schema/guideline.schema.json' with { type: 'json' };
import type { Diagnostic } from './diagnostic.js';
import { positionOf, type ParsedFile, type PathSegment } from './parse.js';
import { describePath } from './where.js';

export type ContentKind = 'bank' | 'guideline';

let validators: Record<ContentKind, ValidateFunction> | undefined;

function getValidators(): Record<ContentKind, ValidateFunction> {
  // Loaded on first use: a command whose files all come from the content cache never needs them.
  // ajv's standalone code, generated from the schemas at build time (scripts/generate.mjs), so
  // nothing is compiled at run time; it ships beside the schemas (package.json "files").
  validators ??= createRequire(import.meta.url)('../../src/content/schema/validators.generated.cjs') as Record<
    ContentKind,
    ValidateFunction
  >;
  return validators;
}

export const SCHEMAS: Record<ContentKind, object> = { bank: bankSchema, guideline: guidelineSchema };

/** Messages for `oneOf` alternatives, keyed by the definition that holds them. */
const ONE_OF_MESSAGES: Record<string, string> = {
  check: 'must be "self", {any: [words]}, {matches: "regular expression"} or {concepts: [[word, phrase], ...]}',
  concepts: 'must be a word or phrase, or a list of alternative words and phrases',
  context: 'must be a text, or named parts such as {Query: ..., Response: ...}',
  lockout: 'must be "permanent" or a duration such as 90d',
  scale: 'must be the name of a scale in the guideline, or a list of labels from low to high',
};

const PATTERN_MESSAGES: Record<string, string> = {
  slug: 'must use only lowercase letters, digits and dashes (like "search-basics")',
  duration: 'is not a duration; write it like 90s, 25m, 1h30m, 72h or 7d',
  sectionId: 'must be a section or rule id such as "3", "3.2" or "3.r1"',
  questionId: 'must be letters, digits, dots, dashes or underscores (like "se-001")',
  choiceId: 'must be letters, digits, dots, dashes or underscores (like "a" or "item-1")',
  concept: 'must not be empty: give a word or a phrase (with letters or digits)',
};

/**
 * `oneOf` definitions whose alternatives differ by shape (a text or a list; which key is present),
 * so the one alternative a value plainly meant is found, and its own errors are told instead of
 * the summary: `{concepts: []}` gets "needs at least 1 item" on the list.
 */
const PICK_ALTERNATIVE = new Set(['check', 'concept', 'concepts']);
/** Errors on the value itself that say it is not of an alternative's shape at all. */
const WRONG_SHAPE = new Set(['required', 'const', 'type', 'additionalProperties']);

function toPath(pointer: string): PathSegment[] {
  if (!pointer) return [];
  return pointer
    .split('/')
    .slice(1)
    .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function definitionOf(schemaPath: string): string | undefined {
  return /#\/definitions\/([^/]+)\//.exec(schemaPath)?.[1];
}

function lastField(path: PathSegment[]): string {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return String(path[i]);
  return 'value';
}

function explain(
  error: ErrorObject,
  path: PathSegment[],
): { message: string; at: 'value' | 'key'; path: PathSegment[] } {
  const params = error.params as Record<string, unknown>;
  const field = lastField(path);
  switch (error.keyword) {
    case 'required':
      return { message: `missing required field "${String(params.missingProperty)}"`, at: 'value', path };
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      return {
        message: `unknown field "${name}" (check its spelling in docs/format.md)`,
        at: 'key',
        path: [...path, name],
      };
    }
    case 'type':
      return { message: `must be ${article(String(params.type))}`, at: 'value', path };
    case 'const':
      return { message: `must be "${String(params.allowedValue)}"`, at: 'value', path };
    case 'enum':
      if (error.schemaPath === '#/properties/type/enum' && /^\/questions\/\d+\/type$/.test(error.instancePath)) {
        return {
          message: `unknown question type "${String(error.data)}"; use one of: ${(params.allowedValues as unknown[]).join(', ')}`,
          at: 'value',
          path,
        };
      }
      return { message: `must be one of: ${(params.allowedValues as unknown[]).join(', ')}`, at: 'value', path };
    case 'pattern': {
      const def = /#\/definitions\/([^/]+)\/(?:[^#]*\/)?pattern$/.exec(error.schemaPath)?.[1] ?? '';
      return { message: `${PATTERN_MESSAGES[def] ?? `does not match ${String(params.pattern)}`}`, at: 'value', path };
    }
    case 'minItems':
      return {
        message: `needs at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}`,
        at: 'value',
        path,
      };
    case 'minProperties':
      return { message: `must not be empty`, at: 'value', path };
    case 'minLength':
      return { message: `must not be empty`, at: 'value', path };
    case 'maxLength':
      return { message: `is longer than ${String(params.limit)} characters`, at: 'value', path };
    case 'uniqueItems':
      return { message: `lists the same value twice`, at: 'value', path };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
      return { message: `must be ${String(params.comparison)} ${String(params.limit)}`, at: 'value', path };
    case 'oneOf': {
      const def = definitionOf(`${error.schemaPath}/`) ?? '';
      const key = Object.keys(ONE_OF_MESSAGES).find((k) => def === k || field === k);
      return { message: `${key ? ONE_OF_MESSAGES[key] : 'has an unexpected shape'}`, at: 'value', path };
    }
    default:
      return { message: `${error.message ?? 'is not valid'}`, at: 'value', path };
  }
}

function article(type: string): string {
  const words: Record<string, string> = {
    string: 'a text',
    number: 'a number',
    integer: 'a whole number',
    boolean: 'true or false',
    array: 'a list',
    object: 'a mapping (key: value pairs)',
  };
  return type
    .split(',')
    .map((t) => words[t] ?? t)
    .join(' or ');
}

const isWithin = (inner: string, outer: string) => inner === outer || inner.startsWith(`${outer}/`);

/**
 * The failed `oneOf` an error is an alternative's error of: the nearest one around it whose
 * schema path it extends. (The generated validators give each definition paths relative to
 * itself, so a nested definition's paths can look like an outer one's.)
 */
function ownerOf(error: ErrorObject, oneOfs: ErrorObject[]): ErrorObject | undefined {
  let owner: ErrorObject | undefined;
  for (const o of oneOfs) {
    if (
      o === error ||
      !error.schemaPath.startsWith(`${o.schemaPath}/`) ||
      !isWithin(error.instancePath, o.instancePath)
    )
      continue;
    if (!owner || o.instancePath.length > owner.instancePath.length) owner = o;
  }
  return owner;
}

/**
 * For a failed `oneOf` of PICK_ALTERNATIVE where exactly one alternative has the value's shape,
 * keeps that alternative's errors and drops the summary and the other alternatives' errors.
 */
function pickAlternatives(errors: ErrorObject[]): ErrorObject[] {
  const oneOfs = errors.filter((e) => e.keyword === 'oneOf');
  const owners = new Map(errors.map((e) => [e, ownerOf(e, oneOfs)]));
  const dropped = new Set<ErrorObject>();
  for (const oneOf of oneOfs) {
    const def = definitionOf(`${oneOf.schemaPath}/`) ?? '';
    if (!PICK_ALTERNATIVE.has(def) && !PICK_ALTERNATIVE.has(lastField(toPath(oneOf.instancePath)))) continue;
    const prefix = `${oneOf.schemaPath}/`;
    const alternativeOf = (e: ErrorObject): number | undefined =>
      owners.get(e) === oneOf ? Number(e.schemaPath.slice(prefix.length).split('/')[0]) : undefined;
    const count = Array.isArray(oneOf.schema) ? oneOf.schema.length : 0;
    const fitting = Array.from({ length: count }, (_, i) => i).filter(
      (i) =>
        !errors.some(
          (e) => alternativeOf(e) === i && e.instancePath === oneOf.instancePath && WRONG_SHAPE.has(e.keyword),
        ),
    );
    if (fitting.length !== 1) continue;
    dropped.add(oneOf);
    for (const e of errors) {
      const alternative = alternativeOf(e);
      if (alternative !== undefined && alternative !== fitting[0]) dropped.add(e);
    }
  }
  return errors.filter((e) => !dropped.has(e));
}

/**
 * Drops the per-branch noise under a failed `oneOf`, keeping the one readable summary, and the
 * `if` summaries of the question types (their `then` errors already point at the field).
 */
function withoutBranchNoise(errors: ErrorObject[]): ErrorObject[] {
  errors = pickAlternatives(errors.filter((e) => e.keyword !== 'if'));
  const oneOfPrefixes = errors
    .filter((e) => e.keyword === 'oneOf')
    .map((e) => ({ at: e.instancePath, prefix: `${e.schemaPath}/` }));
  return errors.filter(
    (e) => !oneOfPrefixes.some((o) => e.schemaPath.startsWith(o.prefix) && e.instancePath.startsWith(o.at)),
  );
}

/**
 * Validates a parsed file against the JSON Schema for its kind. Each problem comes back as a
 * diagnostic positioned on the offending YAML node.
 */
export function validateAgainstSchema(parsed: ParsedFile, kind: ContentKind): Diagnostic[] {
  return validateWithScope(parsed, kind).diagnostics;
}

/**
 * As validateAgainstSchema, and which questions the problems are in: `brokenQuestions` lists their
 * indexes when every problem lies inside a question (the rest of the file can still be checked),
 * and is undefined when a problem is elsewhere (or there is none).
 */
export function validateWithScope(
  parsed: ParsedFile,
  kind: ContentKind,
): { diagnostics: Diagnostic[]; brokenQuestions?: Set<number> } {
  const validate = getValidators()[kind];
  if (validate(parsed.value)) return { diagnostics: [] };
  const errors = withoutBranchNoise(validate.errors ?? []);
  const inQuestion = errors.map((e) => /^\/questions\/(\d+)(\/|$)/.exec(e.instancePath)?.[1]);
  const brokenQuestions = inQuestion.every((index) => index !== undefined)
    ? new Set(inQuestion.map(Number))
    : undefined;
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const error of errors) {
    const explained = explain(error, toPath(error.instancePath));
    const where = describePath(parsed.value, explained.path.slice(0, explained.at === 'key' ? -1 : undefined));
    const { line, column } = positionOf(parsed, explained.path, explained.at);
    const message = where ? `${where}: ${explained.message}` : explained.message;
    const key = `${line}:${column}:${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    diagnostics.push({ file: parsed.file, line, column, severity: 'error', ruleId: 'schema', message });
  }
  return { diagnostics, brokenQuestions };
}
