import { Ajv, type ValidateFunction } from 'ajv';
import type { Diagnostic } from '../content/diagnostic.js';
import { sha256 } from '../content/digest.js';
import { positionOf, type ParsedFile, type PathSegment } from '../content/parse.js';
import schema from './attempts-file.schema.json' with { type: 'json' };

/**
 * The attempts file that `qualify export` writes and `qualify merge` reads (docs/export-format.md).
 * Pure: building, checking and fingerprinting the value; reading and writing files is the CLI's.
 */

export const ATTEMPTS_FORMAT = 'qualify-attempts';
export const ATTEMPTS_VERSION = 1;

export interface ExportedLearner {
  id: string;
  name?: string;
}

export interface ExportedAnswer {
  question: string;
  response: Record<string, unknown>;
  answeredAt: string;
  flagged: boolean;
}

export interface ExportedAttempt {
  id: string;
  learner: string;
  bank: { id: string; title: string; version: string; guideline: string };
  mode: 'exam' | 'practice';
  status: 'submitted' | 'expired' | 'abandoned';
  seed: number;
  questions: string[];
  startedAt: string;
  deadlineAt?: string;
  endedAt: string;
  score: number;
  maxScore: number;
  percent: number;
  passed: boolean;
  report?: Record<string, unknown>;
  answers: ExportedAnswer[];
}

export interface AttemptsFile {
  format: typeof ATTEMPTS_FORMAT;
  version: typeof ATTEMPTS_VERSION;
  exportedAt: string;
  learners: ExportedLearner[];
  attempts: ExportedAttempt[];
  checksum: string;
}

/**
 * The SHA-256 of everything but the checksum, as compact JSON in the file's own key order. It
 * catches a file cut short or edited by hand; it is not a signature (anyone can recompute it).
 */
export function checksumOf(file: Omit<AttemptsFile, 'checksum'> & { checksum?: unknown }): string {
  const content: Partial<typeof file> = { ...file };
  delete content.checksum;
  return `sha256:${sha256(JSON.stringify(content))}`;
}

/** An attempts file for these learners and attempts, with its checksum. */
export function buildAttemptsFile(
  learners: ExportedLearner[],
  attempts: ExportedAttempt[],
  exportedAt: number,
): AttemptsFile {
  const content = {
    format: ATTEMPTS_FORMAT,
    version: ATTEMPTS_VERSION,
    exportedAt: new Date(exportedAt).toISOString(),
    learners,
    attempts,
  } as const;
  return { ...content, checksum: checksumOf(content) };
}

export const attemptsFileMessages = {
  syntax: 'the file is not valid JSON from here on: it was cut short or edited; export it again',
  notAttemptsFile:
    `not a qualify attempts file (its "format" must be "${ATTEMPTS_FORMAT}"); ` + 'write one with "qualify export"',
  newerVersion: (version: unknown) =>
    `attempts file version ${JSON.stringify(version)} is not one this qualify reads ` +
    `(it reads version ${ATTEMPTS_VERSION}); update qualify`,
  schema: (where: string, problem: string) => `${where ? `${where}: ` : ''}${problem}`,
  checksum:
    'the checksum does not match the content: the file was edited or damaged after it was exported; export it again',
  unknownLearner: (id: string) => `attempt's learner "${id}" is not in "learners"`,
  duplicateAttempt: (id: string) => `attempt id "${id}" appears twice in the file`,
  duplicateAnswer: (question: string) => `question "${question}" is answered twice in the same attempt`,
};

let validator: ValidateFunction | undefined;

function toPath(pointer: string): PathSegment[] {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Checks a parsed attempts file: its shape (the JSON Schema), its version, its checksum, and that
 * its references hold. Returns the file only when there is no problem at all, so a caller cannot
 * merge half of a damaged file.
 */
export function checkAttemptsFile(parsed: ParsedFile): { file?: AttemptsFile; diagnostics: Diagnostic[] } {
  if (parsed.diagnostics.length || parsed.value === undefined) {
    // The YAML parser reads JSON; its first complaint is where the file stops making sense.
    const first = parsed.diagnostics[0];
    const where = first ? { line: first.line, column: first.column } : { line: 1, column: 1 };
    return {
      diagnostics: [
        {
          file: parsed.file,
          ...where,
          severity: 'error',
          ruleId: 'attempts-file',
          message: attemptsFileMessages.syntax,
        },
      ],
    };
  }
  const at = (path: PathSegment[], message: string, where: 'value' | 'key' = 'value'): Diagnostic => ({
    file: parsed.file,
    ...positionOf(parsed, path, where),
    severity: 'error',
    ruleId: 'attempts-file',
    message,
  });
  const value = parsed.value as Record<string, unknown> | null;
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value.format !== ATTEMPTS_FORMAT) {
    return { diagnostics: [at(['format'], attemptsFileMessages.notAttemptsFile)] };
  }
  if (value.version !== ATTEMPTS_VERSION)
    return { diagnostics: [at(['version'], attemptsFileMessages.newerVersion(value.version))] };

  validator ??= new Ajv({ allErrors: true, strict: false }).compile(schema);
  if (!validator(value)) {
    const diagnostics = (validator.errors ?? []).slice(0, 20).map((error) => {
      const path = toPath(error.instancePath);
      const extra =
        error.keyword === 'additionalProperties'
          ? ` ("${String((error.params as { additionalProperty: string }).additionalProperty)}")`
          : '';
      return at(path, attemptsFileMessages.schema(error.instancePath, `${error.message ?? 'is not valid'}${extra}`));
    });
    return { diagnostics };
  }
  const file = value as unknown as AttemptsFile;
  if (checksumOf(file) !== file.checksum) return { diagnostics: [at(['checksum'], attemptsFileMessages.checksum)] };

  const learners = new Set(file.learners.map((l) => l.id));
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  file.attempts.forEach((attempt, i) => {
    if (!learners.has(attempt.learner))
      diagnostics.push(at(['attempts', i, 'learner'], attemptsFileMessages.unknownLearner(attempt.learner)));
    if (seen.has(attempt.id))
      diagnostics.push(at(['attempts', i, 'id'], attemptsFileMessages.duplicateAttempt(attempt.id)));
    seen.add(attempt.id);
    const answered = new Set<string>();
    attempt.answers.forEach((answer, j) => {
      if (answered.has(answer.question))
        diagnostics.push(
          at(['attempts', i, 'answers', j, 'question'], attemptsFileMessages.duplicateAnswer(answer.question)),
        );
      answered.add(answer.question);
    });
  });
  return diagnostics.length ? { diagnostics } : { file, diagnostics };
}
