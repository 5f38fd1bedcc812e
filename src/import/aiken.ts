import { importMessages as messages } from './messages.js';
import type { ConversionResult, DraftQuestion, Skipped } from './types.js';

/** Moodle's option line: a capital letter, `)` or `.`, then optionally a space ("A)text" counts). */
const OPTION = /^([A-Z])[.)][ \t]?(.*)$/;
/** Moodle reads the answer letter as the first character after "ANSWER:". */
const ANSWER = /^ANSWER:\s*(\S?)/;

interface Pending {
  line: number;
  prompt: string;
  options: { letter: string; text: string }[];
}

/**
 * Converts Moodle's Aiken format as Moodle reads it: a question on one line (a line wrapped before
 * the options start is joined to it), options "A) text" or "A. text", then "ANSWER: B". Each
 * question becomes a single-choice question with option ids a, b, c... An option or ANSWER line
 * outside a question, and a question that never gets its ANSWER line, are reported with their
 * line and never merged into a neighbour.
 */
export function convertAiken(source: string): ConversionResult {
  const questions: DraftQuestion[] = [];
  const skipped: Skipped[] = [];
  let pending: Pending | undefined;

  const finish = (answerLetter: string, line: number) => {
    const question = pending!;
    pending = undefined;
    if (question.options.length < 2)
      return void skipped.push({ line: question.line, reason: messages.aikenTooFewOptions });
    const letters = question.options.map((o) => o.letter);
    if (!letters.includes(answerLetter))
      return void skipped.push({ line, reason: messages.aikenBadAnswer(answerLetter, letters) });
    questions.push({
      line: question.line,
      fields: {
        type: 'single-choice',
        prompt: question.prompt,
        options: question.options.map((o) => ({ id: o.letter.toLowerCase(), text: o.text })),
        answer: answerLetter.toLowerCase(),
      },
    });
  };

  source.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = index + 1;
    const text = raw.trim();
    // Moodle skips lines shorter than two characters.
    if (text.length < 2) return;
    const answer = ANSWER.exec(text);
    const option = answer ? undefined : OPTION.exec(text);
    if (answer || option) {
      if (!pending)
        return void skipped.push({
          line,
          reason: answer ? messages.aikenStrayAnswer : messages.aikenStrayOption(text),
        });
      if (answer) return finish(answer[1]!, line);
      pending.options.push({ letter: option![1]!, text: option![2]!.trim() });
      return;
    }
    if (pending && pending.options.length === 0) {
      pending.prompt = `${pending.prompt} ${text}`;
      return;
    }
    if (pending) skipped.push({ line: pending.line, reason: messages.aikenNoAnswer });
    pending = { line, prompt: text, options: [] };
  });
  if (pending) skipped.push({ line: pending.line, reason: messages.aikenNoAnswer });
  return { questions, skipped };
}
