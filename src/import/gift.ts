import { parse, type GIFTQuestion, type TextChoice, type TextFormat } from 'gift-pegjs';
import { importMessages as messages } from './messages.js';
import type { ConversionResult, DraftQuestion, Skipped } from './types.js';

interface Block {
  line: number;
  text: string;
}

/**
 * GIFT questions are separated by blank lines. Parsing each block on its own gives every
 * question its line in the source and keeps one syntax error from losing the whole file.
 */
function blocks(source: string): Block[] {
  const found: Block[] = [];
  let current: { line: number; lines: string[] } | undefined;
  source.split(/\r?\n/).forEach((raw, index) => {
    const isComment = /^\s*\/\//.test(raw);
    if (raw.trim() === '') {
      if (current) found.push({ line: current.line, text: current.lines.join('\n') });
      current = undefined;
      return;
    }
    if (isComment) return;
    if (!current) current = { line: index + 1, lines: [] };
    current.lines.push(raw);
  });
  if (current) found.push({ line: current.line, text: current.lines.join('\n') });
  return found;
}

/** Text as a learner should read it: GIFT's [html] markup reduced to plain text. */
function plain(text: TextFormat | null | undefined): string {
  if (!text) return '';
  const body = text.format === 'html' ? text.text.replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]+>/g, '') : text.text;
  return body.trim();
}

const letter = (i: number) => String.fromCharCode(97 + i);

function choiceQuestion(choices: TextChoice[]): Record<string, unknown> | string {
  if (choices.length < 2) return messages.tooFewChoices;
  const options = choices.map((c, i) => ({ id: letter(i), text: plain(c.text), ...(c.feedback ? { feedback: plain(c.feedback) } : {}) }));
  const weighted = choices.some((c) => c.weight !== null);
  const correct = choices.map((c, i) => ((weighted ? (c.weight ?? 0) > 0 : c.isCorrect) ? letter(i) : undefined)).filter((id): id is string => id !== undefined);
  if (correct.length === 0) return messages.noCorrectChoice;
  // Several answers earning partial credit is how GIFT writes "select all that apply".
  return correct.length === 1 && !weighted ? { type: 'single-choice', options, answer: correct[0] } : { type: 'multi-select', options, answer: correct };
}

/** An exact number, as a free-text question whose one criterion matches that number alone. */
function exactNumber(n: number): Record<string, unknown> {
  const escaped = String(n).replace(/[.+-]/g, (c) => `\\${c}`);
  return {
    type: 'free-text',
    model_answer: String(n),
    rubric: [{ id: 'exact-number', text: messages.numericalCriterion(n), points: 1, check: { matches: `^\\s*${escaped}(\\.0+)?\\s*$` } }],
  };
}

function convertOne(question: Exclude<GIFTQuestion, { type: 'Category' }>): Record<string, unknown> | string {
  switch (question.type) {
    case 'Description':
      return messages.description;
    case 'Essay':
      return messages.essay;
    case 'TF':
      return { type: 'true-false', answer: question.isTrue };
    case 'MC':
      return choiceQuestion(question.choices);
    case 'Short': {
      const accepted = question.choices.filter((c) => c.isCorrect || (c.weight ?? 0) > 0).map((c) => plain(c.text));
      if (accepted.length === 0) return messages.shortNoAnswer;
      return {
        type: 'free-text',
        model_answer: accepted[0],
        rubric: [{ id: 'accepted-answer', text: messages.shortCriterion, points: 1, check: { any: accepted } }],
        explanation: messages.shortExplanation(accepted),
      };
    }
    case 'Numerical': {
      const choices = question.choices;
      if (Array.isArray(choices)) {
        const correct = choices.filter((c) => c.isCorrect || (c.weight ?? 0) > 0);
        if (correct.length !== 1) return messages.numericalSeveral;
        const only = correct[0]!.text;
        if (only.type !== 'simple' || only.number === undefined || (only.range ?? 0) !== 0) return messages.numericalTolerance;
        return exactNumber(only.number);
      }
      if (choices.type !== 'simple' || choices.number === undefined || (choices.range ?? 0) !== 0) return messages.numericalTolerance;
      return exactNumber(choices.number);
    }
    case 'Matching': {
      const pairs = question.matchPairs.filter((p) => plain(p.subquestion) !== '');
      const labels = [...new Set(question.matchPairs.map((p) => p.subanswer.trim()))];
      if (pairs.length < 2 || labels.length < 2) return messages.matchingTooFew;
      const items = pairs.map((p, i) => ({ id: `i${i + 1}`, text: plain(p.subquestion) }));
      return { type: 'label-each', items, labels, answer: Object.fromEntries(pairs.map((p, i) => [`i${i + 1}`, p.subanswer.trim()])) };
    }
  }
}

function explanationOf(question: GIFTQuestion): string | undefined {
  if (question.type === 'Category') return undefined;
  const parts = [plain(question.type === 'Description' ? null : question.globalFeedback)];
  if (question.type === 'TF') parts.push(plain(question.isTrue ? question.trueFeedback : question.falseFeedback));
  return parts.filter(Boolean).join(' ') || undefined;
}

/**
 * Converts Moodle GIFT (parsed by gift-pegjs): multiple choice, multiple answers (weights), true/false,
 * short answer, matching and exact numerical questions. Essays, descriptions and numerical ranges
 * have no v1 equivalent and are reported with their line.
 */
export function convertGift(source: string): ConversionResult {
  const questions: DraftQuestion[] = [];
  const skipped: Skipped[] = [];
  let category: string | undefined;
  for (const block of blocks(source)) {
    let parsed: GIFTQuestion[];
    try {
      parsed = parse(`${block.text}\n`);
    } catch (error) {
      const location = (error as { location?: { start?: { line: number } } }).location;
      // An unclosed brace is noticed at the end of the block; point inside the block, not past it.
      const lastLine = block.line + block.text.split('\n').length - 1;
      const line = Math.min(block.line + (location?.start?.line ?? 1) - 1, lastLine);
      skipped.push({ line, reason: messages.giftSyntax((error as Error).message) });
      continue;
    }
    for (const question of parsed) {
      if (question.type === 'Category') {
        category = question.title.trim().split('/').pop()!.trim() || undefined;
        continue;
      }
      const converted = convertOne(question);
      if (typeof converted === 'string') {
        skipped.push({ line: block.line, reason: converted });
        continue;
      }
      const explanation = (converted.explanation as string | undefined) ?? explanationOf(question);
      delete converted.explanation;
      const { type, ...rest } = converted;
      questions.push({
        line: block.line,
        category,
        fields: { type, prompt: plain(question.stem), ...rest, ...(explanation ? { explanation } : {}) },
      });
    }
  }
  return { questions, skipped };
}
