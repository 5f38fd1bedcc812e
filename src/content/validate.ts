import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import bankSchema from './schema/bank.schema.json' with { type: 'json' };
import guidelineSchema from './schema/guideline.schema.json' with { type: 'json' };
import type { ContentKind } from './loaded.js';
import type { ParsedFile } from './parse.js';

export type { ContentKind } from './loaded.js';

let validators: Record<ContentKind, ValidateFunction> | undefined;

function getValidators(): Record<ContentKind, ValidateFunction> {
  // Loaded on first use: a command whose files all come from the content cache never needs them.
  // ajv's standalone code, generated from the schemas at build time (scripts/generate.mjs), so
  // nothing is compiled at run time; it ships beside the schemas (package.json "files"), outside
  // the bundle (scripts/bundle.mjs).
  validators ??= createRequire(import.meta.url)('../../src/content/schema/validators.generated.cjs') as Record<
    ContentKind,
    ValidateFunction
  >;
  return validators;
}

export const SCHEMAS: Record<ContentKind, object> = { bank: bankSchema, guideline: guidelineSchema };

/**
 * `oneOf` definitions whose alternatives differ by shape (a text or a list; which key is present),
 * so the one alternative a value plainly meant is found, and its own errors are told instead of
 * the summary: `{concepts: []}` gets "needs at least 1 item" on the list.
 */
const PICK_ALTERNATIVE = new Set(['check', 'concept', 'concepts']);
/** Errors on the value itself that say it is not of an alternative's shape at all. */
const WRONG_SHAPE = new Set(['required', 'const', 'type', 'additionalProperties']);

const isWithin = (inner: string, outer: string) => inner === outer || inner.startsWith(`${outer}/`);
const definitionOf = (schemaPath: string) => /#\/definitions\/([^/]+)\//.exec(schemaPath)?.[1];
/** The last named field of a JSON pointer ("/questions/3/rubric/0/check" -> "check"). */
const lastFieldOf = (pointer: string) =>
  pointer
    .split('/')
    .filter((s) => s !== '' && !/^\d+$/.test(s))
    .pop() ?? 'value';

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
    if (!PICK_ALTERNATIVE.has(def) && !PICK_ALTERNATIVE.has(lastFieldOf(oneOf.instancePath))) continue;
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
 * Validates a parsed file against the JSON Schema of its kind: the validator's errors, without
 * the per-branch noise (the `schema` lint rule explains each on its YAML node), and which questions
 * they are in: `brokenQuestions` lists their indexes when every error lies inside a question (the
 * rest of the file can still be checked), and is undefined when one is elsewhere (or there is none).
 */
export function validateWithScope(
  parsed: ParsedFile,
  kind: ContentKind,
): { errors: ErrorObject[]; brokenQuestions?: Set<number> } {
  const validate = getValidators()[kind];
  if (validate(parsed.value)) return { errors: [] };
  const errors = withoutBranchNoise(validate.errors ?? []);
  const inQuestion = errors.map((e) => /^\/questions\/(\d+)(\/|$)/.exec(e.instancePath)?.[1]);
  const brokenQuestions = inQuestion.every((index) => index !== undefined)
    ? new Set(inQuestion.map(Number))
    : undefined;
  return { errors, brokenQuestions };
}
