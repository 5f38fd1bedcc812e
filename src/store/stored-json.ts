import type { AttemptSettings } from '../exam/attempt-kind.js';
import { DatabaseRefusedError } from './db.js';

/**
 * JSON kept in a column of the attempts table, written with its format's version so a later
 * qualify can tell an old shape from a new one: `{"version": 1, "value": ...}`. Rows written
 * before the version was recorded hold the bare value; they read as version 1.
 */
export type StoredColumn = 'result' | 'settings';

/**
 * The version written now, per column. Raise it (and teach `upgrade` the old shape) when a shape changes.
 * settings 2: `order`, the options' shown order (a version-1 row has none: the author's order).
 */
export const STORED_VERSION: Record<StoredColumn, number> = { result: 1, settings: 2 };

/** How an attempt was started, as recorded for resuming it and for study analytics (the domain type). */
export type { AttemptSettings };

/**
 * The parts of a stored report the store vouches for. The full shape is the report model's
 * (src/report/model.ts), which the store may not import; these are the fields every version has.
 */
export type StoredReport = {
  attemptId: number;
  score: number;
  maxScore: number;
  percent: number;
  passed: boolean;
  bank: { id: string };
  mistakes: unknown[];
  sections: unknown[];
};

interface Shapes {
  result: StoredReport;
  settings: AttemptSettings;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Why a value is not a version-1 report, or undefined when it is one. */
function reportProblem(value: unknown): string | undefined {
  if (!isObject(value)) return 'not an object';
  for (const field of ['attemptId', 'score', 'maxScore', 'percent'] as const)
    if (typeof value[field] !== 'number') return `"${field}" is not a number`;
  if (typeof value.passed !== 'boolean') return '"passed" is not true or false';
  if (!isObject(value.bank) || typeof value.bank.id !== 'string') return '"bank" has no id';
  for (const field of ['mistakes', 'sections'] as const)
    if (!Array.isArray(value[field])) return `"${field}" is not a list`;
  return undefined;
}

function settingsProblem(value: unknown): string | undefined {
  if (!isObject(value)) return 'not an object';
  for (const field of ['confidence', 'timed'] as const)
    if (value[field] !== undefined && typeof value[field] !== 'boolean') return `"${field}" is not true or false`;
  if (value.driver !== undefined && value.driver !== 'stream') return `unknown driver ${JSON.stringify(value.driver)}`;
  if (value.order !== undefined) {
    if (!isObject(value.order)) return '"order" is not an object';
    for (const [id, ids] of Object.entries(value.order))
      if (!Array.isArray(ids) || !ids.every((x) => typeof x === 'string'))
        return `"order" of ${JSON.stringify(id)} is not a list of ids`;
  }
  return undefined;
}

const PROBLEMS: { [C in StoredColumn]: (value: unknown) => string | undefined } = {
  result: reportProblem,
  settings: settingsProblem,
};

/** Why `value` cannot be stored in `column`, or undefined when it can (for values from outside: merged files). */
export function storedShapeProblem(column: StoredColumn, value: unknown): string | undefined {
  return PROBLEMS[column](value);
}

/**
 * A value as stored now: the column's current version around it. Callers hand over what they
 * built in memory, so a value of the wrong shape here is a bug, thrown as one.
 */
export function encodeStored(column: StoredColumn, value: unknown): string {
  const problem = PROBLEMS[column](value);
  if (problem) throw new Error(`refusing to store a ${column} that is not valid: ${problem}`);
  return JSON.stringify({ version: STORED_VERSION[column], value });
}

/** The envelope written since versions were recorded: exactly `version` and `value`. */
function unwrap(parsed: unknown): { version: number; value: unknown } {
  if (isObject(parsed) && Object.keys(parsed).length === 2 && 'value' in parsed) {
    const { version } = parsed;
    if (typeof version === 'number' && Number.isInteger(version) && version >= 1)
      return { version, value: parsed.value };
  }
  return { version: 1, value: parsed };
}

/**
 * The one way to read the JSON of a stored column: parses it, takes the version (1 for a row
 * written before versions were recorded), refuses a version this qualify does not know, and checks
 * the value's shape. A value that fails is a damaged row, reported as a damaged database rather than
 * passed on to crash a renderer.
 */
export function decodeStored<C extends StoredColumn>(column: C, text: string, attemptId: number): Shapes[C] {
  const damaged = (why: string) =>
    new DatabaseRefusedError({ kind: 'corrupt', detail: `attempt ${attemptId}: the stored ${column} ${why}` });
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw damaged('is not JSON');
  }
  const { version, value } = unwrap(parsed);
  if (version > STORED_VERSION[column])
    throw damaged(`has version ${version}, newer than this qualify reads (${STORED_VERSION[column]})`);
  const problem = PROBLEMS[column](value);
  if (problem) throw damaged(`is not valid: ${problem}`);
  return value as Shapes[C];
}
