import { UsageError } from '../../errors.js';
import { findBank } from '../../app/open.js';
import { parseSeed, type GlobalOptions } from '../context.js';
import { runAttempt } from '../../app/run-attempt.js';
import type { Io } from '../io.js';
import { messages } from '../messages.js';

export interface PracticeOptions extends GlobalOptions {
  timed?: boolean;
  confidence?: boolean;
  resume?: boolean;
  seed?: string;
}

/**
 * `qualify practice <bank>`: the exam's questions in the terminal with feedback after each one,
 * untimed unless --timed, never counted toward retakes. (With an answers file, use
 * `qualify exam <bank> --practice --answers <file>`.)
 */
export function practiceCommand(bankRef: string, options: PracticeOptions, io: Io): Promise<void> {
  if (!io.terminal) throw new UsageError(messages.needsTerminal('practice'));
  const { resolved } = findBank(options, bankRef);
  const seed = () => parseSeed(options.seed);
  return runAttempt(resolved, { ...options, mode: 'practice', seed }, io, io.terminal).then(() => {});
}
