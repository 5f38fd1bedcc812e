import type { Question } from '../content/types.js';

/**
 * One question's key in answers-file shape, with the model answer and every earning self
 * criterion. `qualify key` prints it, and `qualify lint` scores it to prove a bank's key earns
 * full marks, so both agree on what "the key" is.
 */
export function keyResponse(question: Question): unknown {
  const self = question.rubric.filter((c) => c.check === 'self' && c.points > 0).map((c) => c.id);
  const extras: Record<string, unknown> = {};
  if (self.length) extras.self = self;
  if (question.type === 'free-text') return { text: question.model_answer ?? '', ...extras };
  if (question.model_answer) extras.rationale = question.model_answer;
  // A label-each key is itself a mapping, so it always goes in the full form to stay unambiguous.
  if (Object.keys(extras).length === 0 && question.type !== 'label-each') return question.answer;
  return { answer: question.answer, ...extras };
}
