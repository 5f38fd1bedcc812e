import { answerKeyFile } from '../../attempt/answers.js';
import { findBank } from '../../app/open.js';
import type { GlobalOptions } from '../context.js';
import type { Io } from '../io.js';

/** `qualify key <bank>`: the bank's answer key as an answers file (authors check it scores 100%). */
export function keyCommand(bankRef: string, options: GlobalOptions, io: Io): void {
  io.out(answerKeyFile(findBank(options, bankRef).resolved.bank));
}
