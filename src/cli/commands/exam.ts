import { createRequire } from 'node:module';
import { safeJson } from '../../text/sanitize.js';
import { formatDiagnostic, type Diagnostic } from '../../content/diagnostic.js';
import { UsageError } from '../../errors.js';
import type { BatchRequest } from '../../attempt/batch.js';
import { attemptFromAnswers, streamAttempt } from '../../app/exam.js';
import { readNamedInput } from '../../app/input.js';
import { findBank } from '../../app/open.js';
import { parseSeed, type GlobalOptions } from '../context.js';
import { displayPath, type Io } from '../io.js';
import { messages } from '../messages.js';

export interface ExamOptions extends GlobalOptions {
  answers?: string;
  seed?: string;
  json?: boolean;
  practice?: boolean;
  all?: boolean;
  /** Interactive only: continue the attempt in progress. */
  resume?: boolean;
  /** Interactive only: ask "how sure?" after each answer. */
  confidence?: boolean;
  /** With `--answers -`: JSON lines in, one acknowledgement per durable answer out. */
  stream?: boolean;
}

/**
 * `qualify exam <bank> --answers <file>`: runs a whole attempt from an answers file, as one
 * transaction (see attempt/batch.ts). With `--answers - --stream`, answers arrive as JSON lines
 * and each is acknowledged once durable (see attempt/stream.ts; standard input ending without a
 * submit leaves the attempt in progress). Without an answers file, the exam runs in the terminal.
 */
export async function examCommand(bankRef: string, options: ExamOptions, io: Io): Promise<void> {
  if (options.stream && options.answers !== '-') throw new UsageError(messages.streamNeedsStdin);
  // A mistyped bank is named first: no terminal would not help with that.
  const { selection, resolved } = findBank(options, bankRef);
  if (!options.answers && !io.terminal)
    throw new UsageError(messages.needsTerminal(options.practice ? 'practice' : 'exam', options.resume));
  if (options.all && !options.practice) throw new UsageError(messages.allNeedsPractice);
  const mode = options.practice ? 'practice' : 'exam';
  // Without an answers file the exam runs in the terminal, question by question.
  if (!options.answers) {
    const seed = () => parseSeed(options.seed);
    // Loaded for it alone (the prompts and their packages): an answers file never needs them.
    const { runAttempt } = await import('../../app/run-attempt.js');
    await runAttempt(resolved, { ...options, mode, timed: true, seed }, io, io.terminal!);
    return;
  }
  // The seed is read where it always was: after the database opens (stream) or the answers are read.
  const request = (): BatchRequest => ({
    mode,
    seed: parseSeed(options.seed),
    all: options.all,
    resume: options.resume,
  });
  if (options.stream) {
    // Loaded for the stream alone (with Node's stream modules): an answers file never needs it.
    const { createInterface } = createRequire(import.meta.url)('node:readline') as typeof import('node:readline');
    const input = () => createInterface({ input: process.stdin, crlfDelay: Infinity });
    return streamAttempt(options, { selection, resolved }, request, io, input, (event) =>
      io.out(`${safeJson(event)}\n`),
    );
  }
  const { bytes, file } = readNamedInput(options.answers, io.cwd, (why) =>
    messages.cannotReadAnswers(options.answers!, why),
  );
  const warn = (warning: Diagnostic) => io.err(`${formatDiagnostic(warning, (f) => displayPath(io, f))}\n`);
  const run = { ...io, json: Boolean(options.json), warn, commandFor: (owner: string) => sameExamFor(owner, options) };
  io.out(
    await attemptFromAnswers(options, { selection, resolved }, { file, text: bytes.toString('utf8') }, request, run),
  );
}

/**
 * This exam's command for another bank, keeping what decides how the attempt counts (a practice
 * round must not be suggested as a counted exam) and the rest of what the user asked for.
 */
function sameExamFor(bank: string, options: ExamOptions): string {
  const quoted = (text: string) => (/^[\w./:@-]+$/.test(text) ? text : `'${text.replace(/'/g, "'\\''")}'`);
  return [
    'qualify exam',
    quoted(bank),
    options.practice ? '--practice' : '',
    options.all ? '--all' : '',
    options.seed !== undefined ? `--seed ${quoted(options.seed)}` : '',
    `--answers ${quoted(options.answers ?? '<file>')}`,
    options.json ? '--json' : '',
  ]
    .filter(Boolean)
    .join(' ');
}
