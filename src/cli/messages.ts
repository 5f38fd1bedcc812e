import type { DatabaseProblem } from '../store/db.js';
import { formatDuration } from '../content/duration.js';
import { formatWhen } from '../text/theme.js';

/** Closest known ids first, so a typo gets a useful suggestion. */
function suggestions(wanted: string, known: string[]): string {
  if (known.length === 0) return '';
  const distance = (a: string, b: string) => {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
      let previous = row[0]!;
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const current = row[j]!;
        row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
        previous = current;
      }
    }
    return row[b.length]!;
  };
  const sorted = [...known].sort((a, b) => distance(wanted, a) - distance(wanted, b));
  return `\nKnown banks: ${sorted.slice(0, 8).join(', ')}${known.length > 8 ? ', ...' : ''}`;
}

/** Why a database file was refused, in the user's terms (see store/db.ts). */
const DATABASE_PROBLEMS: { [K in DatabaseProblem['kind']]: (p: Extract<DatabaseProblem, { kind: K }>) => string } = {
  'no-folder': (p) => `cannot be created: the folder ${p.folder} does not exist. Create it first, or check the path.`,
  'read-only': (p) =>
    `cannot be written: ${p.file} is read-only. History and reports still work; to take exams, make it writable.`,
  'not-sqlite': () =>
    'is not a qualify database (it is not an SQLite file). Check the --db path. It was left as it is.',
  foreign: () =>
    'is an SQLite file of another program, not a qualify database. Check the --db path. It was left as it is.',
  newer: (p) =>
    `was written by a newer version of qualify (schema ${p.version}). Update qualify to use it. It was left as it is.`,
  'bad-version': (p) =>
    `has an invalid schema version (${p.version}); it was not written by qualify. It was left as it is.`,
  corrupt: (p) =>
    `is damaged (${p.detail}), so qualify will not write to it. Restore it from a backup, or move it aside to start a new one. It was left as it is.`,
};

/** Write failures by SQLite result code prefix (extended codes share the prefix). */
const DATABASE_WRITE_FAILURES: [string, string][] = [
  ['SQLITE_FULL', 'the disk is full'],
  ['SQLITE_READONLY', 'the file (or its folder) is read-only'],
  ['SQLITE_CORRUPT', 'the file is damaged'],
  ['SQLITE_NOTADB', 'the file is damaged'],
  ['SQLITE_IOERR', 'the disk reported an input/output error'],
  ['SQLITE_CANTOPEN', 'the file or its folder cannot be opened'],
  ['SQLITE_BUSY', 'another qualify kept it busy for too long'],
  ['SQLITE_PERM', 'permission denied'],
];

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** The CLI's user-facing text, in one place. */
export const messages = {
  contentErrors: (n: number) =>
    `${n} problem${n === 1 ? '' : 's'} in content files; fix ${n === 1 ? 'it' : 'them'} and run the command again.`,
  answersErrors: (n: number) => `${n} problem${n === 1 ? '' : 's'} in the answers file.`,
  unknownBank: (id: string, known: string[]) =>
    `There is no question bank with id "${id}". Run "qualify list" to see them.${suggestions(id, known)}`,
  noSuchFile: (file: string) => `File not found: ${file}`,
  notABank: (file: string) => `${file} is not a question bank (its "kind" is not "bank").`,
  cannotReadAnswers: (file: string, why: string) => `Cannot read the answers file ${file}: ${why}`,
  answersNotMapping: 'an answers file maps question ids to responses, like "se-001: b"',
  unknownQuestion: (id: string, bank: string) => `question "${id}" is not in bank "${bank}"; its response is ignored`,
  answersForAnotherBank: (bank: string, unknown: number, total: number, owner: string | undefined) =>
    (unknown === total
      ? `none of the ${plural(total, 'question id')} in this answers file is in bank "${bank}"`
      : `${unknown} of the ${total} question ids in this answers file are not in bank "${bank}"`) +
    (owner ? `; they belong to bank "${owner}"` : '; no bank found has them'),
  answersWrongBank: (bank: string, owner: string | undefined) =>
    `This answers file is not for "${bank}"; nothing was recorded.` +
    (owner ? ` Did you mean: qualify exam ${owner} --answers <file>?` : ''),
  badAnswer: (id: string, problem: string) => `question "${id}": ${problem}`,
  badConfidence: (id: string, value: string) =>
    `question "${id}": confidence must be low, medium or high, not "${value}"`,
  allNeedsPractice: '--all answers every question of the bank, which is not the real exam; use it with --practice.',
  badSeed: (seed: string) => `--seed must be a whole number, not "${seed}".`,
  badClock: (value: string) => `QUALIFY_NOW must be an ISO date or milliseconds, not "${value}".`,
  cannotOpenDb: (file: string, why: string) => `Cannot open the attempts database ${file}: ${why}`,
  emptyDbOption: '--db needs the path of a database file; it was given an empty value.',
  noContentFolder: (dir: string) => `--content ${dir}: no such folder.`,
  databaseRefused: (file: string, problem: DatabaseProblem) =>
    `The attempts database ${file} ${DATABASE_PROBLEMS[problem.kind](problem as never)}`,
  databaseBackedUp: (backup: string) =>
    `The attempts database was upgraded to this version of qualify; the file as it was is kept in ${backup}.\n`,
  databaseWriteFailed: (code: string) =>
    `The attempts database could not be written: ${DATABASE_WRITE_FAILURES.find(([prefix]) => code.startsWith(prefix))?.[1] ?? code}. ` +
    'Everything saved before this point is kept; fix the cause and run the command again.',
  noAttempts: 'No finished attempts yet. Take one with "qualify exam <bank> --answers <file>".',
  unknownAttempt: (id: string) => `There is no finished attempt #${id}. Run "qualify history" to see them.`,
  badAttemptId: (id: string) => `An attempt id is a number, not "${id}".`,
  badFormat: (format: string, allowed: string[]) => `Unknown format "${format}"; use one of: ${allowed.join(', ')}.`,
  retakeWait: (bank: string, until: number, failed: number) =>
    `You cannot retake "${bank}" yet: after ${failed} failed attempt${failed === 1 ? '' : 's'} the waiting period runs until ${formatWhen(until)}.\n` +
    `Use the time to re-read the sections in your last report ("qualify report"), or practise with --practice, which never counts.`,
  lockedOut: (bank: string, until: number | undefined, failed: number) =>
    until === undefined
      ? `"${bank}" is locked: ${plural(failed, 'failed attempt')} used up its attempts for good, as on platforms that close a qualification after repeated failures. Practice mode (--practice) is still open.`
      : `"${bank}" is locked after ${plural(failed, 'failed attempt')} until ${formatWhen(until)}; then the attempts reset. Practice mode (--practice) is still open.`,
  clockRollback: (bank: string, last: number) =>
    `Refusing to start "${bank}": the system clock says it is earlier than an attempt already recorded (${formatWhen(last)}). ` +
    'A clock turned back cannot shorten a waiting period; fix the date and time and try again.',
  waitDescription: (ms: number) => formatDuration(ms),
  needsTerminal: (command: string) =>
    `"qualify ${command}" runs in a terminal; here stdin or stdout is not one. To score an answers file instead, use ` +
    `"qualify exam <bank> --answers <file>"${command === 'practice' ? ' with --practice' : ''}.`,
  nothingToResume: (bank: string, mode: string) =>
    `There is no ${mode} of "${bank}" in progress to resume. Start one with "qualify ${mode} ${bank}".`,
  examInProgress: (bank: string, started: number) =>
    `An exam of "${bank}" started ${formatWhen(started)} is still in progress. Continue it with "qualify exam ${bank} --resume" in a terminal, ` +
    `or without one with "--answers <file> --resume" (submits it) or "--answers - --stream --resume".`,
  // Only a counted exam is settled by the next start; a practice round waits for its own resume.
  expiredInProgress: (mode: string, bank: string) =>
    mode === 'exam'
      ? 'time ran out; it is submitted as it stood when you next start or resume this exam'
      : 'time ran out; it is closed as it stood the next time practice or history looks at it',
  practiceRoundOpen: (bank: string) =>
    `A practice round of "${bank}" is still open. Continue it with "qualify practice ${bank} --resume" in a terminal, ` +
    `or with "qualify exam ${bank} --practice --answers - --stream --resume".`,
  streamNeedsStdin: '--stream reads JSON lines from standard input; use it with --answers -.',
  streamLineTooLong: 'this line is longer than 1 MB; it was ignored',
  streamNotJson: 'not a JSON object; send one per line, like {"id": "se-001", "answer": "b"}',
  streamNotObject: 'a line is one JSON object, like {"id": "se-001", "answer": "b"} or {"submit": true}',
  streamUnknownQuestion: (id: string) => `question "${id}" is not in this attempt; its answer was not recorded`,
  streamNoResponse: (id: string) => `question "${id}": the line has no answer (use "answer", or "text" for free text)`,
  streamEndedWithoutSubmit: (bank: string, mode: string) =>
    `Standard input ended before {"submit": true}: the attempt was not submitted and stays in progress, with every acknowledged answer saved. ` +
    `Continue it with "qualify exam ${bank}${mode === 'practice' ? ' --practice' : ''} --answers - --stream --resume".`,
  noAnswersInFile: 'the answers file holds no answers; every question will score 0',
  selfNotList: 'self: must be a list of the rubric criteria (by id) your answer meets',
  badSelfCriterion: (value: string, known: string[]) =>
    known.length
      ? `self: "${value}" is not one of this question's self-assessed criteria (${known.join(', ')})`
      : `self: this question has no self-assessed criteria, so "${value}" cannot be ticked`,
  noBanks: 'No question banks found. Add some with --content <dir> or in $QUALIFY_HOME/content.',
  bankFacts: (questions: number, guideline: string) => `${plural(questions, 'question')} · guideline ${guideline}`,
  /** After `list`: in a terminal the interactive exam comes first; piped, the answers-file route. */
  startOne: (terminal: boolean) =>
    terminal
      ? 'Start one with: qualify exam <id>   (qualify practice <id> never counts; --answers <file> scores a prepared file)'
      : 'Start one with: qualify exam <id> --answers <file>   (or --practice to keep it off the record)',
};
