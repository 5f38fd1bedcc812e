import { UsageError } from '../../errors.js';
import { StudyStore } from '../../store/study.js';
import { attemptMessages } from '../../attempt/messages.js';
import {
  guidelineRecords,
  printedContents,
  printedSection,
  resolveGuideline,
  runReader,
  searchText,
} from '../../ui/guideline-reader.js';
import { loadAllContent, withStore } from '../../workspace/open.js';
import type { GlobalOptions } from '../context.js';
import type { Io } from '../io.js';

export interface ReadOptions extends GlobalOptions {
  search?: string;
}

/**
 * `qualify read <guideline|bank> [section]`: the guideline reader in a terminal. Piped, or with
 * --search, it prints: the contents, one section, or the sections that match.
 */
export async function readCommand(
  ref: string,
  sectionId: string | undefined,
  options: ReadOptions,
  io: Io,
): Promise<void> {
  const content = loadAllContent(options);
  const guideline = resolveGuideline(content, ref);
  if (sectionId !== undefined && !guideline.sectionIndex.has(sectionId))
    throw new UsageError(attemptMessages.unknownSection(sectionId, guideline.id, [...guideline.sectionIndex.keys()]));
  if (options.search !== undefined) return io.out(searchText(guideline, options.search, io.width));
  await withStore(options, async ({ db, store }) => {
    const study = new StudyStore(db);
    const records = guidelineRecords(store, content, guideline);
    const { terminal, clock } = io;
    if (terminal) return runReader({ guideline, startAt: sectionId, records, study, terminal, clock });
    const at = clock();
    if (sectionId === undefined) {
      const read = study.sectionsRead(guideline.id);
      return io.out(printedContents(guideline, records, read, at, { color: io.color, width: io.width }));
    }
    study.markRead(guideline.id, sectionId, at);
    io.out(printedSection(guideline, sectionId, io.color, io.width));
  });
}
