import fs from 'node:fs';
import readline from 'node:readline';
import type { ResolvedBank } from '../../content/types.js';
import { safeJson } from '../../text/sanitize.js';
import { formatDiagnostic } from '../../content/diagnostic.js';
import { UsageError } from '../../errors.js';
import { examSummary, renderJson } from '../../report/render/json.js';
import { renderText } from '../../report/render/text.js';
import { contentOf, reportStudy } from '../../attempt/study-data.js';
import { reportStudyText } from '../report-study.js';
import { parseAnswersFile, type AnswersText } from '../../attempt/answers.js';
import { recordAnswers, type BatchRequest } from '../../attempt/batch.js';
import { AnswerStream, type StreamEvent } from '../../attempt/stream.js';
import { runInteractive } from '../interactive.js';
import { readInputBytes } from '../input.js';
import { findBank, openStore, parseSeed, type GlobalOptions } from '../context.js';
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
 * and each is acknowledged once durable. Without an answers file, the exam runs in the terminal.
 */
export function examCommand(bankRef: string, options: ExamOptions, io: Io): void | Promise<void> {
  if (options.stream && options.answers !== '-') throw new UsageError(messages.streamNeedsStdin);
  if (!options.answers) {
    // Without an answers file the exam runs in the terminal, question by question.
    // A mistyped bank is named first: no terminal would not help with that.
    const { resolved } = findBank(options, bankRef, fs.existsSync);
    if (!io.terminal) throw new UsageError(messages.needsTerminal(options.practice ? 'practice' : 'exam'));
    if (options.all && !options.practice) throw new UsageError(messages.allNeedsPractice);
    return runInteractive(
      resolved,
      { ...options, mode: options.practice ? 'practice' : 'exam', timed: true },
      io,
      io.terminal,
    );
  }
  const { selection, resolved } = findBank(options, bankRef, fs.existsSync);
  if (options.all && !options.practice) throw new UsageError(messages.allNeedsPractice);
  if (options.stream) return streamExam(resolved, options, io);
  const answers = parseAnswersFile(
    readAnswersText(options.answers, io.cwd),
    resolved.bank,
    // Every bank is read only to name the one a mistaken answers file was written for.
    () => [...selection.loadAll().banks.values()].map((b) => b.bank),
  );
  for (const warning of answers.warnings) io.err(`${formatDiagnostic(warning, (f) => displayPath(io, f))}\n`);
  const request = attemptRequest(options);
  const json = Boolean(options.json);
  const { db, store } = openStore(options, 'write', io.err);
  try {
    const report = recordAnswers({ store, resolved, clock: io.clock, json }, request, answers.responses);
    io.out(
      json
        ? renderJson(examSummary(report))
        : renderText(report, { color: io.color, width: io.width }) +
            reportStudyText(
              reportStudy({ db, store, content: contentOf(resolved) }, report, io.clock()),
              io.color,
              io.width,
            ),
    );
  } finally {
    db.close();
  }
}

/** The attempt the options ask for: mode, seed, the whole bank or the draw, a resume. */
function attemptRequest(options: ExamOptions): BatchRequest {
  return {
    mode: options.practice ? 'practice' : 'exam',
    seed: parseSeed(options.seed),
    all: options.all,
    resume: options.resume,
  };
}

/** An answers file named on the command line (`-`: standard input), as text. */
function readAnswersText(given: string, cwd: string): AnswersText {
  try {
    const { bytes, file } = readInputBytes(given, cwd);
    return { file, text: bytes.toString('utf8') };
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new UsageError(messages.cannotReadAnswers(given, why));
  }
}

/**
 * `--answers - --stream`: JSON lines in from standard input, one event per line out (see
 * attempt/stream.ts). Standard input ending without a submit leaves the attempt in progress.
 */
async function streamExam(resolved: ResolvedBank, options: ExamOptions, io: Io): Promise<void> {
  const emit = (event: StreamEvent) => io.out(`${safeJson(event)}\n`);
  const { db, store } = openStore(options, 'write', io.err);
  try {
    const stream = AnswerStream.open({ store, resolved, clock: io.clock, json: true }, attemptRequest(options));
    emit(stream.started());
    const expired = stream.expireIfLapsed();
    if (expired) return emit(expired);
    let lineNumber = 0;
    for await (const line of readline.createInterface({ input: process.stdin, crlfDelay: Infinity })) {
      const step = stream.line(line, ++lineNumber);
      step.events.forEach(emit);
      if (step.done) return;
    }
    throw stream.endedWithoutSubmit();
  } finally {
    db.close();
  }
}
