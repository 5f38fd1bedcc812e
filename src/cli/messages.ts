import type { DatabaseProblem } from '../store/db.js';

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
    `is damaged (${p.detail}), so qualify will not write to it. Restore it from a backup, or move it aside to ` +
    `start a new one. It was left as it is.`,
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
  unknownBank: (id: string, known: string[]) =>
    `There is no question bank with id "${id}". Run "qualify list" to see them.${suggestions(id, known)}`,
  noSuchFile: (file: string) => `File not found: ${file}`,
  notABank: (file: string) => `${file} is not a question bank (its "kind" is not "bank").`,
  cannotReadAnswers: (file: string, why: string) => `Cannot read the answers file ${file}: ${why}`,
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
    `The attempts database could not be written: ` +
    `${DATABASE_WRITE_FAILURES.find(([prefix]) => code.startsWith(prefix))?.[1] ?? code}. ` +
    'Everything saved before this point is kept; fix the cause and run the command again.',
  noAttempts: 'No finished attempts yet. Take one with "qualify exam <bank> --answers <file>".',
  unknownAttempt: (id: string) => `There is no finished attempt #${id}. Run "qualify history" to see them.`,
  badAttemptId: (id: string) => `An attempt id is a number, not "${id}".`,
  badFormat: (format: string, allowed: string[]) => `Unknown format "${format}"; use one of: ${allowed.join(', ')}.`,
  needsTerminal: (command: string) =>
    `"qualify ${command}" runs in a terminal; here stdin or stdout is not one. To score an answers file instead, use ` +
    `"qualify exam <bank> --answers <file>"${command === 'practice' ? ' with --practice' : ''}.`,
  // Only a counted exam is settled by the next start; a practice round waits for its own resume.
  expiredInProgress: (mode: string) =>
    mode === 'exam'
      ? 'time ran out; it is submitted as it stood when you next start or resume this exam'
      : 'time ran out; it is closed as it stood the next time practice or history looks at it',
  streamNeedsStdin: '--stream reads JSON lines from standard input; use it with --answers -.',
  noBanks: 'No question banks found. Add some with --content <dir> or in $QUALIFY_HOME/content.',
  bankFacts: (questions: number, guideline: string) => `${plural(questions, 'question')} · guideline ${guideline}`,
  /** After `list`: in a terminal the interactive exam comes first; piped, the answers-file route. */
  startOne: (terminal: boolean) =>
    terminal
      ? 'Start one with: qualify exam <id>   ' +
        '(qualify practice <id> never counts; --answers <file> scores a prepared file)'
      : 'Start one with: qualify exam <id> --answers <file>   (or --practice to keep it off the record)',
};
