import { Document, isSeq, visit } from 'yaml';
import { keyResponse } from '../../scoring/key-response.js';
import { findBank, type GlobalOptions } from '../context.js';
import type { Io } from '../io.js';
import fs from 'node:fs';

export { keyResponse };

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
