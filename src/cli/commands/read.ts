import { UsageError } from '../../errors.js';
import { StudyStore } from '../../store/study.js';
import { searchSections } from '../../study/reader.js';
import { safe } from '../../ui/screen.js';
import { wrapLines } from '../../text/wrap.js';
import { loadAllContent, openStore, type GlobalOptions } from '../context.js';
import type { Io } from '../io.js';
import { guidelineRecords, resolveGuideline, runReader, sectionView, tocText } from '../../ui/guideline-reader.js';
import { attemptMessages } from '../../attempt/messages.js';
import { studyMessages as m } from '../../ui/study-messages.js';

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
  if (options.search !== undefined) {
    const hits = searchSections(guideline, options.search);
    if (hits.length === 0) io.out(m.noSearchResults(options.search));
    // Each hit's title on its line, its snippet under it, both wrapped to the width.
    const wrap = (line: string, hang: number) => `${wrapLines(line, io.width, { hang }).join('\n')}\n`;
    for (const hit of hits)
      io.out(
        wrap(safe(m.searchHit(hit.sectionId, hit.title)), 4) + (hit.snippet ? wrap(`    ${safe(hit.snippet)}`, 4) : ''),
      );
    return;
  }
  const { db, store } = openStore(options);
  try {
    const study = new StudyStore(db);
    const records = guidelineRecords(store, content, guideline);
    if (io.terminal)
      return await runReader({ guideline, startAt: sectionId, records, study, terminal: io.terminal, clock: io.clock });
    const at = io.clock();
    if (sectionId === undefined) {
      const toc = tocText(guideline, records, study.sectionsRead(guideline.id), at, io.color, io.width);
      io.out(`${wrapLines(`${safe(guideline.title)}\n\n${toc}`, io.width).join('\n')}\n`);
      return;
    }
    study.markRead(guideline.id, sectionId, at);
    io.out(`${wrapLines(sectionView(guideline, sectionId, false, io.color), io.width).join('\n')}\n`);
  } finally {
    db.close();
  }
}
