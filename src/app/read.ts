import type { Clock } from '../attempt/lifecycle.js';
import { attemptMessages } from '../attempt/messages.js';
import { UsageError } from '../errors.js';
import { StudyStore } from '../store/study.js';
import {
  guidelineRecords,
  printedContents,
  printedSection,
  resolveGuideline,
  runReader,
  searchText,
} from '../ui/guideline-reader.js';
import type { Terminal } from '../ui/terminal.js';
import { loadAllContent, withStore } from './open.js';
import { type Workspace } from './workspace.js';

/** Where `qualify read` shows a guideline: the reader in a terminal, else printed at a width. */
export interface ReadRun {
  clock: Clock;
  terminal?: Terminal;
  color: boolean;
  width: number;
}

/**
 * A guideline (by its id or a bank's) opened at a section: the reader in a terminal (nothing to
 * print after it); otherwise the text to print: the sections `search` matches, the contents with
 * the learner's record, or the one section (then marked read).
 */
export async function readGuideline(
  options: Workspace,
  ref: string,
  sectionId: string | undefined,
  search: string | undefined,
  run: ReadRun,
): Promise<string | undefined> {
  const content = loadAllContent(options);
  const guideline = resolveGuideline(content, ref);
  if (sectionId !== undefined && !guideline.sectionIndex.has(sectionId))
    throw new UsageError(attemptMessages.unknownSection(sectionId, guideline.id, [...guideline.sectionIndex.keys()]));
  if (search !== undefined) return searchText(guideline, search, run.width);
  return withStore(options, async ({ db, store }) => {
    const study = new StudyStore(db);
    const records = guidelineRecords(store, content, guideline);
    const { terminal, clock } = run;
    if (terminal) return void (await runReader({ guideline, startAt: sectionId, records, study, terminal, clock }));
    const at = clock();
    if (sectionId === undefined) return printedContents(guideline, records, study.sectionsRead(guideline.id), at, run);
    study.markRead(guideline.id, sectionId, at);
    return printedSection(guideline, sectionId, run.color, run.width);
  });
}
