import type { AcceptedNumber, AcceptedText, NumericQuestion, ShortAnswerQuestion } from '../../content/types.js';
import type { AnswerRules } from './answer-rules.js';

/** A typed answer as text: answers files may hold a number where text is meant. */
const asText = (answer: unknown): string | undefined =>
  typeof answer === 'string' ? answer : typeof answer === 'number' ? String(answer) : undefined;

/**
 * Moodle's short-answer matching: the whole answer (trimmed), `*` standing for any text and `\*`
 * for a star, letter case ignored unless the question says otherwise. "14" does not match "4".
 * No regular expression: the pattern comes from a shared bank, and literal pieces found in order
 * (leftmost first, which is exact for `*`-only patterns) cannot be made to backtrack.
 */
export function matchesAccepted(accepted: string, answer: string, caseSensitive: boolean): boolean {
  const fold = (text: string) => (caseSensitive ? text : text.toLowerCase());
  const pieces = fold(accepted.trim())
    .split(/(?<!\\)\*/)
    .map((piece) => piece.replace(/\\\*/g, '*'));
  const text = fold(answer.trim());
  if (pieces.length === 1) return text === pieces[0];
  const first = pieces[0]!;
  const last = pieces.at(-1)!;
  if (!text.startsWith(first) || text.length < first.length + last.length) return false;
  let at = first.length;
  for (const piece of pieces.slice(1, -1)) {
    const found = text.indexOf(piece, at);
    if (found < 0) return false;
    at = found + piece.length;
  }
  return text.length - last.length >= at && text.endsWith(last);
}

/** The accepted answer a typed answer matches: the first in order, as Moodle picks it. */
export function matchingText(question: ShortAnswerQuestion, answer: unknown): AcceptedText | undefined {
  const text = asText(answer);
  if (text === undefined) return undefined;
  return question.accept.find((a) => matchesAccepted(a.text, text, question.caseSensitive));
}

export const shortAnswer: AnswerRules<ShortAnswerQuestion> = {
  problem: (_question, answer) => (asText(answer) === undefined ? 'expected a short text answer' : undefined),
  credit: (question, answer) => matchingText(question, answer)?.credit ?? 0,
};

/** A typed number: `12`, ` 12.5 `, `1,5` (a decimal comma), or with the question's unit (`12 kg`). */
export function readNumber(question: NumericQuestion, answer: unknown): number | undefined {
  if (typeof answer === 'number') return Number.isFinite(answer) ? answer : undefined;
  if (typeof answer !== 'string') return undefined;
  let text = answer.trim();
  const unit = question.unit?.trim();
  if (unit && text.toLowerCase().endsWith(unit.toLowerCase())) text = text.slice(0, -unit.length).trim();
  if (/^[-+]?\d+,\d+$/.test(text)) text = text.replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text)) return undefined;
  return Number(text);
}

/** The accepted number a typed answer falls in: the first in order, as Moodle picks it. */
export function matchingNumber(question: NumericQuestion, answer: unknown): AcceptedNumber | undefined {
  const n = readNumber(question, answer);
  if (n === undefined) return undefined;
  // A hair of slack so that 0.1 + 0.2 typed as 0.3 still lands on 0.3.
  const slack = (edge: number) => Math.abs(edge) * 1e-12 + 1e-12;
  return question.accept.find((a) => n >= a.min - slack(a.min) && n <= a.max + slack(a.max));
}

export const numeric: AnswerRules<NumericQuestion> = {
  problem: (question, answer) =>
    readNumber(question, answer) === undefined
      ? `expected a number${question.unit ? ` (optionally followed by "${question.unit}")` : ''}`
      : undefined,
  credit: (question, answer) => matchingNumber(question, answer)?.credit ?? 0,
};
