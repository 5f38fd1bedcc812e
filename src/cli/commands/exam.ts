import readline from 'node:readline';
import { safeJson } from '../../text/sanitize.js';
import { formatDiagnostic } from '../../content/diagnostic.js';
import { UsageError } from '../../errors.js';
import { examSummary, renderJson } from '../../report/render/json.js';
import { contentOf, reportStudy } from '../../attempt/study-data.js';
import { parseAnswersFile } from '../../attempt/answers.js';
import { recordAnswers, type BatchRequest } from '../../attempt/batch.js';
import { runAnswerStream } from '../../attempt/stream.js';
import { reportAs } from '../../ui/report-view.js';
import { readNamedInput } from '../../workspace/input.js';
import { findBank, withStore } from '../../workspace/open.js';
import { runInteractive } from '../interactive.js';
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
export function examCommand(bankRef: string, options: ExamOptions, io: Io): void | Promise<void> {
  if (options.stream && options.answers !== '-') throw new UsageError(messages.streamNeedsStdin);
  // A mistyped bank is named first: no terminal would not help with that.
  const { selection, resolved } = findBank(options, bankRef);
  if (!options.answers && !io.terminal)
    throw new UsageError(messages.needsTerminal(options.practice ? 'practice' : 'exam'));
  if (options.all && !options.practice) throw new UsageError(messages.allNeedsPractice);
  const mode = options.practice ? 'practice' : 'exam';
  // Without an answers file the exam runs in the terminal, question by question.
  if (!options.answers) return runInteractive(resolved, { ...options, mode, timed: true }, io, io.terminal!);
  // The seed is read where it always was: after the database opens (stream) or the answers are read.
  const request = (): BatchRequest => ({
    mode,
    seed: parseSeed(options.seed),
    all: options.all,
    resume: options.resume,
  });
  if (options.stream) {
    const input = () => readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
    const emit = (event: object) => io.out(`${safeJson(event)}\n`);
    return withStore(
      options,
      ({ store }) => runAnswerStream({ store, resolved, clock: io.clock, json: true }, request(), input, emit),
      'write',
      io.err,
    );
  }
  const { bytes, file } = readNamedInput(options.answers, io.cwd, (why) =>
    messages.cannotReadAnswers(options.answers!, why),
  );
  const answers = parseAnswersFile(
    { file, text: bytes.toString('utf8') },
    resolved.bank,
    // Every bank is read only to name the one a mistaken answers file was written for.
    () => [...selection.loadAll().banks.values()].map((b) => b.bank),
  );
  for (const warning of answers.warnings) io.err(`${formatDiagnostic(warning, (f) => displayPath(io, f))}\n`);
  const json = Boolean(options.json);
  const batch = request();
  withStore(
    options,
    ({ db, store }) => {
      const report = recordAnswers({ store, resolved, clock: io.clock, json }, batch, answers.responses);
      if (json) return io.out(renderJson(examSummary(report)));
      const study = reportStudy({ db, store, content: contentOf(resolved) }, report, io.clock());
      io.out(reportAs('text', report, study, { color: io.color, width: io.width }));
    },
    'write',
    io.err,
  );
}
