import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import envPaths from 'env-paths';
import { openContentCache } from '../content/cache.js';
import { openContentIndex } from '../content/index.js';
import { selectContent, type ContentSelection } from '../content/select.js';
import type { ContentSet } from '../content/load.js';
import { SHIPPED_CONTENT_DIRS } from '../content/discover.js';
import type { ResolvedBank } from '../content/types.js';
import { ContentError, UsageError } from '../errors.js';
import type { Clock } from '../attempt/lifecycle.js';
import { newSeed } from '../exam/draw.js';
import { AttemptStore } from '../store/attempts.js';
import { DatabaseRefusedError, openCheckedDatabase, type DB, type OpenedDatabase } from '../store/db.js';
import type { Io, IoInput } from './io.js';
import { messages } from './messages.js';

/** Options every command accepts, as typed, with where the command runs. */
export interface GlobalOptions {
  content: string[];
  db?: string;
  /** The folder relative paths on the command line start from (the Io's, not the process's). */
  cwd: string;
  /** Where qualify keeps its own files, from the Io's environment (see homeDir). */
  home: string;
}

/**
 * A command's options with the global ones, and the folder and home it runs with: everything
 * below reads those from here, never from `process`, so a test's in-memory Io is the whole world.
 */
export function optionsOf<T extends GlobalOptions = GlobalOptions & Record<string, unknown>>(
  command: Command,
  io: Pick<Io, 'cwd' | 'env'>,
): T {
  return { ...command.optsWithGlobals<Omit<T, 'cwd' | 'home'>>(), cwd: io.cwd, home: homeDir(io.env) } as T;
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
export function homeDir(env: NodeJS.ProcessEnv): string {
  return env.QUALIFY_HOME ? path.resolve(env.QUALIFY_HOME) : envPaths('qualify', { suffix: '' }).data;
}

export function databaseFile(options: GlobalOptions): string {
  if (options.db !== undefined && options.db.trim() === '') throw new UsageError(messages.emptyDbOption);
  return options.db ? path.resolve(options.cwd, options.db) : path.join(options.home, 'qualify.db');
}

/** The search path for content: shipped folders, then the home content folder, then --content. */
export function contentDirs(options: GlobalOptions): string[] {
  const folders = options.content.map((dir) => path.resolve(options.cwd, dir));
  // A folder named on the command line that is not there is a typo, not "no content".
  folders.forEach((folder, i) => {
    if (!fs.existsSync(folder)) throw new UsageError(messages.noContentFolder(options.content[i]!));
  });
  return [...SHIPPED_CONTENT_DIRS, path.join(options.home, 'content'), ...folders];
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
  const cacheDir = path.join(options.home, 'cache', 'content');
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
