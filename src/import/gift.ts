import { parse, type GIFTQuestion, type NumericalFormat, type TextChoice, type TextFormat } from 'gift-pegjs';
import { importMessages as messages } from './messages.js';
import { htmlToText, imagesIn } from './text.js';
import type { ConversionResult, DraftQuestion, Skipped } from './types.js';

interface Block {
  line: number;
  text: string;
}

type Question = Exclude<GIFTQuestion, { type: 'Category' }>;

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

/** Where in a block the question text starts (after a `::title::`) and ends (the first unescaped `{`). */
function stemSpan(text: string): { start: number; end: number } | undefined {
  const title = /^\s*::(?:\\.|[^:\\]|:(?!:))*::/.exec(text);
  const start = title ? title[0].length : 0;
  for (let i = start; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '{') return { start, end: i };
  }
  return undefined;
}

/** Puts a backslash before every bare character of `chars` (escaped ones stay as written). */
const escapeBare = (text: string, chars: RegExp) =>
  text.replace(
    new RegExp(`(\\\\.)|(${chars.source})`, 'g'),
    (whole, escaped: string | undefined) => escaped ?? `\\${whole}`,
  );

/**
 * Moodle reads the question text verbatim up to the first unescaped `{`, and a `:` inside the
 * answers as text (it only means something in a numerical answer, `{#3:0.5}`); gift-pegjs refuses
 * a bare `:`, `=`, `~` or `#` in the question text (a time "10:30", an HTML attribute `src="..."`)
 * and a bare `:` in an answer or feedback ("Note: ..."). Escaping exactly those gives the parse
 * Moodle would make.
 */
function escapeLikeMoodle(text: string): string | undefined {
  const span = stemSpan(text);
  if (!span) return undefined;
  const stem = escapeBare(text.slice(span.start, span.end), /[:=~#]/);
  let answers = text.slice(span.end);
  if (!/^\{\s*#/.test(answers)) answers = escapeBare(answers, /:/);
  const rewritten = text.slice(0, span.start) + stem + answers;
  return rewritten === text ? undefined : rewritten;
}

interface SyntaxProblem {
  message: string;
  location?: { start?: { line: number; column: number } };
  found?: string | null;
}

function parseBlock(block: Block): { parsed: GIFTQuestion[] } | { skipped: Skipped } {
  try {
    return { parsed: parse(`${block.text}\n`) };
  } catch (error) {
    const problem = error as SyntaxProblem;
    const escaped = escapeLikeMoodle(block.text);
    if (escaped) {
      try {
        return { parsed: parse(`${escaped}\n`) };
      } catch {
        // Report the first error, on the text as written.
      }
    }
    // An unclosed brace is noticed at the end of the block; point inside the block, not past it.
    const lastLine = block.line + block.text.split('\n').length - 1;
    const start = problem.location?.start;
    const line = Math.min(block.line + (start?.line ?? 1) - 1, lastLine);
    const column = start?.column;
    const hint = problem.found === ':' || problem.found === '=' ? messages.escapeIt(problem.found) : '';
    return {
      skipped: { line, ...(column ? { column } : {}), reason: messages.giftSyntax(`${problem.message}${hint}`) },
    };
  }
}

/** A converter's view of one question: its text as plain text, and what had to be dropped. */
class Reader {
  readonly problems: { reason: string; image: boolean }[] = [];

  /** Text as a learner should read it: GIFT's HTML (the default "moodle" format allows it) as plain text. */
  plain(text: TextFormat | null | undefined): string {
    if (!text) return '';
    if (text.format === 'plain' || text.format === 'markdown') return text.text.trim();
    for (const src of imagesIn(text.text)) this.problems.push({ reason: messages.imageDropped(src), image: true });
    return htmlToText(text.text);
  }
}

const letter = (i: number) => String.fromCharCode(97 + i);

/** A GIFT weight (%50%) as a share; `=` without a weight is full credit. */
const shareOf = (choice: { isCorrect: boolean; weight: number | null }, isMultipleChoice: boolean): number =>
  // Moodle: in a choice question `=` always means 100% (a weight after it is ignored).
  isMultipleChoice && choice.isCorrect ? 1 : choice.weight !== null ? choice.weight / 100 : choice.isCorrect ? 1 : 0;

/**
 * Moodle's multiple choice: with any `=` answer it is single-answer (each `=` answer fully right,
 * `~%50%` worth half); without one it is multiple-answer, scored by the sum of the weights.
 */
function choiceQuestion(choices: TextChoice[], read: Reader): Record<string, unknown> | string {
  if (choices.length < 2) return messages.tooFewChoices;
  const shares = choices.map((c) => shareOf(c, true));
  const options = choices.map((c, i) => ({
    id: letter(i),
    text: read.plain(c.text),
    ...(c.feedback ? { feedback: read.plain(c.feedback) } : {}),
  }));
  if (choices.some((c) => c.isCorrect)) {
    const answer = letter(shares.findIndex((s) => s === 1));
    const withCredits = options.map((o, i) => {
      const share = shares[i]!;
      if (o.id === answer || share === 0) return o;
      if (share < 0) {
        read.problems.push({ reason: messages.negativeInSingle(o.id, share), image: false });
        return o;
      }
      return { ...o, credit: share };
    });
    return { type: 'single-choice', options: withCredits, answer };
  }
  const answer = options.filter((_, i) => shares[i]! > 0).map((o) => o.id);
  if (answer.length === 0) return messages.noCorrectChoice;
  const total = shares.filter((s) => s > 0).reduce((sum, s) => sum + s, 0);
  if (Math.abs(total - 1) > 0.005) return messages.weightsNotWhole(Math.round(total * 100));
  return {
    type: 'multi-select',
    options: options.map((o, i) => (shares[i] ? { ...o, credit: shares[i] } : o)),
    answer,
  };
}

/**
 * The credit field of a typed answer: none for full credit; a negative weight cannot be taken back
 * from a typed answer (Moodle's short answer and numerical grade 0 to 100%), so it is reported and
 * imported as worth 0.
 */
function typedCredit(share: number, shown: string, read: Reader): { credit?: number } {
  if (share === 1) return {};
  if (share < 0) read.problems.push({ reason: messages.negativeInTyped(shown, share), image: false });
  return { credit: Math.max(0, share) };
}

/** Moodle's short answer, one to one: every listed answer with its weight and feedback. */
function shortAnswer(choices: TextChoice[], read: Reader): Record<string, unknown> | string {
  const accept = choices.map((c) => {
    const text = read.plain(c.text);
    return {
      text,
      ...typedCredit(shareOf(c, false), text, read),
      ...(c.feedback ? { feedback: read.plain(c.feedback) } : {}),
    };
  });
  if (!accept.some((a) => a.credit === undefined)) return messages.shortNoAnswer;
  return { type: 'short-answer', accept };
}

function acceptedNumber(text: NumericalFormat): Record<string, number> | undefined {
  if (text.type === 'high-low') {
    if (text.numberLow === undefined || text.numberHigh === undefined) return undefined;
    return { min: Math.min(text.numberLow, text.numberHigh), max: Math.max(text.numberLow, text.numberHigh) };
  }
  if (text.number === undefined) return undefined;
  return text.range ? { value: text.number, tolerance: Math.abs(text.range) } : { value: text.number };
}

/** Moodle's numerical: a value with its tolerance, a range, or several weighted answers. */
function numerical(question: Extract<Question, { type: 'Numerical' }>, read: Reader): Record<string, unknown> | string {
  const choices = Array.isArray(question.choices)
    ? question.choices
    : [{ isCorrect: true, weight: null, text: question.choices, feedback: null }];
  const accept = choices.map((c) => {
    const accepted = acceptedNumber(c.text);
    if (!accepted) return undefined;
    return {
      ...accepted,
      ...typedCredit(shareOf(c, false), String(accepted.value ?? `${accepted.min}..${accepted.max}`), read),
      ...(c.feedback ? { feedback: read.plain(c.feedback) } : {}),
    };
  });
  if (accept.some((a) => a === undefined)) return messages.numericalUnreadable;
  if (!accept.some((a) => a!.credit === undefined)) return messages.numericalNoAnswer;
  return { type: 'numeric', accept };
}

/** An essay has no key: the general feedback becomes the model answer a learner checks against. */
function essay(question: Extract<Question, { type: 'Essay' }>, read: Reader): Record<string, unknown> | string {
  const model = read.plain(question.globalFeedback);
  if (!model) return messages.essay;
  return {
    type: 'free-text',
    model_answer: model,
    rubric: [{ id: 'matches-model', text: messages.essayCriterion, points: 1, check: 'self' }],
  };
}

function convertOne(
  question: Exclude<Question, { type: 'Description' }>,
  read: Reader,
): Record<string, unknown> | string {
  switch (question.type) {
    case 'Essay':
      return essay(question, read);
    case 'TF':
      return { type: 'true-false', answer: question.isTrue };
    case 'MC':
      return choiceQuestion(question.choices, read);
    case 'Short':
      return shortAnswer(question.choices, read);
    case 'Numerical':
      return numerical(question, read);
    case 'Matching': {
      const pairs = question.matchPairs.filter((p) => read.plain(p.subquestion) !== '');
      const labels = [...new Set(question.matchPairs.map((p) => p.subanswer.trim()))];
      if (pairs.length < 2 || labels.length < 2) return messages.matchingTooFew;
      const items = pairs.map((p, i) => ({ id: `i${i + 1}`, text: read.plain(p.subquestion) }));
      return {
        type: 'label-each',
        items,
        labels,
        answer: Object.fromEntries(pairs.map((p, i) => [`i${i + 1}`, p.subanswer.trim()])),
      };
    }
  }
}

/**
 * The general feedback, and for true/false the two answer feedbacks where GIFT puts them: in
 * `{T#first#second}` the first is shown to a learner who answered wrong, the second to one who
 * answered right (gift-pegjs calls them trueFeedback and falseFeedback whatever the key).
 */
function explanationOf(
  question: Exclude<Question, { type: 'Description' | 'Essay' }>,
  read: Reader,
): string | undefined {
  const parts = [read.plain(question.globalFeedback)];
  if (question.type === 'TF') {
    const forWrong = read.plain(question.trueFeedback);
    const forRight = read.plain(question.falseFeedback);
    if (forRight) parts.push(messages.ifYouAnswered(question.isTrue, forRight));
    if (forWrong) parts.push(messages.ifYouAnswered(!question.isTrue, forWrong));
  }
  return parts.filter(Boolean).join('\n') || undefined;
}

/** What was lost while reading a question, each image on its own line (they are read in text order). */
function lossesOf(block: Block, read: Reader): Skipped[] {
  const imageLines = [...block.text.matchAll(/<img\b/gi)].map(
    (m) => block.line + block.text.slice(0, m.index).split('\n').length - 1,
  );
  return read.problems.map((p) => ({
    line: (p.image ? imageLines.shift() : undefined) ?? block.line,
    reason: p.reason,
  }));
}

/**
 * Converts Moodle GIFT (parsed by gift-pegjs) with Moodle's meaning: multiple choice (single- or
 * multiple-answer, with weights), true/false, short answer, numerical, matching and essays (the
 * general feedback as model answer); a description becomes the context of the next question.
 * What cannot be converted, or only with a loss (a dropped image), is reported with its line.
 */
export function convertGift(source: string): ConversionResult {
  const questions: DraftQuestion[] = [];
  const skipped: Skipped[] = [];
  let category: string | undefined;
  let description: { line: number; text: string } | undefined;
  for (const block of blocks(source)) {
    const result = parseBlock(block);
    if ('skipped' in result) {
      skipped.push(result.skipped);
      continue;
    }
    for (const question of result.parsed) {
      if (question.type === 'Category') {
        category = question.title.trim().split('/').pop()!.trim() || undefined;
        continue;
      }
      const read = new Reader();
      const prompt = read.plain(question.stem);
      if (question.type === 'Description') {
        if (description) skipped.push({ line: description.line, reason: messages.descriptionAlone });
        description = { line: block.line, text: prompt };
        skipped.push(...lossesOf(block, read));
        continue;
      }
      const converted = convertOne(question, read);
      const explanation = question.type === 'Essay' ? undefined : explanationOf(question, read);
      skipped.push(...lossesOf(block, read));
      if (typeof converted === 'string') {
        skipped.push({ line: block.line, reason: converted });
        continue;
      }
      const { type, ...rest } = converted;
      const context = description?.text;
      description = undefined;
      questions.push({
        line: block.line,
        category,
        fields: { type, prompt, ...(context ? { context } : {}), ...rest, ...(explanation ? { explanation } : {}) },
      });
    }
  }
  if (description) skipped.push({ line: description.line, reason: messages.descriptionAlone });
  return { questions, skipped };
}
