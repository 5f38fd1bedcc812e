import fs from 'node:fs';
import path from 'node:path';
import type { ContentSelection } from '../library/select.js';
import type { ContentSet } from '../content/loaded.js';
import { loadContent } from '../library/load.js';
import type { Guideline, ResolvedBank } from '../content/types.js';
import { UsageError } from '../errors.js';
import { AttemptStore } from '../store/attempts.js';
import { DatabaseRefusedError, openCheckedDatabase, recordChecked, type DB, type OpenedDatabase } from '../store/db.js';
import { NAMES_FILE, cacheName } from '../content/digest.js';
import { contentCacheDir, contentDirs, contentPlan, selectOrStop } from './content.js';
import { appMessages as messages } from './messages.js';
import type { Workspace } from './workspace.js';

/**
 * The global options as typed on the command line (`--content a --db b`), for a command the
 * learner is told to run next: without them it would look in the default places and not find
 * the bank or the attempt.
 */
export function globalArgs(options: Workspace): string {
  const quote = (value: string) => (/^[\w./~:@%+=-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`);
  const args = [
    ...options.content.map((dir) => `--content ${quote(dir)}`),
    ...(options.db === undefined ? [] : [`--db ${quote(options.db)}`]),
  ];
  return args.length ? ` ${args.join(' ')}` : '';
}

/** The command that continues an attempt in progress, with the global options it was started with. */
export function resumeCommand(options: Workspace, mode: string, bankId: string): string {
  return `qualify${globalArgs(options)} ${mode} ${bankId} --resume`;
}

export function databaseFile(options: Workspace): string {
  if (options.db !== undefined && options.db.trim() === '') throw new UsageError(messages.emptyDbOption);
  return options.db ? path.resolve(options.cwd, options.db) : path.join(options.home, 'qualify.db');
}

/** The guidelines on the search path and in `folder` (where a new file goes), for `new` and `import`. */
export function guidelinesWith(options: Workspace, folder: string): Map<string, Guideline> {
  return loadContent([...contentDirs(options), folder]).guidelines;
}

/**
 * Finds the content on the search path (plus any extra files) through the index kept beside the
 * per-file cache, reading only files that are new, changed or had a problem; stops the command
 * (exit 2) when any file has an error, with its position.
 */
export function selectAllContent(options: Workspace, extraFiles: string[] = []): ContentSelection {
  return selectOrStop(options, contentPlan(options, extraFiles), loadContent);
}

/** Loads all content and stops the command (exit 2) when any file has an error. */
export function loadAllContent(options: Workspace, extraFiles: string[] = []): ContentSet {
  return selectAllContent(options, extraFiles).loadAll();
}

/**
 * Finds a bank by id, or by the path of its file (which is then loaded too), reading only that
 * bank and its guideline.
 */
export function findBank(
  options: Workspace,
  idOrFile: string,
  fileExists: (p: string) => boolean = fs.existsSync,
): { content: ContentSet; resolved: ResolvedBank; selection: ContentSelection } {
  const looksLikeFile = /\.ya?ml$/i.test(idOrFile) || idOrFile.includes('/') || idOrFile.includes(path.sep);
  if (looksLikeFile) {
    const file = path.resolve(options.cwd, idOrFile);
    if (!fileExists(file)) throw new UsageError(messages.noSuchFile(idOrFile));
    const selection = selectAllContent({ ...options, content: [...options.content, path.dirname(file)] }, [file]);
    const record = selection.byFile(file);
    const content = record ? selection.load([record.id]) : undefined;
    const resolved = content && [...content.banks.values()].find((b) => b.bank.file === file);
    if (!content || !resolved) throw new UsageError(messages.notABank(idOrFile));
    return { content, resolved, selection };
  }
  const selection = selectAllContent(options);
  const content = selection.load([idOrFile]);
  const resolved = content.banks.get(idOrFile);
  if (!resolved)
    throw new UsageError(
      messages.unknownBank(
        idOrFile,
        selection.banks.map((b) => b.id),
      ),
    );
  return { content, resolved, selection };
}

/** The attempts database, open. */
export interface OpenStore {
  db: DB;
  store: AttemptStore;
  file: string;
  /**
   * Names the database and the state it was opened in (see OpenedDatabase's `stamp`), for figures
   * remembered from its attempts; none when it cannot be told (a private copy, say).
   */
  state?: string;
  /**
   * Closes the database. `atOnce`: this run opened, wrote and now closes it without waiting on
   * anything (an answers file's exam), so the file as it leaves it counts as checked (see
   * recordChecked).
   */
  close(atOnce: boolean): void;
}

/** Where the names of the data folder's cache files are remembered (see cacheName). */
const namesFile = (options: Workspace) => path.join(contentCacheDir(options), NAMES_FILE);

/**
 * Opens the attempts database; the caller closes it. `read` access (history, report) never
 * creates or changes the file. `notify` hears about a backup taken before a schema upgrade.
 */
export function openStore(
  options: Workspace,
  access: 'read' | 'write' = 'write',
  notify?: (text: string) => void,
): OpenStore {
  const file = databaseFile(options);
  const checkedStampFile = path.join(options.home, 'cache', 'checked', cacheName(namesFile(options), file));
  let opened: OpenedDatabase;
  try {
    opened = openCheckedDatabase(file, {
      write: access === 'write',
      createFolder: options.db === undefined,
      checkedStampFile,
    });
  } catch (error) {
    if (error instanceof DatabaseRefusedError) throw new UsageError(messages.databaseRefused(file, error.problem));
    throw new UsageError(messages.cannotOpenDb(file, (error as Error).message));
  }
  if (opened.backupFile) notify?.(messages.databaseBackedUp(opened.backupFile));
  return {
    db: opened.db,
    store: new AttemptStore(opened.db, { remembersListing: access === 'read' }),
    file,
    state: opened.stamp === undefined ? undefined : `${file}\u0000${opened.stamp}`,
    close(atOnce) {
      opened.db.close();
      if (atOnce && access === 'write') recordChecked(file, checkedStampFile, opened.stamp);
    },
  };
}

/** Runs `use` with the attempts database open (see openStore) and closes it after, when a promise settles too. */
export function withStore<T>(
  options: Workspace,
  use: (opened: OpenStore) => T,
  access: 'read' | 'write' = 'write',
  notify?: (text: string) => void,
): T {
  const opened = openStore(options, access, notify);
  let pending = false;
  let done = false;
  try {
    const result = use(opened);
    if (result instanceof Promise) {
      pending = true;
      // A session (an exam in the terminal, a stream of answers) lasts as long as the user takes.
      return result.finally(() => opened.close(false)) as T;
    }
    done = true;
    return result;
  } finally {
    if (!pending) opened.close(done);
  }
}
