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
  // nothing is compiled at run time; it ships beside the schemas (package.json "files").
  validators ??= createRequire(import.meta.url)('../../src/content/schema/validators.generated.cjs') as Record<
    ContentKind,
    ValidateFunction
  >;
  return validators;
}

export const SCHEMAS: Record<ContentKind, object> = { bank: bankSchema, guideline: guidelineSchema };

/**
 * Drops the per-branch noise under a failed `oneOf`, keeping the one readable summary, and the
 * `if` summaries of the question types (their `then` errors already point at the field).
 */
function withoutBranchNoise(errors: ErrorObject[]): ErrorObject[] {
  errors = errors.filter((e) => e.keyword !== 'if');
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
