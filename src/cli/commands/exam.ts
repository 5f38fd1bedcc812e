import fs from 'node:fs';
import { formatDiagnostic } from '../../content/diagnostic.js';
import { UsageError } from '../../errors.js';
import { examSummary, renderJson } from '../../report/render/json.js';
import { renderText } from '../../report/render/text.js';
import { contentOf, reportStudy, reportStudyText } from '../report-study.js';
import { readAnswersFile } from '../answers.js';
import { assertMayStart, finishAttempt, settleOpenExam, startAttempt } from '../attempt.js';
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
}


/**
 * `qualify exam <bank> --answers <file>`: runs a whole attempt from an answers file. Each answer
 * is saved in its own transaction, in the order the questions were drawn, as if given live.
 */
export function examCommand(bankRef: string, options: ExamOptions, io: Io): void | Promise<void> {
  if (options.resume && options.answers) throw new UsageError(messages.resumeWithAnswers);
  if (!options.answers) {
    // Without an answers file the exam runs in the terminal, question by question.
    if (!io.terminal) throw new UsageError(messages.needsTerminal(options.practice ? 'practice' : 'exam'));
    if (options.all && !options.practice) throw new UsageError(messages.allNeedsPractice);
    const { resolved } = findBank(options, bankRef, fs.existsSync);
    return runInteractive(resolved, { ...options, mode: options.practice ? 'practice' : 'exam', timed: true }, io, io.terminal);
  }
  const { content, resolved } = findBank(options, bankRef, fs.existsSync);
  const answers = readAnswersFile(
    options.answers,
    resolved.bank,
    [...content.banks.values()].map((b) => b.bank),
    io.cwd,
  );
  for (const warning of answers.warnings) io.err(`${formatDiagnostic(warning, (f) => displayPath(io, f))}\n`);
  if (options.all && !options.practice) throw new UsageError(messages.allNeedsPractice);
  const seed = parseSeed(options.seed);
  const mode = options.practice ? 'practice' : 'exam';

  const { db, store } = openStore(options);
  try {
    const startedAt = now(io.env);
    if (mode === 'exam') {
      settleOpenExam(store, resolved, startedAt);
      assertMayStart(store, resolved, startedAt, Boolean(options.json));
    }
    const attempt = startAttempt(store, resolved, mode, seed, startedAt, { all: options.all });
    for (const question of attempt.questions) {
      const response = answers.responses.get(question.id);
      if (response) store.saveAnswer(attempt.attemptId, { questionId: question.id, response, answeredAt: now(io.env), flagged: false });
    }
    const report = finishAttempt(store, resolved, attempt, mode, 'submitted', now(io.env));
    io.out(options.json ? renderJson(examSummary(report)) : renderText(report, { color: io.color, width: io.width }) + reportStudyText(reportStudy(db, store, contentOf(resolved), report, now(io.env)), io.color, io.width));
  } finally {
    db.close();
  }
}
