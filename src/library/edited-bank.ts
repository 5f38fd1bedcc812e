import v8 from 'node:v8';
import { CacheDamagedError } from '../content/cache-damaged.js';
import { heldBytes, type ByteSource } from '../content/cache.js';
import { cutQuestions, type Cut } from '../content/chunks.js';
import { MAX_BANK_BYTES, parseYaml, type ParsedFile } from '../content/parse.js';
import {
  mediaRefs,
  unpackQuestions,
  withQuestions,
  type BankWithoutQuestions,
  type MediaRef,
  type PackedQuestions,
} from '../content/packed-questions.js';
import { readContentFile } from '../content/read.js';
import { resolveBank } from '../content/resolve.js';
import type { Bank, Guideline } from '../content/types.js';
import { validateWithScope } from '../content/validate.js';
import { LOAD_RULES } from '../lint/load-rules.js';
import { visit } from '../lint/run.js';

/*
 * An author editing a big bank changes a question or two and runs it again. Reading the bank
 * afresh validates, checks, resolves and packs every question (most of a second at 10,000), so a
 * bank remembered as resolved also keeps the text of each of its questions (`EditIndex`), and a
 * changed version of it is read as an edit of that one when it safely can be:
 *  - the file still cuts into its questions (content/chunks.ts), and everything but the
 *    questions (`rest`: kind, id, guideline, exam settings) is exactly as it was;
 *  - its guideline file is the one the entry was resolved against (checked by the caller);
 *  - each question whose text is exactly a remembered question's text is that question, as
 *    resolved then (it passed every check then, and a question resolves from its own text, the
 *    bank's path and the guideline alone);
 *  - the new or edited questions, parsed alone, pass the schema and every load rule as a bank of
 *    their own, and no question id is used twice in the whole bank.
 * Anything else, any problem at all included, returns undefined, and the caller reads the file
 * as usual: every problem is reported by the one loader, at its own line and column.
 */

/** What a resolved entry keeps of the file's text to read an edit of it (see above). */
export interface EditIndex {
  /** The file without its questions (see content/chunks.ts). */
  rest: string;
  /**
   * Where each question's text ends (in characters) in the texts kept, as UTF-8, after the
   * packed questions (from `textsAt` in the entry's kept bytes).
   */
  itemEnds: number[];
  /** Where the questions' texts start in the entry's kept bytes (where the packed questions end). */
  textsAt: number;
}

/** The edit index of a cut whose items are, in order, the bank's questions, and the bytes it keeps. */
export function editIndexOf(cut: Cut, textsAt: number): { index: EditIndex; texts: Uint8Array } {
  const itemEnds: number[] = [];
  let end = 0;
  for (const item of cut.items) itemEnds.push((end += item.text.length));
  return {
    index: { rest: cut.rest, itemEnds, textsAt },
    texts: Buffer.from(cut.items.map((item) => item.text).join(''), 'utf8'),
  };
}

/** Whether `value` is an edit index whose texts are the kept bytes after `textsAt`. */
export function isEditIndex(value: unknown, keptLength: number): value is EditIndex {
  const v = value as Partial<EditIndex> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.rest === 'string' &&
    Number.isInteger(v.textsAt) &&
    Array.isArray(v.itemEnds) &&
    v.itemEnds.every((end, i) => Number.isInteger(end) && end >= (i ? v.itemEnds![i - 1]! : 0)) &&
    v.textsAt! <= keptLength
  );
}

/** A bank read as an edit: its questions, and what to remember of it (a resolved entry's parts). */
export interface EditedBank {
  bank: Bank;
  packed: PackedQuestions;
  /** The packed questions' bytes, then the questions' texts. */
  bytes: Uint8Array;
  edit: EditIndex;
  refs: MediaRef[];
}

/** A remembered bank as the edit starts from. */
export interface RememberedBank {
  bank: BankWithoutQuestions;
  questions: PackedQuestions;
  edit: EditIndex;
  bytes: ByteSource;
}

/** The file's text and cut, when its `rest` is the remembered one (else undefined: read it as usual). */
export function cutLikeBefore(file: string, before: RememberedBank): { source: string; cut: Cut } | undefined {
  let source: string;
  try {
    source = readContentFile(file, MAX_BANK_BYTES);
  } catch {
    return undefined;
  }
  const cut = cutQuestions(source);
  return cut && cut.rest === before.edit.rest ? { source, cut } : undefined;
}

/**
 * The bank `cut` (of `file`) as an edit of `before`, resolved against `guideline` (the one
 * `before` was resolved against); undefined when it cannot safely be (see the top of this file).
 */
export function readEdit(
  file: string,
  cut: Cut,
  before: RememberedBank,
  guidelines: ReadonlyMap<string, Guideline>,
): EditedBank | undefined {
  try {
    return editOf(file, cut, before, guidelines);
  } catch (error) {
    // The remembered bank turned out damaged (and is gone): the file is read as usual.
    if (error instanceof CacheDamagedError) return undefined;
    throw error;
  }
}

function editOf(
  file: string,
  cut: Cut,
  before: RememberedBank,
  guidelines: ReadonlyMap<string, Guideline>,
): EditedBank | undefined {
  const { questions: packed, edit } = before;
  const packedEnd = packed.ends.at(-1) ?? 0;
  if (edit.textsAt !== packedEnd) return undefined;
  const kept = before.bytes.slice(edit.textsAt, before.bytes.length);
  const texts = Buffer.from(kept.buffer, kept.byteOffset, kept.byteLength).toString('utf8');
  if (texts.length !== (edit.itemEnds.at(-1) ?? 0)) return undefined;
  const known = new Map<string, number>();
  edit.itemEnds.forEach((end, i) => known.set(texts.slice(i ? edit.itemEnds[i - 1]! : 0, end), i));

  // Each question of the file: a remembered one's place, or its value parsed alone.
  const places: (number | { value: unknown })[] = [];
  for (const item of cut.items) {
    const place = known.get(item.text);
    if (place !== undefined) {
      places.push(place);
      continue;
    }
    const alone = parseYaml(file, item.text);
    if (alone.syntaxProblems.length || !Array.isArray(alone.value) || alone.value.length !== 1) return undefined;
    places.push({ value: alone.value[0] as unknown });
  }
  const fresh = places.flatMap((p) => (typeof p === 'number' ? [] : [p.value]));
  const ids = places.map((p) => (typeof p === 'number' ? packed.ids[p] : (p.value as { id?: unknown } | null)?.id));
  if (new Set(ids).size !== ids.length) return undefined;

  // The new and edited questions as a bank of their own: the schema, then every load rule.
  const head = parseYaml(file, cut.rest).value as Record<string, unknown>;
  const partial = aloneAsFile(file, { ...head, questions: fresh });
  if (fresh.length && validateWithScope(partial, 'bank').errors.length) return undefined;
  const resolved = resolveBank(partial, guidelines);
  if (!resolved.guideline) return undefined;
  const node = { ...resolved, parsed: partial, guidelineIds: [...guidelines.keys()] };
  if (visit(LOAD_RULES, 'bank', file, partial, node).length) return undefined;

  // The bank in the file's order: remembered questions as packed then, the others packed now.
  const remembered = before.bytes.slice(0, packedEnd); // read (and checked) at once, not question by question
  const mediaOf = new Map<number, MediaRef[]>();
  for (const ref of packed.media) mediaOf.set(ref.question, [...(mediaOf.get(ref.question) ?? []), ref]);
  const parts: Uint8Array[] = [];
  const ends: number[] = [];
  const refs: MediaRef[] = [];
  let end = 0;
  let next = 0;
  // Remembered questions still in a row are copied as one part.
  let run: { start: number; end: number } | undefined;
  const closeRun = () => {
    if (run) parts.push(remembered.subarray(run.start, run.end));
    run = undefined;
  };
  places.forEach((place, at) => {
    let length: number;
    if (typeof place === 'number') {
      const start = place ? packed.ends[place - 1]! : 0;
      const stop = packed.ends[place]!;
      if (run?.end !== start) {
        closeRun();
        run = { start, end: stop };
      } else run.end = stop;
      length = stop - start;
      for (const ref of mediaOf.get(place) ?? []) refs.push({ ...ref, question: at });
    } else {
      closeRun();
      const question = resolved.bank.questions[next++]!;
      const part = v8.serialize(question);
      parts.push(part);
      length = part.length;
      for (const ref of mediaRefs([question])) refs.push({ ...ref, question: at });
    }
    ends.push((end += length));
  });
  closeRun();
  const ids2 = ids as string[];
  const { index, texts: itemTexts } = editIndexOf(cut, end);
  const bytes = Buffer.concat([...parts, itemTexts]);
  const packedNow: PackedQuestions = { ids: ids2, ends, media: refs };
  return {
    bank: withQuestions(before.bank, unpackQuestions(packedNow, heldBytes(bytes))),
    packed: packedNow,
    bytes,
    edit: index,
    refs,
  };
}

/** A value parsed from parts of a file, as a ParsedFile: its problems are never shown (see readEdit). */
function aloneAsFile(file: string, value: unknown): ParsedFile {
  const unplaced = () => ({ line: 1, column: 1 });
  return {
    file,
    value,
    source: '',
    syntaxProblems: [],
    diagnostics: [],
    locate: unplaced,
    get doc(): never {
      throw new Error('a bank read as an edit has no document');
    },
    get lineCounter(): never {
      throw new Error('a bank read as an edit has no document');
    },
  };
}
