import { Document, isScalar, isSeq, parse, Scalar, visit } from 'yaml';
import type { Guideline } from '../content/types.js';
import { convertAiken } from './aiken.js';
import { convertGift } from './gift.js';
import { importMessages as messages } from './messages.js';
import type { ConversionResult, DraftQuestion, Skipped } from './types.js';

export type { ConversionResult, DraftQuestion, Skipped } from './types.js';

import type { ImportFormat } from './formats.js';

export { IMPORT_FORMATS, type ImportFormat } from './formats.js';

export const CONVERTERS: Record<ImportFormat, (source: string) => ConversionResult> = {
  gift: convertGift,
  aiken: convertAiken,
};

const FORMAT_NAMES: Record<ImportFormat, string> = { gift: 'Moodle GIFT', aiken: 'Moodle Aiken' };

/** A file name as a bank id: `Week 3 Quiz.gift.txt` -> `week-3-quiz`. */
export function slugFromFileName(name: string): string {
  const base = name.replace(/\.[^.]*$/, '').replace(/\.(gift|aiken)$/i, '');
  return (
    base
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'imported'
  );
}

export interface BuiltFiles {
  bank: Record<string, unknown>;
  /** A stub guideline, when none was named: one section per source category. */
  guideline?: Record<string, unknown>;
  /** Questions filed under a fallback section because no section matched their category. */
  fallbackCount: number;
}

/** Section ids for each question: the section whose id or title matches its category, else the first. */
function sectionFor(
  draft: DraftQuestion,
  guideline: Pick<Guideline, 'sectionIndex'>,
): { id: string; fallback: boolean } {
  const wanted = draft.category?.toLowerCase();
  if (wanted) {
    for (const section of guideline.sectionIndex.values()) {
      if (section.id.toLowerCase() === wanted || section.title.toLowerCase() === wanted)
        return { id: section.id, fallback: false };
    }
  }
  return { id: guideline.sectionIndex.keys().next().value!, fallback: true };
}

/** A stub guideline with one section per category, in order of first appearance. */
function stubGuideline(
  id: string,
  title: string,
  drafts: DraftQuestion[],
): { guideline: Record<string, unknown>; sectionOf: (d: DraftQuestion) => string } {
  const categories = [...new Set(drafts.map((d) => d.category ?? ''))];
  const ids = new Map(categories.map((c, i) => [c, String(i + 1)]));
  const sections = categories.map((c) => ({
    id: ids.get(c)!,
    title: c || 'Imported questions',
    body: 'Write what this section teaches; the imported questions test it.\n',
  }));
  return {
    guideline: {
      kind: 'guideline',
      id,
      title: `${title} (guideline)`,
      version: '0.1.0',
      description: 'A stub written by "qualify import"; replace it with the real guideline.',
      sections,
    },
    sectionOf: (d) => ids.get(d.category ?? '')!,
  };
}

/**
 * Builds the bank (and a stub guideline when none is given) from converted questions. Pure:
 * the command reads the source and writes the files.
 */
export function buildBank(
  format: ImportFormat,
  bankId: string,
  drafts: DraftQuestion[],
  guideline: Pick<Guideline, 'id' | 'sectionIndex'> | undefined,
): BuiltFiles {
  const title = bankId
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
  let fallbackCount = 0;
  let guidelineId: string;
  let sectionOf: (d: DraftQuestion) => string;
  let stub: Record<string, unknown> | undefined;
  if (guideline) {
    guidelineId = guideline.id;
    sectionOf = (d) => {
      const found = sectionFor(d, guideline);
      if (found.fallback) fallbackCount++;
      return found.id;
    };
  } else {
    guidelineId = `${bankId}-guideline`;
    const built = stubGuideline(guidelineId, title, drafts);
    stub = built.guideline;
    sectionOf = built.sectionOf;
  }
  const width = String(drafts.length).length < 3 ? 3 : String(drafts.length).length;
  const questions = drafts.map((draft, i) => {
    const { type, ...rest } = draft.fields;
    return { id: `q-${String(i + 1).padStart(width, '0')}`, type, sections: [sectionOf(draft)], ...rest };
  });
  const bank = {
    kind: 'bank',
    id: bankId,
    title,
    description: messages.importedFrom(FORMAT_NAMES[format]),
    guideline: guidelineId,
    version: '0.1.0',
    questions,
  };
  return { bank, ...(stub ? { guideline: stub } : {}), fallbackCount };
}

/** How a plain (unquoted) scalar would read under YAML 1.1 and 1.2; either may differ from the text. */
function readsAsItself(text: string): boolean {
  // `=` is YAML 1.1's "value" key and `<<` its merge key; no parser needs to see them bare.
  if (text === '=' || text === '<<') return false;
  try {
    return parse(text, { version: '1.1' }) === text && parse(text, { version: '1.2' }) === text;
  } catch {
    return false;
  }
}

/** A content file's text: the editor modeline, then the YAML. */
export function toYaml(modeline: string, value: Record<string, unknown>): string {
  const doc = new Document(value);
  // Short lists of ids and labels read best on one line, as authors write them: `sections: ["1"]`.
  visit(doc, {
    Seq: (_key, node) => void (isSeq(node) && node.items.every((item) => isScalar(item)) && (node.flow = true)),
  });
  // Written for 1.2, read by every tool: a text that a YAML 1.1 parser would take for something
  // else (y, no, on, 0777, 1:30, =) is quoted, so both read the same value.
  visit(doc, {
    Scalar: (_key, node) => {
      if (typeof node.value === 'string' && !node.value.includes('\n') && !readsAsItself(node.value))
        node.type = Scalar.QUOTE_DOUBLE;
    },
  });
  return `${modeline}\n${doc.toString({ lineWidth: 0 })}`;
}

export function skippedLines(file: string, skipped: Skipped[]): string[] {
  return [...skipped]
    .sort((a, b) => a.line - b.line)
    .map((s) => `${file}:${s.line}${s.column ? `:${s.column}` : ''}  ${s.reason}`);
}
