import fs from 'node:fs';
import readline from 'node:readline';
import type { ResolvedBank } from '../../content/types.js';
import { safeJson } from '../../text/sanitize.js';
import { formatDiagnostic } from '../../content/diagnostic.js';
import { UsageError } from '../../errors.js';
import { examSummary, renderJson } from '../../report/render/json.js';
import { renderText } from '../../report/render/text.js';
import { contentOf, reportStudy, reportStudyText } from '../report-study.js';
import { checkResponse, readAnswersFile } from '../answers.js';
import { finishAttempt, openNewAttempt, resumeOpenAttempt, settleLapsedExam, settleOpenPractice } from '../attempt.js';
import { runInteractive } from '../interactive.js';
import { findBank, now, openStore, parseSeed, type GlobalOptions } from '../context.js';
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
 * `qualify exam <bank> --answers <file>`: runs a whole attempt from an answers file. The run is
 * one transaction (retake check, attempt, every answer, result): a run killed half-way leaves
 * nothing behind, so it can neither block the next run nor become a counted failure.
 * With `--answers - --stream`, answers arrive as JSON lines and each is acknowledged once durable.
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
  const answers = readAnswersFile(
    options.answers,
    resolved.bank,
    // Every bank is read only to name the one a mistaken answers file was written for.
    () => [...selection.loadAll().banks.values()].map((b) => b.bank),
    io.cwd,
  );
  for (const warning of answers.warnings) io.err(`${formatDiagnostic(warning, (f) => displayPath(io, f))}\n`);
  const seed = parseSeed(options.seed);
  const mode = options.practice ? 'practice' : 'exam';
  const json = Boolean(options.json);

  const { db, store } = openStore(options, 'write', io.err);
  try {
    if (mode === 'exam' && !options.resume) settleLapsedExam(store, resolved, now(io.env), json);
    const report = store.immediately(() => {
      const at = now(io.env);
      const attempt = options.resume
        ? resumeOpenAttempt(store, resolved, mode, at, json)
        : openNewAttempt(store, resolved, { mode, seed, at, all: options.all }, json);
      if (attempt.deadlineAt !== undefined && attempt.deadlineAt <= at)
        return finishAttempt(store, resolved, attempt, mode, 'expired', attempt.deadlineAt);
      // On a resume, the file's answers replace the ones given before, as a change of mind would.
      for (const question of attempt.questions) {
        const response = answers.responses.get(question.id);
        if (response)
          store.saveAnswer(attempt.attemptId, {
            questionId: question.id,
            response,
            answeredAt: now(io.env),
            flagged: false,
          });
      }
      return finishAttempt(store, resolved, attempt, mode, 'submitted', now(io.env));
    });
    io.out(
      json
        ? renderJson(examSummary(report))
        : renderText(report, { color: io.color, width: io.width }) +
            reportStudyText(reportStudy(db, store, contentOf(resolved), report, now(io.env)), io.color, io.width),
    );
  } finally {
    db.close();
  }
}

/** Longest JSON line accepted on the answer stream. */
const MAX_STREAM_LINE = 1024 * 1024;

/**
 * The drivable exam: one JSON object per line on stdin (`{"id": "se-001", "answer": "b"}`, with
 * the answers file's full-form keys allowed; `{"submit": true}` ends it), one JSON line on stdout
 * per event. An answer is acknowledged only after its transaction committed. Standard input
 * ending without a submit leaves the attempt in progress, to be continued with --resume.
 */
async function streamExam(resolved: ResolvedBank, options: ExamOptions, io: Io): Promise<void> {
  const mode = options.practice ? 'practice' : 'exam';
  const json = true;
  const emit = (event: Record<string, unknown>) => io.out(`${safeJson(event)}\n`);
  const { db, store } = openStore(options, 'write', io.err);
  try {
    const at = now(io.env);
    // A bank keeps one open practice round, and a stream may leave its round open.
    if (mode === 'practice' && !options.resume && settleOpenPractice(store, resolved, at))
      throw new UsageError(messages.practiceRoundOpen(resolved.bank.id));
    const attempt = options.resume
      ? resumeOpenAttempt(store, resolved, mode, at, json)
      : openNewAttempt(
          store,
          resolved,
          { mode, seed: parseSeed(options.seed), at, all: options.all, settings: { driver: 'stream' } },
          json,
        );
    const byId = new Map(attempt.questions.map((q) => [q.id, q]));
    const finish = (status: 'submitted' | 'expired', endedAt: number) => {
      const report = finishAttempt(store, resolved, attempt, mode, status, endedAt);
      emit({ event: 'result', ...examSummary(report) });
    };
    emit({
      event: 'started',
      attemptId: attempt.attemptId,
      mode,
      questions: [...byId.keys()],
      answered: store.answers(attempt.attemptId).map((a) => a.questionId),
      deadlineAt: attempt.deadlineAt === undefined ? null : new Date(attempt.deadlineAt).toISOString(),
    });
    const expired = () => attempt.deadlineAt !== undefined && now(io.env) >= attempt.deadlineAt;
    if (expired()) return finish('expired', attempt.deadlineAt!);

    const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
    let lineNumber = 0;
    for await (const line of lines) {
      lineNumber++;
      if (!line.trim()) continue;
      if (expired()) return finish('expired', attempt.deadlineAt!);
      const problem = (message: string) => emit({ event: 'error', line: lineNumber, message });
      if (line.length > MAX_STREAM_LINE) {
        problem(messages.streamLineTooLong);
        continue;
      }
      let message: unknown;
      try {
        message = JSON.parse(line);
      } catch {
        problem(messages.streamNotJson);
        continue;
      }
      if (typeof message !== 'object' || message === null || Array.isArray(message)) {
        problem(messages.streamNotObject);
        continue;
      }
      const { id, submit, ...response } = message as Record<string, unknown>;
      if (submit === true) return finish('submitted', now(io.env));
      const question = typeof id === 'string' ? byId.get(id) : undefined;
      if (!question) {
        problem(messages.streamUnknownQuestion(String(id)));
        continue;
      }
      const checked = checkResponse(question, response);
      if ('problem' in checked) {
        problem(checked.problem);
        continue;
      }
      if (!checked.response) {
        problem(messages.streamNoResponse(question.id));
        continue;
      }
      store.saveAnswer(attempt.attemptId, {
        questionId: question.id,
        response: checked.response,
        answeredAt: now(io.env),
        flagged: false,
      });
      emit({ event: 'ack', id: question.id, attemptId: attempt.attemptId });
    }
    throw new UsageError(messages.streamEndedWithoutSubmit(resolved.bank.id, mode));
  } finally {
    db.close();
  }
}
