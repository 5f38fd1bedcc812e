import type { ContentSet } from '../content/loaded.js';
import type { Guideline } from '../content/types.js';
import { UsageError } from '../errors.js';
import type { AttemptStore } from '../store/attempts.js';
import { StudyStore } from '../store/study.js';
import { sectionRecords, type SectionRecord } from '../study/outcomes.js';
import { passSections, searchSections, sectionAlone, sectionOutline, type ReadingPass } from '../study/reader.js';
import { choicePrompt } from './prompts/choice.js';
import { readerPrompt, type ReaderOutcome } from './prompts/reader.js';
import { uiMessages } from './messages.js';
import { guidelineText } from './question-view.js';
import { safe } from './screen.js';
import { screenSize, type Terminal } from './terminal.js';
import { makeTheme } from '../text/theme.js';
import { wrapLines } from '../text/wrap.js';
import { attemptRecords, outcomesFor } from '../attempt/study-data.js';
import { agoText, studyMessages as m } from './study-messages.js';
import { unlessClosed } from './prompts/closed.js';

/** A guideline by its id, or the guideline of a bank. */
export function resolveGuideline(content: ContentSet, ref: string): Guideline {
  const guideline = content.guidelines.get(ref) ?? content.banks.get(ref)?.guideline;
  if (!guideline)
    throw new UsageError(m.unknownGuideline(ref, [...content.guidelines.keys()], [...content.banks.keys()]));
  return guideline;
}

/** The learner's record per section of a guideline, from every bank written on it. */
export function guidelineRecords(
  store: AttemptStore,
  content: ContentSet,
  guideline: Guideline,
): Map<string, SectionRecord> {
  const bankIds = new Set(
    [...content.banks.values()].filter((b) => b.guideline.id === guideline.id).map((b) => b.bank.id),
  );
  return sectionRecords(
    outcomesFor(
      content,
      attemptRecords(store).filter((r) => bankIds.has(r.bankId)),
    ),
  );
}

/** The table of contents: each section with the learner's record and whether it was read. */
export function tocText(
  guideline: Guideline,
  records: ReadonlyMap<string, SectionRecord>,
  read: ReadonlyMap<string, number>,
  at: number,
  color: boolean,
  columns = Infinity,
): string {
  const c = makeTheme(color);
  const rows = sectionOutline(guideline).map(({ section, depth }) => {
    const r = records.get(section.id);
    const record = r
      ? m.tocRow(r.tried, Math.round((100 * r.correct) / r.tried), agoText(at - r.lastSeen))
      : m.tocNeverTried;
    return {
      left: `${'  '.repeat(depth)}${safe(section.id)}  ${safe(section.title)}`,
      id: section.id,
      record,
      plain: `${record}${read.has(section.id) ? `  ${m.readMark}` : ''}`,
    };
  });
  // The record beside the title while the title keeps 16 columns; in a narrower window, under it.
  const room = columns - 2 - Math.max(...rows.map((r) => r.plain.length));
  const beside = room >= 16;
  const width = Math.min(48, Math.max(...rows.map((r) => r.left.length)), beside ? room : columns);
  const lines = rows.map(({ left, id, record }) => {
    const shown = `${records.has(id) ? record : c.dim(record)}${read.has(id) ? `  ${c.green(m.readMark)}` : ''}`;
    const cut = left.length > width ? `${left.slice(0, width - 1)}…` : left.padEnd(width);
    return beside
      ? `${cut}  ${shown}`
      : `${cut.trimEnd()}\n${' '.repeat(left.length - left.trimStart().length + 4)}${shown}`;
  });
  return [c.dim(m.tocHeader), '', ...lines].join('\n');
}

/** One section alone (no subsections): whole, or only its rules, terms and examples. */
export function sectionView(guideline: Guideline, sectionId: string, condensed: boolean, color: boolean): string {
  const section = guideline.sectionIndex.get(sectionId)!;
  const single: Guideline = { ...guideline, sectionIndex: new Map([[sectionId, sectionAlone(section, condensed)]]) };
  return guidelineText(single, [sectionId], color);
}

type View = { kind: 'toc' } | { kind: 'section'; ids: string[]; index: number; pass: ReadingPass };

/** `qualify read --search`: each hit's title on its line, its snippet under it, both wrapped to the width. */
export function searchText(guideline: Guideline, query: string, width: number): string {
  const hits = searchSections(guideline, query);
  const wrap = (line: string, hang: number) => `${wrapLines(line, width, { hang }).join('\n')}\n`;
  const found = hits.map(
    (hit) =>
      wrap(safe(m.searchHit(hit.sectionId, hit.title)), 4) + (hit.snippet ? wrap(`    ${safe(hit.snippet)}`, 4) : ''),
  );
  return (hits.length === 0 ? m.noSearchResults(query) : '') + found.join('');
}

/** `qualify read` into a pipe: the contents with the learner's record, wrapped to the width. */
export function printedContents(
  guideline: Guideline,
  records: ReadonlyMap<string, SectionRecord>,
  read: ReadonlyMap<string, number>,
  at: number,
  view: { color: boolean; width: number },
): string {
  const toc = tocText(guideline, records, read, at, view.color, view.width);
  return `${wrapLines(`${safe(guideline.title)}\n\n${toc}`, view.width).join('\n')}\n`;
}

/** `qualify read <guideline> <section>` into a pipe: the section, wrapped to the width. */
export function printedSection(guideline: Guideline, sectionId: string, color: boolean, width: number): string {
  return `${wrapLines(sectionView(guideline, sectionId, false, color), width).join('\n')}\n`;
}

/** A reading session: the guideline, where to open it, the learner's record, and where it shows. */
export interface ReaderRun {
  guideline: Guideline;
  /** A section id to open at (the contents when absent). */
  startAt: string | undefined;
  records: ReadonlyMap<string, SectionRecord>;
  study: StudyStore;
  terminal: Terminal;
  clock: () => number;
}

/**
 * The reader in a terminal: the contents, then sections one by one in the order of a pass.
 * Every section shown is remembered as read.
 */
export async function runReader({ guideline, startAt, records, study, terminal, clock }: ReaderRun): Promise<void> {
  const everything = passSections(guideline, 1, records);
  let view: View = startAt
    ? { kind: 'section', ids: everything, index: everything.indexOf(startAt), pass: 1 }
    : { kind: 'toc' };
  let notice: string | undefined;
  const context = { input: terminal.input, output: terminal.output, clearPromptOnDone: true };
  const screen = (title: string) => ({ title, color: terminal.color, size: screenSize(terminal) });
  while (true) {
    let outcome: ReaderOutcome;
    if (view.kind === 'toc') {
      outcome = await ask(() =>
        readerPrompt(
          {
            screen: screen(guideline.title),
            text: tocText(
              guideline,
              records,
              study.sectionsRead(guideline.id),
              clock(),
              terminal.color,
              Math.max(20, terminal.size().columns - 1),
            ),
            hint: m.readerKeysToc,
            searchLabel: m.searchPrompt,
            keys: ['1', '2', '3', 'enter'],
            notice,
          },
          context,
        ),
      );
    } else {
      const id = view.ids[view.index]!;
      study.markRead(guideline.id, id, clock());
      const title = `${guideline.title} · ${m.passProgress(m.passNames[view.pass]!, view.index + 1, view.ids.length)}`;
      outcome = await ask(() =>
        readerPrompt(
          {
            screen: screen(title),
            text: sectionView(guideline, id, view.kind === 'section' && view.pass === 2, terminal.color),
            hint: m.readerKeysSection,
            searchLabel: m.searchPrompt,
            keys: ['n', 'p', 't', 'right', 'left'],
            notice,
          },
          context,
        ),
      );
    }
    notice = undefined;
    if (outcome.kind === 'quit') return;
    if (outcome.kind === 'search') {
      const hits = searchSections(guideline, outcome.query);
      if (hits.length === 0) {
        notice = m.noMatches(outcome.query);
        continue;
      }
      let target = hits[0]!.sectionId;
      if (hits.length > 1) {
        const picked = await ask(() =>
          choicePrompt(
            {
              screen: { ...screen(guideline.title), body: m.searchResults(outcome.query, hits.length) },
              choices: [
                ...hits.map((h) => ({ value: h.sectionId, label: m.searchHit(h.sectionId, h.title), note: h.snippet })),
                { value: '', label: m.backToToc },
              ],
              // Esc or q goes back to the contents, as the last choice does (it may be out of view).
              keys: { escape: '', q: '' },
              enterHint: uiMessages.keys.chooseOrBack,
            },
            context,
          ).then((o) => (o.kind === 'answer' ? ({ kind: 'key', key: o.value } as const) : ({ kind: 'quit' } as const))),
        );
        if (picked.kind !== 'key' || picked.key === '') continue;
        target = picked.key;
      }
      view = { kind: 'section', ids: everything, index: everything.indexOf(target), pass: 1 };
      continue;
    }
    const key = outcome.key;
    if (view.kind === 'toc') {
      const pass: ReadingPass = key === '2' ? 2 : key === '3' ? 3 : 1;
      const ids = passSections(guideline, pass, records);
      if (ids.length === 0) notice = m.nothingMissed;
      else view = { kind: 'section', ids, index: 0, pass };
    } else if (key === 't') view = { kind: 'toc' };
    else if (key === 'n' || key === 'right') {
      if (view.index + 1 < view.ids.length) view = { ...view, index: view.index + 1 };
      else view = { kind: 'toc' };
    } else if (key === 'p' || key === 'left') view = { ...view, index: Math.max(0, view.index - 1) };
  }
}

/** Ctrl+C leaves the reader like q does. */
async function ask(run: () => Promise<ReaderOutcome>): Promise<ReaderOutcome> {
  return (await unlessClosed(run)) ?? { kind: 'quit' };
}
