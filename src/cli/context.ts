import path from 'node:path';
import envPaths from 'env-paths';
import { openContentCache } from '../content/cache.js';
import { loadContent, type ContentSet } from '../content/load.js';
import { SHIPPED_CONTENT_DIRS } from '../content/discover.js';
import type { ResolvedBank } from '../content/types.js';
import { ContentError, UsageError } from '../errors.js';
import { newSeed } from '../exam/draw.js';
import { AttemptStore } from '../store/attempts.js';
import { openDatabase, type DB } from '../store/db.js';
import { messages } from './messages.js';

/** Options every command accepts. */
export interface GlobalOptions {
  content: string[];
  db?: string;
}

/** Where qualify keeps its own files: `$QUALIFY_HOME`, or the platform's data folder. */
export function homeDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.QUALIFY_HOME ? path.resolve(env.QUALIFY_HOME) : envPaths('qualify', { suffix: '' }).data;
}

export function databaseFile(options: GlobalOptions, env: NodeJS.ProcessEnv = process.env): string {
  return options.db ? path.resolve(options.db) : path.join(homeDir(env), 'qualify.db');
}

/** The search path for content: shipped folders, then the home content folder, then --content. */
export function contentDirs(options: GlobalOptions, env: NodeJS.ProcessEnv = process.env): string[] {
  return [...SHIPPED_CONTENT_DIRS, path.join(homeDir(env), 'content'), ...options.content.map((d) => path.resolve(d))];
}

/**
 * The clock. `QUALIFY_NOW` (an ISO date or milliseconds) pins it, for tests and demonstrations;
 * the retake policy still refuses a clock earlier than the last recorded attempt.
 */
export function now(env: NodeJS.ProcessEnv = process.env): number {
  const pinned = env.QUALIFY_NOW;
  if (!pinned) return Date.now();
  const ms = /^\d+$/.test(pinned) ? Number(pinned) : Date.parse(pinned);
  if (Number.isNaN(ms)) throw new UsageError(messages.badClock(pinned));
  return ms;
}

/** Loads all content and stops the command (exit 2) when any file has an error. */
export function loadAllContent(options: GlobalOptions, extraFiles: string[] = []): ContentSet {
  const cache = openContentCache(path.join(homeDir(), 'cache', 'content.json'));
  const content = loadContent(contentDirs(options), extraFiles, cache);
  const errors = content.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new ContentError(errors, messages.contentErrors(errors.length));
  return content;
}

/** Finds a bank by id, or by the path of its file (which is then loaded too). */
export function findBank(options: GlobalOptions, idOrFile: string, fileExists: (p: string) => boolean): { content: ContentSet; resolved: ResolvedBank } {
  const looksLikeFile = /\.ya?ml$/i.test(idOrFile) || idOrFile.includes('/') || idOrFile.includes(path.sep);
  if (looksLikeFile) {
    const file = path.resolve(idOrFile);
    if (!fileExists(file)) throw new UsageError(messages.noSuchFile(idOrFile));
    const content = loadAllContent({ ...options, content: [...options.content, path.dirname(file)] }, [file]);
    const resolved = [...content.banks.values()].find((b) => b.bank.file === file);
    if (!resolved) throw new UsageError(messages.notABank(idOrFile));
    return { content, resolved };
  }
  const content = loadAllContent(options);
  const resolved = content.banks.get(idOrFile);
  if (!resolved) throw new UsageError(messages.unknownBank(idOrFile, [...content.banks.keys()]));
  return { content, resolved };
}

/** Opens the attempts database; the caller closes it. */
export function openStore(options: GlobalOptions): { db: DB; store: AttemptStore; file: string } {
  const file = databaseFile(options);
  let db: DB;
  try {
    db = openDatabase(file);
  } catch (error) {
    throw new UsageError(messages.cannotOpenDb(file, (error as Error).message));
  }
  return { db, store: new AttemptStore(db), file };
}

/** The --seed option: a whole number, or a fresh seed when absent (it is recorded either way). */
export function parseSeed(seed: string | undefined): number {
  if (seed === undefined) return newSeed();
  if (!/^\d+$/.test(seed) || Number(seed) > 2 ** 32 - 1) throw new UsageError(messages.badSeed(seed));
  return Number(seed);
}
