import { isUtf8 } from 'node:buffer';
import v8 from 'node:v8';
import { CacheDamagedError } from '../content/cache-damaged.js';
import { partsBytes, type ByteSource } from '../content/cache.js';
import { cutQuestions, normalizedText, type Cut } from '../content/chunks.js';
import { MAX_BANK_BYTES, parseYaml, type ParsedFile } from '../content/parse.js';
import {
  isOffsets,
  mediaRefs,
  unpackQuestions,
  withQuestions,
  type BankWithoutQuestions,
  type MediaRef,
  type Offsets,
  type PackedQuestions,
} from '../content/packed-questions.js';
import { readContentBytes } from '../content/read.js';
import { resolveBank } from '../content/resolve.js';
import type { Bank, Guideline } from '../content/types.js';
import { validateWithScope } from '../content/validate.js';
import { LOAD_RULES } from '../lint/load-rules.js';
import { visit } from '../lint/run.js';

/*
 * An author editing a big bank changes a question or two and runs it again. Reading the bank
 * afresh validates, checks, resolves and packs every question (most of a second at 10,000), so a
 * bank remembered as resolved also keeps the file's bytes and where each question's text is in
 * them (`EditIndex`), and a changed version of it is read as an edit of that one when it safely
 * can be:
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
  /** Where the file's bytes start in the entry's kept bytes (where the packed questions end). */
  textsAt: number;
  /** Where each question's text starts and ends in the file's text as `normalizedText` gives it. */
  itemStarts: Offsets;
  itemEnds: Offsets;
  /** The same in the file's bytes, for a file without a byte-order mark or CR (see `byteRangesOf`). */
  byteStarts?: Offsets;
  byteEnds?: Offsets;
}

/**
 * Where each question's text starts and ends in the file's bytes, when the text is the file as it
 * reads (valid UTF-8, so its text encodes back to these very bytes; no byte-order mark, no CR):
 * then a question is compared with a remembered one byte for byte, without decoding the
 * remembered file.
 */
function byteRangesOf(
  cut: Cut,
  { bytes, source }: { bytes: Uint8Array; source: string },
): { byteStarts: Offsets; byteEnds: Offsets } | undefined {
  if (source.charCodeAt(0) === 0xfeff || source.includes('\r') || !isUtf8(bytes)) return undefined;
  const byteStarts: number[] = [];
  const byteEnds: number[] = [];
  let char = 0;
  let byte = 0;
  for (const item of cut.items) {
    byte += Buffer.byteLength(source.slice(char, item.start));
    byteStarts.push(byte);
    char = item.start + item.text.length;
    byte += Buffer.byteLength(item.text);
    byteEnds.push(byte);
  }
  return { byteStarts: Uint32Array.from(byteStarts), byteEnds: Uint32Array.from(byteEnds) };
}

/**
 * The edit index of a cut whose items are, in order, the bank's questions; `file` is the file's
 * bytes and its text.
 */
export function editIndexOf(
  cut: Cut,
  textsAt: number,
  file: { bytes: Uint8Array; source: string },
): { index: EditIndex; texts: Uint8Array } {
  return {
    index: {
      rest: cut.rest,
      textsAt,
      itemStarts: Uint32Array.from(cut.items, (item) => item.start),
      itemEnds: Uint32Array.from(cut.items, (item) => item.start + item.text.length),
      ...byteRangesOf(cut, file),
    },
    texts: file.bytes,
  };
}

/** Whether `value` is an edit index whose file bytes are the kept bytes after `textsAt`. */
export function isEditIndex(value: unknown, keptLength: number): value is EditIndex {
  const v = value as Partial<EditIndex> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.rest === 'string' &&
    Number.isInteger(v.textsAt) &&
    v.textsAt! <= keptLength &&
    v.itemStarts instanceof Uint32Array &&
    isOffsets(v.itemStarts, v.itemStarts.length) &&
    isOffsets(v.itemEnds, v.itemStarts.length) &&
    v.itemEnds.every((end, i) => end >= v.itemStarts![i]!) &&
    (v.byteStarts === undefined ||
      (isOffsets(v.byteStarts, v.itemStarts.length) && isOffsets(v.byteEnds, v.itemStarts.length)))
  );
}

/** A bank read as an edit: its questions, and what to remember of it (a resolved entry's parts). */
export interface EditedBank {
  bank: Bank;
  packed: PackedQuestions;
  /** The packed questions' bytes, in parts, then the file's. */
  bytes: Uint8Array[];
  edit: EditIndex;
}

/** A remembered bank as the edit starts from. */
export interface RememberedBank {
  bank: BankWithoutQuestions;
  questions: PackedQuestions;
  edit: EditIndex;
  bytes: ByteSource;
}

/** The file's text and cut, when its `rest` is the remembered one (else undefined: read it as usual). */
export function cutLikeBefore(
  file: string,
  before: RememberedBank,
): { source: string; bytes: Buffer; cut: Cut } | undefined {
  let bytes: Buffer;
  try {
    bytes = readContentBytes(file, MAX_BANK_BYTES);
  } catch {
    return undefined;
  }
  const source = bytes.toString('utf8');
  const cut = cutQuestions(source);
  return cut && cut.rest === before.edit.rest ? { source, bytes, cut } : undefined;
}

/**
 * The bank as it is `now` (its cut, bytes and text) as an edit of `before`, resolved against
 * `guidelines` (the caller has checked its guideline is the one `before` was resolved against);
 * undefined when it cannot safely be (see the top of this file).
 */
export function readEdit(
  file: string,
  now: { cut: Cut; bytes: Uint8Array; source: string },
  before: RememberedBank,
  guidelines: ReadonlyMap<string, Guideline>,
): EditedBank | undefined {
  try {
    return editOf(file, now, before, guidelines);
  } catch (error) {
    // The remembered bank turned out damaged (and is gone): the file is read as usual.
    if (error instanceof CacheDamagedError) return undefined;
    throw error;
  }
}

function editOf(
  file: string,
  now: { cut: Cut; bytes: Uint8Array; source: string },
  before: RememberedBank,
  guidelines: ReadonlyMap<string, Guideline>,
): EditedBank | undefined {
  const { questions: packed, edit } = before;
  const packedEnd = packed.ends.at(-1) ?? 0;
  if (edit.textsAt !== packedEnd || edit.itemStarts.length !== packed.ids.length) return undefined;
  const { cut } = now;
  const kept = before.bytes.slice(edit.textsAt, before.bytes.length);
  const keptFile = Buffer.from(kept.buffer, kept.byteOffset, kept.byteLength);
  const known = rememberedPlaces(now, edit, keptFile);
  if (!known) return undefined;

  // Each question of the file: a remembered one's place, or its value parsed alone.
  const places: (number | { value: unknown })[] = [];
  for (const [i, item] of cut.items.entries()) {
    const place = known[i];
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
  const ends = new Uint32Array(places.length);
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
    ends[at] = end += length;
  });
  closeRun();
  const { index, texts: fileBytes } = editIndexOf(cut, end, now);
  const packedNow: PackedQuestions = { ids: ids as string[], ends, media: refs };
  return {
    bank: withQuestions(before.bank, unpackQuestions(packedNow, partsBytes(parts))),
    packed: packedNow,
    bytes: [...parts, fileBytes],
    edit: index,
  };
}

/**
 * For each question of the file now, the place of the remembered question with exactly its text
 * (undefined: none). Byte for byte when both versions of the file have their byte ranges (the
 * remembered file is never decoded): the questions the same from the start, then from the end,
 * then, in between, each one against the remembered question at its place. When more than a
 * few are left without a place that way (questions moved, or added in several places), and for
 * a file without byte ranges, by text, through the remembered file decoded.
 */
const MOST_BY_BYTES = 16;

function rememberedPlaces(
  now: { cut: Cut; bytes: Uint8Array; source: string },
  edit: EditIndex,
  keptFile: Buffer,
): (number | undefined)[] | undefined {
  const count = now.cut.items.length;
  const places = new Array<number | undefined>(count).fill(undefined);
  const ranges = edit.byteStarts && edit.byteEnds && byteRangesOf(now.cut, now);
  if (ranges && edit.byteStarts && edit.byteEnds) {
    const nowFile = Buffer.from(now.bytes.buffer, now.bytes.byteOffset, now.bytes.byteLength);
    const { byteStarts: oldStarts, byteEnds: oldEnds } = edit;
    const remembered = oldStarts.length;
    if (oldEnds.some((end) => end > keptFile.length)) return undefined;
    const same = (i: number, j: number) =>
      ranges.byteEnds[i]! - ranges.byteStarts[i]! === oldEnds[j]! - oldStarts[j]! &&
      nowFile.compare(keptFile, oldStarts[j], oldEnds[j], ranges.byteStarts[i], ranges.byteEnds[i]) === 0;
    let head = 0;
    while (head < count && head < remembered && same(head, head)) places[head] = head++;
    let tail = 0;
    while (tail < count - head && tail < remembered - head && same(count - 1 - tail, remembered - 1 - tail)) {
      places[count - 1 - tail] = remembered - 1 - tail;
      tail++;
    }
    for (let i = head; i < count - tail; i++) if (i < remembered && same(i, i)) places[i] = i;
    // More than a few questions apart (several moved or added in different places): by text.
    if (places.filter((place) => place === undefined).length <= MOST_BY_BYTES) return places;
  }
  const texts = normalizedText(keptFile.toString('utf8'));
  if (edit.itemEnds.some((end) => end > texts.length)) return undefined;
  const known = new Map<string, number>();
  edit.itemEnds.forEach((end, i) => known.set(texts.slice(edit.itemStarts[i], end), i));
  now.cut.items.forEach((item, i) => (places[i] = known.get(item.text)));
  return places;
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
