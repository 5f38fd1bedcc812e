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
  // Ties in name order: the list reads the same from run to run, whatever order the files came in.
  const sorted = [...known]
    .map((id) => ({ id, away: distance(wanted, id) }))
    .sort((a, b) => a.away - b.away || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // A near miss (a letter or two, or a tenth of a long id) is named on its own.
  const [best, next] = sorted;
  const near =
    best && best.away <= Math.max(2, Math.floor(wanted.length / 10)) && next?.away !== best.away
      ? `\nDid you mean "${best.id}"?`
      : '';
  const names = sorted.slice(0, 8).map((s) => s.id);
  return `${near}\nKnown banks: ${names.join(', ')}${known.length > 8 ? ', ...' : ''}`;
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

/** What is said when the content or the attempts database of a run cannot be found or opened. */
export const appMessages = {
  contentErrors: (n: number) =>
    `${n} problem${n === 1 ? '' : 's'} in content files; fix ${n === 1 ? 'it' : 'them'} and run the command again.`,
  unknownBank: (id: string, known: string[]) =>
    `There is no question bank with id "${id}". Run "qualify list" to see them.${suggestions(id, known)}`,
  noSuchFile: (file: string) => `File not found: ${file}`,
  notABank: (file: string) => `${file} is not a question bank (its "kind" is not "bank").`,
  badClock: (value: string) => `QUALIFY_NOW must be an ISO date or milliseconds, not "${value}".`,
  cannotOpenDb: (file: string, why: string) => `Cannot open the attempts database ${file}: ${why}`,
  emptyDbOption: '--db needs the path of a database file; it was given an empty value.',
  noContentFolder: (dir: string) => `--content ${dir}: no such folder.`,
  databaseRefused: (file: string, problem: DatabaseProblem) =>
    `The attempts database ${file} ${DATABASE_PROBLEMS[problem.kind](problem as never)}`,
  databaseBackedUp: (backup: string) =>
    `The attempts database was upgraded to this version of qualify; the file as it was is kept in ${backup}.\n`,
  cacheDamaged: (file: string) =>
    `qualify's cached copy of ${file} was damaged. It has been removed, and nothing else was changed: ` +
    'run the command again, and the file will be read afresh.',
  databaseWriteFailed: (code: string) =>
    `The attempts database could not be written: ` +
    `${DATABASE_WRITE_FAILURES.find(([prefix]) => code.startsWith(prefix))?.[1] ?? code}. ` +
    'Everything saved before this point is kept; fix the cause and run the command again.',
};

/** What is said when the files and folders named to `qualify lint` cannot be read or hold no content. */
export const lintPathMessages = {
  noSuchPath: (p: string) => `Nothing to lint at "${p}": no such file or folder.`,
  cannotReadStdin: (why: string) => `Cannot read standard input: ${why}.`,
  noFilesFound: (paths: string[]) => `No .yaml or .yml files found in ${paths.join(', ')}.`,
  notContent: 'this file has no "kind"; a guideline starts with "kind: guideline" and a bank with "kind: bank"',
};
