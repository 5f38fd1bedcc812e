import { importMessages as messages } from './messages.js';
import type { ConversionResult, DraftQuestion, Skipped } from './types.js';

const OPTION = /^([A-Z])[.)]\s+(.+)$/;
const ANSWER = /^ANSWER:\s*([A-Z])\s*$/i;

interface Pending {
  line: number;
  prompt: string;
  options: { letter: string; text: string }[];
}

/**
 * Converts Moodle's Aiken format: a question on one line, options "A. text" or "A) text", then
 * "ANSWER: B". Each question becomes a single-choice question with option ids a, b, c...
 */
export function convertAiken(source: string): ConversionResult {
  const questions: DraftQuestion[] = [];
  const skipped: Skipped[] = [];
  let pending: Pending | undefined;

  const close = (answerLetter: string | undefined, line: number) => {
    if (!pending) return;
    const question = pending;
    pending = undefined;
    if (question.options.length < 2) return void skipped.push({ line: question.line, reason: messages.aikenTooFewOptions });
    if (answerLetter === undefined) return void skipped.push({ line: question.line, reason: messages.aikenNoAnswer });
    const letters = question.options.map((o) => o.letter);
    if (!letters.includes(answerLetter)) return void skipped.push({ line, reason: messages.aikenBadAnswer(answerLetter, letters) });
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

  source.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const text = raw.trim();
    if (!text) return;
    const answer = ANSWER.exec(text);
    if (answer) {
      if (pending) close(answer[1]!.toUpperCase(), line);
      else skipped.push({ line, reason: messages.aikenStray(text) });
      return;
    }
    const option = OPTION.exec(text);
    if (option && pending) {
      pending.options.push({ letter: option[1]!, text: option[2]!.trim() });
      return;
    }
    if (pending && pending.options.length > 0) close(undefined, line);
    if (pending) {
      // A question may wrap onto a second line before its options start.
      pending.prompt = `${pending.prompt} ${text}`;
      return;
    }
    pending = { line, prompt: text, options: [] };
  });
  close(undefined, 0);
  return { questions, skipped };
}
