import { createRequire } from 'node:module';
import type { Diagnostic } from '../content/diagnostic.js';
import { parseYaml, positionOf } from '../content/parse.js';
import type { Bank, Question } from '../content/types.js';
import { ContentError } from '../errors.js';
import { textOf } from '../report/model.js';
import { keyResponse } from '../scoring/key-response.js';
import { normalizeResponse, type Response } from '../scoring/response.js';
import { answerRulesFor } from '../scoring/types/index.js';
import { attemptMessages as messages } from './messages.js';

export interface AnswersFile {
  responses: Map<string, Response>;
  /** Non-fatal problems, such as responses to questions the bank does not have. */
  warnings: Diagnostic[];
  /** Every question id the file names, in its order (with or without a response). */
  ids: string[];
}

/** The text of an answers file and the name its diagnostics show. */
export interface AnswersText {
  file: string;
  text: string;
}

/**
 * Reads an answers file's text (question id -> response). A response that cannot be understood for its
 * question (an option id that does not exist, a label not on the scale) stops the command with its
 * position, rather than silently scoring 0.
 */
export function parseAnswersFile(
  input: AnswersText,
  bank: Bank,
  /** The other banks, asked for only when the file seems written for one of them. */
  otherBanks: () => Iterable<Bank> = () => [],
  /** The command to run instead, for the bank the file was written for (as the user ran this one). */
  commandFor: (owner: string) => string = (owner) => `qualify exam ${owner} --answers <file>`,
): AnswersFile {
  const parsed = parseYaml(input.file, input.text);
  if (parsed.diagnostics.length)
    throw new ContentError(parsed.diagnostics, messages.answersErrors(parsed.diagnostics.length));
  const value = parsed.value ?? {};
  const at = (p: (string | number)[], key = false) => ({
    file: parsed.file,
    ...positionOf(parsed, p, key ? 'key' : 'value'),
  });
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new ContentError(
      [{ ...at([]), severity: 'error', ruleId: 'answers', message: messages.answersNotMapping }],
      messages.answersErrors(1),
    );
  }

  const questions = new Map(bank.questions.map((q) => [q.id, q]));
  const ids = Object.keys(value);
  const unknown = ids.filter((id) => !questions.has(id));
  // A file written for another bank (a mistyped command) must not become a counted, failed attempt.
  if (unknown.length > 0 && unknown.length * 2 > ids.length) {
    const owner = likelyOwner(unknown, bank, otherBanks());
    const message = messages.answersForAnotherBank(bank.id, unknown.length, ids.length, owner);
    throw new ContentError(
      [{ ...at([unknown[0]!], true), severity: 'error', ruleId: 'answers', message }],
      messages.answersWrongBank(bank.id, owner && commandFor(owner)),
    );
  }
  const responses = new Map<string, Response>();
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  for (const [id, raw] of Object.entries(value as Record<string, unknown>)) {
    const question = questions.get(id);
    if (!question) {
      warnings.push({
        ...at([id], true),
        severity: 'warning',
        ruleId: 'answers',
        message: messages.unknownQuestion(id, bank.id),
      });
      continue;
    }
    const checked = checkResponse(question, raw);
    if ('problem' in checked) {
      errors.push({ ...at([id, ...checked.where]), severity: 'error', ruleId: 'answers', message: checked.problem });
      continue;
    }
    if (checked.response) responses.set(id, checked.response);
  }
  if (errors.length) throw new ContentError(errors, messages.answersErrors(errors.length));
  // Scoring nothing is almost always a wrong file, not a learner who answered nothing.
  if (responses.size === 0)
    warnings.push({ ...at([]), severity: 'warning', ruleId: 'answers', message: messages.noAnswersInFile });
  return { responses, warnings, ids };
}

/** The bank (other than `bank`) that has the most of these question ids, if any has one. */
export function likelyOwner(ids: readonly string[], bank: Bank, banks: Iterable<Bank>): string | undefined {
  let best: { id: string; matches: number } | undefined;
  for (const other of banks) {
    if (other.id === bank.id) continue;
    const own = new Set(other.questions.map((q) => q.id));
    const matches = ids.filter((id) => own.has(id)).length;
    if (matches > 0 && (!best || matches > best.matches)) best = { id: other.id, matches };
  }
  return best?.id;
}

/**
 * One response as written (in an answers file or a JSON line) checked against its question:
 * the response (undefined for "no response"), or the problem and where in the response it is.
 */
export function checkResponse(
  question: Question,
  raw: unknown,
): { response?: Response } | { problem: string; where: string[] } {
  const id = question.id;
  const response = normalizeResponse(raw);
  if (!response) return {};
  const confidence = (raw as { confidence?: unknown } | null)?.confidence;
  if (typeof raw === 'object' && raw !== null && confidence !== undefined && response.confidence === undefined) {
    return { problem: messages.badConfidence(id, textOf(confidence)), where: ['confidence'] };
  }
  const selfProblem = selfCriteriaProblem(question, raw);
  if (selfProblem) return { problem: messages.badAnswer(id, selfProblem), where: ['self'] };
  const rules = answerRulesFor(question);
  const problem = rules && response.answer !== undefined ? rules.problem(question, response.answer) : undefined;
  if (problem) return { problem: messages.badAnswer(id, problem), where: [] };
  return { response };
}

/**
 * `self:` lists the self-assessed rubric criteria the learner ticks; anything else in it (an id
 * the question does not have, a number, null) would be dropped silently and cost points.
 */
function selfCriteriaProblem(question: Question, raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || !('self' in raw)) return undefined;
  const self: unknown = raw.self;
  const known = question.rubric.filter((c) => c.check === 'self').map((c) => c.id);
  if (!Array.isArray(self)) return messages.selfNotList;
  const items: unknown[] = self;
  const wrong = items.find((item) => typeof item !== 'string' || !known.includes(item));
  return wrong === undefined ? undefined : messages.badSelfCriterion(textOf(wrong), known);
}

/** A bank's answer key as an answers file (`qualify key`; authors check it scores 100%). */
export function answerKeyFile(bank: Bank): string {
  const key: Record<string, unknown> = {};
  for (const question of bank.questions) key[question.id] = keyResponse(question);
  // Loaded here, for the key alone: every exam loads this module, and most never start yaml.
  const { Document, isSeq, visit } = createRequire(import.meta.url)('yaml') as typeof import('yaml');
  const doc = new Document(key);
  // Lists of ids read best on one line: `q-2: [a, c]`.
  visit(doc, { Seq: (_key, node) => void (isSeq(node) && (node.flow = true)) });
  return `# Answer key of ${bank.id} ${bank.version}, in answers-file form.\n${doc.toString({ lineWidth: 0 })}`;
}
