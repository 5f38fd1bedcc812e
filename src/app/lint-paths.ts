import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../content/diagnostic.js';
import { findContentFiles } from '../content/discover.js';
import { UsageError } from '../errors.js';
import { loadContent } from '../library/load.js';
import { lintContent, type LintResult } from '../lint/index.js';
import type { PooledAttempt } from '../stats/item-stats.js';
import { bankIdsWithAttempts, pooledAttempts } from '../store/pool.js';
import { readInputBytes, STDIN_ARGUMENT, STDIN_NAME } from './input.js';
import { lintPathMessages as messages } from './messages.js';
import { bankLintMemo } from './lint-memo.js';
import { contentCacheOf, contentDirs } from './content.js';
import { withStore } from './open.js';
import { type Workspace } from './workspace.js';

/** Files and folders named on the command line, as absolute paths; a missing one is a usage error. */
function collectTargets(
  paths: readonly string[],
  cwd: string,
): { dirs: string[]; files: string[]; sources: Map<string, string> } {
  const dirs: string[] = [];
  const files: string[] = [];
  const sources = new Map<string, string>();
  for (const given of paths) {
    if (given === STDIN_ARGUMENT) {
      // Standard input lints as a file named <stdin> in the current folder (media paths resolve there).
      const file = path.join(cwd, STDIN_NAME);
      try {
        sources.set(file, readInputBytes(given, cwd).bytes.toString('utf8'));
      } catch (error) {
        throw new UsageError(messages.cannotReadStdin((error as Error).message));
      }
      files.push(file);
      continue;
    }
    const full = path.resolve(cwd, given);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(full);
    } catch {
      throw new UsageError(messages.noSuchPath(given));
    }
    if (stat.isDirectory()) dirs.push(full);
    else files.push(full);
  }
  return { dirs, files, sources };
}

/**
 * Reads the content (the linted paths plus the search path, so a bank's guideline resolves even
 * when it lives elsewhere) and lints the named files. I/O stays here; the rules are pure.
 */
export function lintPaths(
  paths: readonly string[],
  options: Workspace,
  io: { cwd: string },
  pooledAttempts?: ReadonlyMap<string, readonly PooledAttempt[]>,
): LintResult {
  const { dirs, files, sources } = collectTargets(paths, io.cwd);
  const cache = contentCacheOf(options);
  const content = loadContent([...contentDirs(options), ...dirs], files, cache, sources);
  const inDirs = new Set(findContentFiles(dirs));
  const withDiagnostics = new Set(content.diagnostics.map((d) => d.file));
  const explicit = new Set(files);
  // A YAML file without `kind` in a folder is not content (an answers file, say) and is skipped;
  // one named on the command line was meant to be content, so say why nothing was checked.
  const notContent: Diagnostic[] = content.files
    .filter(
      (f) =>
        explicit.has(f.file) && f.parsed && !f.parsed.diagnostics.length && !f.kind && !withDiagnostics.has(f.file),
    )
    .map((f) => ({
      file: f.file,
      line: 1,
      column: 1,
      severity: 'error',
      ruleId: 'schema',
      message: messages.notContent,
    }));
  content.diagnostics.push(...notContent);
  const targets = content.files
    .filter(
      (f) => explicit.has(f.file) || (inDirs.has(f.file) && (f.kind !== undefined || withDiagnostics.has(f.file))),
    )
    .map((f) => f.file);
  if (targets.length === 0 && files.length === 0) throw new UsageError(messages.noFilesFound([...paths]));
  return lintContent(content, targets, undefined, pooledAttempts, bankLintMemo(cache, content));
}

/** The finished attempts of every bank in the `--stats` database, which must already exist. */
export function readPooledAttempts(file: string, options: Workspace): Map<string, PooledAttempt[]> {
  const full = path.resolve(options.cwd, file);
  if (!fs.existsSync(full)) throw new UsageError(messages.noSuchPath(file));
  const workspace = { content: [], db: full, cwd: options.cwd, home: options.home };
  return withStore(
    workspace,
    ({ db }) => new Map(bankIdsWithAttempts(db).map((id) => [id, pooledAttempts(db, id).attempts])),
  );
}
