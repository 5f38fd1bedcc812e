import fs from 'node:fs';
import path from 'node:path';
import envPaths from 'env-paths';
import { openContentCache } from '../content/cache.js';
import { openContentIndex } from '../content/index.js';
import { selectContent, type ContentSelection } from '../library/select.js';
import type { ContentSet } from '../content/loaded.js';
import { SHIPPED_CONTENT_DIRS } from '../content/discover.js';
import type { ResolvedBank } from '../content/types.js';
import { ContentError, UsageError } from '../errors.js';
import type { Clock } from '../attempt/lifecycle.js';
import { newSeed } from '../exam/draw.js';
import { AttemptStore } from '../store/attempts.js';
import { DatabaseRefusedError, openCheckedDatabase, type DB, type OpenedDatabase } from '../store/db.js';
import type { Io, IoInput } from './io.js';
import { messages } from './messages.js';

/** Options every command accepts. */
export interface GlobalOptions {
  content: string[];
  db?: string;
}

/**
 * The global options as typed on the command line (`--content a --db b`), for a command the
 * learner is told to run next: without them it would look in the default places and not find
 * the bank or the attempt.
 */
export function globalArgs(options: GlobalOptions): string {
  const quote = (value: string) => (/^[\w./~:@%+=-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`);
  const args = [
    ...options.content.map((dir) => `--content ${quote(dir)}`),
    ...(options.db === undefined ? [] : [`--db ${quote(options.db)}`]),
  ];
  return args.length ? ` ${args.join(' ')}` : '';
}

/** Where qualify keeps its own files: `$QUALIFY_HOME`, or the platform's data folder. */
export function homeDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.QUALIFY_HOME ? path.resolve(env.QUALIFY_HOME) : envPaths('qualify', { suffix: '' }).data;
}

export function databaseFile(options: GlobalOptions, env: NodeJS.ProcessEnv = process.env): string {
  if (options.db !== undefined && options.db.trim() === '') throw new UsageError(messages.emptyDbOption);
  return options.db ? path.resolve(options.db) : path.join(homeDir(env), 'qualify.db');
}

/** The search path for content: shipped folders, then the home content folder, then --content. */
export function contentDirs(options: GlobalOptions, env: NodeJS.ProcessEnv = process.env): string[] {
  // A folder named on the command line that is not there is a typo, not "no content".
  for (const dir of options.content) {
    if (!fs.existsSync(path.resolve(dir))) throw new UsageError(messages.noContentFolder(dir));
  }
  return [...SHIPPED_CONTENT_DIRS, path.join(homeDir(env), 'content'), ...options.content.map((d) => path.resolve(d))];
}

/** An Io with its clock: the caller's, or one built from its environment (see `clockFrom`). */
export function withClock(io: IoInput): Io {
  return { ...io, clock: io.clock ?? clockFrom(io.env) };
}

/**
 * The clock, built once at the edge and passed down. `QUALIFY_NOW` (an ISO date or milliseconds)
 * pins it, for tests and demonstrations: the first reading is exactly the pinned instant, and the
 * clock runs in real time from there, so a pinned exam still counts down. A bad value stops the
 * first command that reads the time. The retake policy still refuses a clock earlier than the
 * last recorded attempt.
 */
export function clockFrom(env: NodeJS.ProcessEnv, system: Clock = Date.now): Clock {
  const pinned = env.QUALIFY_NOW;
  if (!pinned) return system;
  const ms = /^\d+$/.test(pinned) ? Number(pinned) : Date.parse(pinned);
  let anchor: number | undefined;
  return () => {
    if (Number.isNaN(ms)) throw new UsageError(messages.badClock(pinned));
    const real = system();
    anchor ??= real;
    return ms + (real - anchor);
  };
}

/**
 * Finds the content on the search path (plus any extra files) through the index kept beside the
 * per-file cache, reading only files that are new, changed or had a problem; stops the command
 * (exit 2) when any file has an error, with its position.
 */
export function selectAllContent(options: GlobalOptions, extraFiles: string[] = []): ContentSelection {
  const cacheDir = path.join(homeDir(), 'cache', 'content');
  const selection = selectContent(
    contentDirs(options),
    extraFiles,
    openContentCache(cacheDir),
    openContentIndex(cacheDir),
  );
  if (selection.errors.length)
    throw new ContentError(selection.errors, messages.contentErrors(selection.errors.length));
  return selection;
}

/** Loads all content and stops the command (exit 2) when any file has an error. */
export function loadAllContent(options: GlobalOptions, extraFiles: string[] = []): ContentSet {
  return selectAllContent(options, extraFiles).loadAll();
}

/**
 * Finds a bank by id, or by the path of its file (which is then loaded too), reading only that
 * bank and its guideline.
 */
export function findBank(
  options: GlobalOptions,
  idOrFile: string,
  fileExists: (p: string) => boolean,
): { content: ContentSet; resolved: ResolvedBank; selection: ContentSelection } {
  const looksLikeFile = /\.ya?ml$/i.test(idOrFile) || idOrFile.includes('/') || idOrFile.includes(path.sep);
  if (looksLikeFile) {
    const file = path.resolve(idOrFile);
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

/**
 * Opens the attempts database; the caller closes it. `read` access (history, report) never
 * creates or changes the file. `notify` hears about a backup taken before a schema upgrade.
 */
export function openStore(
  options: GlobalOptions,
  access: 'read' | 'write' = 'write',
  notify?: (text: string) => void,
): { db: DB; store: AttemptStore; file: string } {
  const file = databaseFile(options);
  let opened: OpenedDatabase;
  try {
    opened = openCheckedDatabase(file, { write: access === 'write', createFolder: options.db === undefined });
  } catch (error) {
    if (error instanceof DatabaseRefusedError) throw new UsageError(messages.databaseRefused(file, error.problem));
    throw new UsageError(messages.cannotOpenDb(file, (error as Error).message));
  }
  if (opened.backupFile) notify?.(messages.databaseBackedUp(opened.backupFile));
  return { db: opened.db, store: new AttemptStore(opened.db), file };
}

/** The --seed option: a whole number, or a fresh seed when absent (it is recorded either way). */
export function parseSeed(seed: string | undefined): number {
  if (seed === undefined) return newSeed();
  if (!/^\d+$/.test(seed) || Number(seed) > 2 ** 32 - 1) throw new UsageError(messages.badSeed(seed));
  return Number(seed);
}
