import fs from 'node:fs';
import path from 'node:path';
import { openContentCache, type ContentCache } from '../content/cache.js';
import { SHIPPED_CONTENT_DIRS } from '../content/discover.js';
import { openContentIndex, type IndexRecord } from '../content/index.js';
import { ContentError, UsageError } from '../errors.js';
import {
  planSelection,
  readsNothing,
  selectPlanned,
  type ContentSelection,
  type LoadContent,
  type SelectionPlan,
} from '../library/select.js';
import { appMessages as messages } from './messages.js';
import type { Workspace } from './workspace.js';

/*
 * The content of a run, found through the index, without the loader or the database: `list`
 * answers from here, and imports the loader only when a file has to be read (open.ts has the rest).
 */

/** The search path for content: shipped folders, then the home content folder, then --content. */
export function contentDirs(options: Workspace): string[] {
  const folders = options.content.map((dir) => path.resolve(options.cwd, dir));
  // A folder named on the command line that is not there is a typo, not "no content".
  folders.forEach((folder, i) => {
    if (!fs.existsSync(folder)) throw new UsageError(messages.noContentFolder(options.content[i]!));
  });
  return [...SHIPPED_CONTENT_DIRS, path.join(options.home, 'content'), ...folders];
}

export const contentCacheDir = (options: Workspace) => path.join(options.home, 'cache', 'content');

/** The per-file content cache in the data folder (see content/cache.ts). */
export const contentCacheOf = (options: Workspace): ContentCache => openContentCache(contentCacheDir(options));

/** The search path compared with the content index (nothing read yet). */
export const contentPlan = (options: Workspace, extraFiles: readonly string[] = []): SelectionPlan =>
  planSelection(contentDirs(options), extraFiles, openContentIndex(contentCacheDir(options)));

/** The selection of a plan; stops the command (exit 2) when any file has an error, with its position. */
export function selectOrStop(options: Workspace, plan: SelectionPlan, loadContent: LoadContent): ContentSelection {
  const selection = selectPlanned(plan, contentCacheOf(options), loadContent);
  if (selection.errors.length)
    throw new ContentError(selection.errors, messages.contentErrors(selection.errors.length));
  return selection;
}

/**
 * The banks on the search path, as the index records them. The loader is imported only when a
 * file is new, changed, had a problem or shares an id; otherwise no content file is read.
 */
export async function listedBanks(options: Workspace): Promise<IndexRecord[]> {
  const plan = contentPlan(options);
  const loadContent = readsNothing(plan)
    ? () => {
        throw new Error('the index answers for every file: nothing is read');
      }
    : (await import('../library/load.js')).loadContent;
  return selectOrStop(options, plan, loadContent).banks;
}
