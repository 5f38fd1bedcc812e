import { UsageError } from '../../errors.js';
import { StudyStore } from '../../store/study.js';
import { searchSections } from '../../study/reader.js';
import { safe } from '../../ui/screen.js';
import { loadAllContent, now, openStore, type GlobalOptions } from '../context.js';
import { runningClock } from '../interactive.js';
import type { Io } from '../io.js';
import { guidelineRecords, resolveGuideline, runReader, sectionView, tocText } from '../read.js';
import { studyMessages as m } from '../study-messages.js';

export interface ReadOptions extends GlobalOptions {
  search?: string;
}

/**
 * `qualify read <guideline|bank> [section]`: the guideline reader in a terminal. Piped, or with
 * --search, it prints: the contents, one section, or the sections that match.
 */
export async function readCommand(ref: string, sectionId: string | undefined, options: ReadOptions, io: Io): Promise<void> {
  const content = loadAllContent(options);
  const guideline = resolveGuideline(content, ref);
  if (sectionId !== undefined && !guideline.sectionIndex.has(sectionId)) throw new UsageError(m.unknownSection(sectionId, guideline.id, [...guideline.sectionIndex.keys()]));
  if (options.search !== undefined) {
    const hits = searchSections(guideline, options.search);
    if (hits.length === 0) io.out(m.noSearchResults(options.search));
    for (const hit of hits) io.out(`${safe(m.searchHit(hit.sectionId, hit.title))}\n${hit.snippet ? `    ${safe(hit.snippet)}\n` : ''}`);
    return;
  }
  const { db, store } = openStore(options);
  try {
    const study = new StudyStore(db);
    const records = guidelineRecords(store, content, guideline);
    if (io.terminal) return await runReader(guideline, sectionId, records, study, io.terminal, runningClock(io.env));
    const at = now(io.env);
    if (sectionId === undefined) {
      io.out(`${safe(guideline.title)}\n\n${tocText(guideline, records, study.sectionsRead(guideline.id), at, io.color)}\n`);
      return;
    }
    study.markRead(guideline.id, sectionId, at);
    io.out(`${sectionView(guideline, sectionId, false, io.color)}\n`);
  } finally {
    db.close();
  }
}
