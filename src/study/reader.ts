import type { Guideline, Section } from '../content/types.js';
import type { SectionRecord } from './outcomes.js';

/** Every section in document order with its depth (0 for a top-level section). */
export function sectionOutline(guideline: Guideline): { section: Section; depth: number }[] {
  const out: { section: Section; depth: number }[] = [];
  const walk = (sections: readonly Section[], depth: number) => {
    for (const section of sections) {
      out.push({ section, depth });
      walk(section.sections ?? [], depth + 1);
    }
  };
  walk(guideline.sections, 0);
  return out;
}

/** All the words of a section a learner might search for. */
function sectionWords(section: Section): string {
  return [
    section.title,
    section.body ?? '',
    ...(section.terms ?? []).flatMap((t) => [t.term, t.definition]),
    ...(section.rules ?? []).flatMap((r) => [r.id, r.text]),
    ...(section.exceptions ?? []),
    ...(section.examples ?? []).flatMap((e) => [e.title, e.body, e.verdict ?? '']),
  ].join('\n');
}

export interface SearchHit {
  sectionId: string;
  title: string;
  /** The first line that holds a searched word, cut short. */
  snippet: string;
}

const SNIPPET_LENGTH = 90;

/**
 * The sections that hold every word searched (case-insensitive), those with a word in the title
 * first. A query that is exactly a section id finds that section alone: "/7.2" jumps there.
 */
export function searchSections(guideline: Guideline, query: string): SearchHit[] {
  const trimmed = query.trim();
  if (!trimmed) return [];
  const exact = guideline.sectionIndex.get(trimmed);
  if (exact) return [{ sectionId: exact.id, title: exact.title, snippet: '' }];
  const words = trimmed.toLowerCase().split(/\s+/);
  const hits: (SearchHit & { inTitle: boolean; order: number })[] = [];
  for (const [order, { section }] of sectionOutline(guideline).entries()) {
    const text = sectionWords(section);
    const lower = text.toLowerCase();
    if (!words.every((w) => lower.includes(w))) continue;
    // The title is shown beside the snippet already: take the first other line with a word.
    const line =
      text
        .split('\n')
        .slice(1)
        .find((l) => words.some((w) => l.toLowerCase().includes(w))) ?? '';
    const flat = line.replace(/\s+/g, ' ').trim();
    hits.push({
      sectionId: section.id,
      title: section.title,
      snippet: flat.length > SNIPPET_LENGTH ? `${flat.slice(0, SNIPPET_LENGTH - 1)}…` : flat,
      inTitle: words.some((w) => section.title.toLowerCase().includes(w)),
      order,
    });
  }
  return hits
    .sort((a, b) => Number(b.inTitle) - Number(a.inTitle) || a.order - b.order)
    .map(({ sectionId, title, snippet }) => ({ sectionId, title, snippet }));
}

export type ReadingPass = 1 | 2 | 3;

/**
 * The sections of a pass, in reading order. 1: the whole guideline in order; 2: the sections
 * with rules, terms or examples (shown without their prose); 3: the sections the learner keeps
 * missing, lowest accuracy first.
 */
export function passSections(
  guideline: Guideline,
  pass: ReadingPass,
  records: ReadonlyMap<string, SectionRecord>,
): string[] {
  const outline = sectionOutline(guideline).map((o) => o.section);
  if (pass === 1) return outline.map((s) => s.id);
  if (pass === 2)
    return outline.filter((s) => s.rules?.length || s.terms?.length || s.examples?.length).map((s) => s.id);
  return outline
    .flatMap((s) => {
      const r = records.get(s.id);
      return r && r.correct < r.tried ? [{ id: s.id, accuracy: r.correct / r.tried, tried: r.tried }] : [];
    })
    .sort((a, b) => a.accuracy - b.accuracy || b.tried - a.tried)
    .map((s) => s.id);
}

/** A section on its own (no subsections), whole or, for the second pass, just its rules, terms and examples. */
export function sectionAlone(section: Section, condensed: boolean): Section {
  const alone: Section = { ...section, sections: undefined };
  if (condensed) {
    alone.body = undefined;
    alone.exceptions = undefined;
  }
  return alone;
}
