import { Document, isSeq, visit } from 'yaml';
import type { Question } from '../../content/types.js';
import { findBank, type GlobalOptions } from '../context.js';
import type { Io } from '../io.js';
import fs from 'node:fs';

/** One question's key in answers-file shape, with the model answer and every earning self criterion. */
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

/** `qualify key <bank>`: the bank's answer key as an answers file (authors check it scores 100%). */
export function keyCommand(bankRef: string, options: GlobalOptions, io: Io): void {
  const { resolved } = findBank(options, bankRef, fs.existsSync);
  const key: Record<string, unknown> = {};
  for (const question of resolved.bank.questions) key[question.id] = keyResponse(question);
  io.out(`# Answer key of ${resolved.bank.id} ${resolved.bank.version}, in answers-file form.\n`);
  const doc = new Document(key);
  // Lists of ids read best on one line: `q-2: [a, c]`.
  visit(doc, { Seq: (_key, node) => void (isSeq(node) && (node.flow = true)) });
  io.out(doc.toString({ lineWidth: 0 }));
}
