import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { CacheDamagedError } from '../content/cache-damaged.js';
import { byteRegion, stampOf, type ByteSource, type ContentCache } from '../content/cache.js';
import type { Diagnostic } from '../content/diagnostic.js';
import { findContentFiles } from '../content/discover.js';
import type { ContentKind, ContentSet, LoadedFile } from '../content/loaded.js';
import { MAX_BANK_BYTES, MAX_CONTENT_BYTES, parseYaml, positionOf, type ParsedFile } from '../content/parse.js';
import {
  cutQuestions,
  firstLayoutBreak,
  itemValues,
  lineInFile,
  locateInCut,
  valueFromCut,
  type Cut,
} from '../content/chunks.js';
import { FileTooLargeError, readContentFile, tooLargeData } from '../content/read.js';
import {
  isPackedQuestions,
  mediaRefs,
  packQuestions,
  PackedQuestionList,
  withQuestionsWhenUsed,
  withoutQuestions,
  type BankWithoutQuestions,
  type MediaRef,
  type Offsets,
  type PackedQuestions,
} from '../content/packed-questions.js';
import { resolveBank, resolveGuideline } from '../content/resolve.js';
import type { GuidelineFile } from '../content/schema/types.generated.js';
import type { Bank, Guideline, ResolvedBank } from '../content/types.js';
import { validateWithScope } from '../content/validate.js';
import { LOAD_RULES } from '../lint/load-rules.js';
import type { MediaOnDisk } from '../lint/rule.js';
import { visit } from '../lint/run.js';
import {
  cutLikeBefore,
  editIndexOf,
  isEditIndex,
  readEdit,
  type EditIndex,
  type RememberedBank,
} from './edited-bank.js';

/*
 * The loader every command reads content through. It is above both content/ (which parses,
 * validates and resolves) and lint/ (whose load-phase rules it runs on each file, so `exam`,
 * `read` and the rest refuse a broken bank with the very messages `qualify lint` shows); neither
 * of those imports it. See docs/architecture.md.
 */

interface ReadFile {
  parsed: ParsedFile;
  kind: ContentKind;
  /** Set for a bank whose only schema problems are inside these questions. */
  brokenQuestions?: Set<number>;
  /** The file cut into its questions, when its items are the bank's questions in order. */
  cut?: Cut;
}

function kindOf(parsed: ParsedFile): ContentKind | 'other' | 'unknown-kind' {
  const value = parsed.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'other';
  const kind = (value as { kind?: unknown }).kind;
  if (kind === 'bank' || kind === 'guideline') return kind;
  return kind === undefined ? 'other' : 'unknown-kind';
}

/** Media that do not exist or, once symbolic links are followed, leave the bank's folder. */
function mediaOnDisk(bankFile: string, refs: readonly MediaRef[]): MediaOnDisk[] {
  const found: MediaOnDisk[] = [];
  if (!refs.length) return found;
  const folder = fs.realpathSync(path.dirname(bankFile));
  for (const ref of refs) {
    const at = { question: ref.question, questionId: ref.questionId, media: ref.media, path: ref.path };
    let real: string;
    try {
      real = fs.realpathSync(ref.resolvedPath);
    } catch {
      found.push({ ...at, state: 'missing' });
      continue;
    }
    const relative = path.relative(folder, real);
    if (relative.startsWith('..') || path.isAbsolute(relative)) found.push({ ...at, state: 'links-outside' });
  }
  return found;
}

/** A bank says so at the top level; only a bank may be larger than MAX_CONTENT_BYTES. */
const BANK_KIND = /^kind:[ \t]*(["']?)bank\1[ \t]*(?:#.*)?\r?$/m;

/** The size in bytes of a text over MAX_CONTENT_BYTES, which is never parsed whole; else undefined. */
function overWholeParseLimit(source: string): number | undefined {
  if (source.length * 3 <= MAX_CONTENT_BYTES) return undefined;
  const bytes = Buffer.byteLength(source);
  return bytes > MAX_CONTENT_BYTES ? bytes : undefined;
}

/**
 * A file remembered by the cache: its value when asked for (from the cache, or parsed when
 * `value` has none), its source positions only if a later check needs one (then the file is
 * parsed after all, unless it is over MAX_CONTENT_BYTES: then a place the question it is in
 * cannot tell is given as the file's start).
 */
function rememberedFile(file: string, value?: () => unknown, source?: string): ParsedFile {
  let full: ParsedFile | undefined;
  const text = () => (source ??= full?.source ?? readContentFile(file, MAX_BANK_BYTES));
  const parse = () => (full ??= parseYaml(file, text()));
  let kept: { value: unknown } | undefined;
  let cut: Cut | null | undefined;
  const cutOf = () => (cut ??= cutQuestions(text()) ?? null);
  const big = () => overWholeParseLimit(text()) !== undefined;
  // The file changed since it was read (saved again meanwhile): its value is none, not a crash.
  const bigValue = () => {
    const fresh = cutOf();
    return fresh ? valueFromCut(file, fresh, new Map())?.value : undefined;
  };
  return {
    file,
    get value() {
      kept ??= {
        value: value?.() ?? (big() ? bigValue() : parse().value),
      };
      return kept.value;
    },
    syntaxProblems: [],
    diagnostics: [],
    get doc() {
      return parse().doc;
    },
    get lineCounter() {
      return parse().lineCounter;
    },
    // The text alone (lint reads its disable comments), without parsing it.
    get source() {
      return text();
    },
    // A place in a bank parses only the question it is in (a lint warning on every big bank
    // would otherwise parse every file whole).
    locate(path, at) {
      if (!full) {
        const found = cutOf() && locateInCut(file, cutOf()!, path, at);
        if (found) return found;
        if (big()) return { line: 1, column: 1 };
      }
      return positionOf(parse(), path, at);
    },
  };
}

/** A bank's value built from its remembered questions without parsing them (undefined: it cannot be). */
function valueFromItems(file: string, source: string, cache: ContentCache | undefined): unknown {
  const cut = cache && cutQuestions(source);
  const known = cut && cache.items(file);
  return (known && valueFromCut(file, cut, known)?.value) ?? undefined;
}

/**
 * Parses a file's text. A bank read before is read question by question when it can be (see
 * content/chunks.ts): only its new or edited questions are parsed, and source positions wait
 * until a check needs one. `items` are the question values to remember once the file loads
 * without a problem. A bank over MAX_CONTENT_BYTES is only ever read question by question (every
 * question parsed alone the first time); `tooLargeWhole` when it cannot be. Any other file over
 * it is `tooLarge`.
 */
function parseContent(
  file: string,
  source: string,
  cache: ContentCache | undefined,
):
  | { parsed: ParsedFile; items?: Map<string, unknown>; cut?: Cut }
  | { tooLargeWhole: number; line: number }
  | { tooLarge: number } {
  const bytes = overWholeParseLimit(source);
  const big = bytes !== undefined;
  if (big && !BANK_KIND.test(source)) return { tooLarge: bytes };
  const cut = (cache || big) && cutQuestions(source);
  const known = cut && (cache?.items(file) ?? (big ? new Map<string, unknown>() : undefined));
  const fast = cut && known && valueFromCut(file, cut, known);
  if (fast) return { parsed: rememberedFile(file, () => fast.value, source), items: fast.values, cut };
  if (big) {
    // A problem in the lines around the list, at their own lines in the file.
    const rest = cut ? parseYaml(file, cut.rest) : undefined;
    if (cut && rest?.syntaxProblems.length) {
      const syntaxProblems = rest.syntaxProblems.map((p) => ({ ...p, line: lineInFile(cut, p.line) }));
      return { parsed: { ...rest, syntaxProblems } };
    }
    // The first question that does not parse alone, its problems moved to its lines in the file.
    // An alias to an anchor in another question (which a whole parse would take) is said so.
    for (const item of cut ? cut.items : []) {
      const alone = parseYaml(file, item.text);
      if (!alone.syntaxProblems.length) continue;
      const syntaxProblems = alone.syntaxProblems.map((p) => ({
        ...p,
        line: p.line + item.line - 1,
        ...(p.messageId === 'BAD_ALIAS' || p.messageId === 'aliasBeforeAnchor'
          ? { messageId: 'aliasAcrossQuestions' as const, data: undefined }
          : {}),
      }));
      return { parsed: { ...alone, syntaxProblems } };
    }
    return { tooLargeWhole: bytes, line: firstLayoutBreak(source) };
  }
  const parsed = parseYaml(file, source);
  const items = cut && !parsed.syntaxProblems.length ? itemValues(parsed, cut) : undefined;
  return { parsed, items, cut: items && cut ? cut : undefined };
}

/** A bank as resolved against its guideline, remembered with that guideline's file and stamp. */
interface ResolvedEntry {
  bank: BankWithoutQuestions;
  guidelineFile: string;
  guidelineStamp: string;
  /** Every media file the questions name, checked on disk on every load. */
  media: MediaRef[];
  /**
   * The questions' index and the edit index, `v8.serialize`d on their own (an EntryIndex): read
   * when the bank's questions are first used, so a command that uses none of them (`history`,
   * `report`) never reads a big bank's ten thousand ids and places.
   */
  index: Uint8Array;
}

/** The guideline a bank was resolved against. */
type GuidelineOf = Pick<ResolvedEntry, 'guidelineFile' | 'guidelineStamp'>;

/** What a resolved entry's `index` holds. */
interface EntryIndex {
  /** With `ends`: the questions, built one by one when first used (see content/packed-questions.ts). */
  ids: string[];
  ends: Offsets;
  /** The file and where each question is in it, to read a changed version as an edit (see edited-bank.ts). */
  edit?: EditIndex;
}

function resolvedEntry(
  bank: BankWithoutQuestions,
  packed: PackedQuestions,
  guideline: { file: string; stamp: string },
  edit: EditIndex | undefined,
): ResolvedEntry {
  const index: EntryIndex = { ids: packed.ids, ends: packed.ends, ...(edit && { edit }) };
  return {
    bank,
    guidelineFile: guideline.file,
    guidelineStamp: guideline.stamp,
    media: packed.media,
    index: v8.serialize(index),
  };
}

function isResolvedEntry(value: unknown, file: string): value is ResolvedEntry {
  const v = value as Partial<ResolvedEntry> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.guidelineFile === 'string' &&
    typeof v.guidelineStamp === 'string' &&
    typeof v.bank === 'object' &&
    v.bank !== null &&
    v.bank.kind === 'bank' &&
    v.bank.file === file &&
    typeof v.bank.id === 'string' &&
    typeof v.bank.guidelineId === 'string' &&
    !('questions' in v.bank) &&
    Array.isArray(v.media) &&
    v.index instanceof Uint8Array
  );
}

/** An entry's questions and edit index, checked against the bytes kept with it (undefined: they do not fit). */
function entryIndex(
  entry: ResolvedEntry,
  bytes: ByteSource,
): { questions: PackedQuestions; edit: EditIndex | undefined } | undefined {
  let v: Partial<EntryIndex> | null;
  try {
    v = v8.deserialize(entry.index) as Partial<EntryIndex> | null;
  } catch {
    return undefined;
  }
  const edit = v?.edit === undefined ? undefined : isEditIndex(v.edit, bytes.length) ? v.edit : null;
  const questions = { ids: v?.ids, ends: v?.ends, media: entry.media };
  if (edit === null || !isPackedQuestions(questions, byteRegion(bytes, 0, edit?.textsAt ?? bytes.length)))
    return undefined;
  return { questions, edit };
}

/**
 * Reads, validates and resolves every guideline and bank in the given folders (plus any extra
 * files). Problems come back as diagnostics; nothing here throws for bad content. With a cache,
 * files unchanged since they last passed the schema are not parsed again.
 */
export function loadContent(
  dirs: readonly string[],
  extraFiles: readonly string[] = [],
  cache?: ContentCache,
  /** Text of files that are not on disk (standard input, for `qualify lint -`), by absolute path. */
  sources?: ReadonlyMap<string, string>,
): ContentSet {
  const files = [...new Set([...findContentFiles(dirs), ...extraFiles.map((f) => path.resolve(f))])];
  const diagnostics: Diagnostic[] = [];
  const read: ReadFile[] = [];
  const loaded = new Map<string, LoadedFile>(files.map((file) => [file, { file }]));
  const stats = new Map<string, fs.Stats>();
  /** Banks remembered as resolved, still to be checked against the guideline they were resolved with. */
  const remembered: { file: string; value: ResolvedEntry; bytes: ByteSource }[] = [];
  /** Banks changed since they were remembered as resolved, to read as an edit of that (see edited-bank.ts). */
  const edited = new Map<string, { before: RememberedBank & GuidelineOf; source: string; bytes: Buffer; cut: Cut }>();

  /** Reads one file: from the cache when it is unchanged, else parsed and validated. */
  const readOne = (file: string): ReadFile | undefined => {
    let source: string;
    const stat = stats.get(file);
    try {
      const kept = stat && cache?.lookup(file, stat);
      if (kept) {
        const parsed = rememberedFile(file, () => kept.value);
        Object.assign(loaded.get(file)!, { parsed, kind: kept.kind });
        return { parsed, kind: kept.kind };
      }
      source = sources?.get(file) ?? readContentFile(file, MAX_BANK_BYTES);
    } catch (error) {
      const reason =
        error instanceof FileTooLargeError
          ? ({ kind: 'too-large', data: tooLargeData(error.bytes, error.limit) } as const)
          : ({ kind: 'error', code: (error as NodeJS.ErrnoException).code ?? 'error' } as const);
      diagnostics.push(...visit(LOAD_RULES, 'unreadable', file, undefined, { reason }));
      return undefined;
    }
    const outcome = parseContent(file, source, cache);
    if ('tooLarge' in outcome) {
      const reason = { kind: 'too-large', data: tooLargeData(outcome.tooLarge) } as const;
      diagnostics.push(...visit(LOAD_RULES, 'unreadable', file, undefined, { reason }));
      return undefined;
    }
    if ('tooLargeWhole' in outcome) {
      const data = { ...tooLargeData(outcome.tooLargeWhole), line: String(outcome.line) };
      const reason = { kind: 'too-large-whole', data } as const;
      diagnostics.push(...visit(LOAD_RULES, 'unreadable', file, undefined, { reason }));
      return undefined;
    }
    const { parsed, items, cut } = outcome;
    loaded.get(file)!.parsed = parsed;
    if (parsed.syntaxProblems.length) {
      diagnostics.push(...visit(LOAD_RULES, 'yaml', file, parsed, { parsed }));
      return undefined;
    }
    const kind = kindOf(parsed);
    if (kind === 'other') return undefined; // not content (an answers file kept nearby, say)
    if (kind === 'unknown-kind') {
      diagnostics.push(...visit(LOAD_RULES, 'document', file, parsed, { parsed, kind: 'unknown', errors: [] }));
      return undefined;
    }
    loaded.get(file)!.kind = kind;
    const { errors, brokenQuestions } = validateWithScope(parsed, kind);
    if (errors.length) {
      diagnostics.push(...visit(LOAD_RULES, 'document', file, parsed, { parsed, kind, errors }));
      return kind === 'bank' && brokenQuestions ? { parsed, kind, brokenQuestions } : undefined;
    }
    // A bank cut into questions is remembered by them alone: rebuilding it from them when its
    // guideline changed parses only the few lines around the list, and one entry less is written.
    if (items && kind === 'bank') cache?.rememberItems(file, items);
    else if (stat) cache?.remember(file, stat, kind, parsed.value);
    return { parsed, kind, cut: kind === 'bank' ? cut : undefined };
  };

  for (const file of files) {
    try {
      if (cache && !sources?.has(file)) {
        const stat = fs.statSync(file);
        stats.set(file, stat);
        loaded.get(file)!.stamp = stampOf(stat);
      }
    } catch {
      // readOne reports why the file cannot be read.
    }
    const stat = stats.get(file);
    // A bank resolved before (without a problem) needs neither its value nor resolving again,
    // as long as its guideline file is the one it was resolved against (checked below).
    const resolved = stat && cache?.lookup(file, stat, 'resolved');
    if (resolved && isResolvedEntry(resolved.value, file)) {
      // Its value (some lint rules read what the author wrote) from its remembered questions.
      const parsed: ParsedFile = rememberedFile(file, () => valueFromItems(file, parsed.source, cache));
      Object.assign(loaded.get(file)!, { parsed, kind: 'bank' });
      remembered.push({ file, value: resolved.value, bytes: resolved.bytes });
      continue;
    }
    // Changed since it was remembered, with all but its questions as it was: still the same bank.
    const previous = stat && cache?.previous(file, 'resolved');
    const index =
      previous && isResolvedEntry(previous.value, file) ? entryIndex(previous.value, previous.bytes) : undefined;
    if (previous && index?.edit) {
      const { bank, guidelineFile, guidelineStamp } = previous.value as ResolvedEntry;
      const before = { bank, guidelineFile, guidelineStamp, ...index, edit: index.edit, bytes: previous.bytes };
      const like = cutLikeBefore(file, before);
      if (like) {
        edited.set(file, { before, ...like });
        loaded.get(file)!.kind = 'bank';
        continue;
      }
    }
    const one = readOne(file);
    if (one) read.push(one);
  }
  cache?.save();

  const guidelines = new Map<string, Guideline>();
  for (const { parsed } of read.filter((r) => r.kind === 'guideline')) {
    const guideline = resolveGuideline(parsed);
    loaded.get(parsed.file)!.guideline = guideline;
    const sameIdIn = guidelines.get(guideline.id)?.file;
    const node = { parsed, raw: parsed.value as GuidelineFile, guideline, sameIdIn };
    diagnostics.push(...visit(LOAD_RULES, 'guideline', parsed.file, parsed, node));
    if (!sameIdIn) guidelines.set(guideline.id, guideline);
  }

  const banks = new Map<string, ResolvedBank>();
  const stampNow = (file: string) => {
    try {
      return stampOf(fs.statSync(file));
    } catch {
      return undefined;
    }
  };
  // Banks in the order their files were found, whether remembered as resolved or read now.
  const rememberedAt = new Map(remembered.map((r) => [r.file, r]));
  const readAt = new Map(read.filter((r) => r.kind === 'bank').map((r) => [r.parsed.file, r]));
  for (const file of files) {
    let bank: Bank;
    let guideline: Guideline | undefined;
    let brokenQuestions: Set<number> | undefined;
    let parsed: ParsedFile;
    let refs: MediaRef[];
    let media: MediaOnDisk[];
    const { value: kept, bytes: keptBytes } = rememberedAt.get(file) ?? {};
    const keptGuideline = kept && guidelines.get(kept.bank.guidelineId);
    const edit = edited.get(file);
    const editGuideline = edit && guidelines.get(edit.before.bank.guidelineId);
    const sameGuideline = (resolvedWith: GuidelineOf, now: Guideline | undefined) =>
      now?.file === resolvedWith.guidelineFile && stampNow(resolvedWith.guidelineFile) === resolvedWith.guidelineStamp;
    const asEdit =
      edit && editGuideline && sameGuideline(edit.before, editGuideline)
        ? readEdit(file, edit, edit.before, guidelines)
        : undefined;
    if (kept && sameGuideline(kept, keptGuideline)) {
      const entry = kept;
      const bytes = keptBytes!;
      bank = withQuestionsWhenUsed(kept.bank, () => {
        const index = entryIndex(entry, bytes);
        // Written whole and checked by its checksum: a bad index is damage found once in use.
        if (!index) throw new CacheDamagedError(cache!.forget(file, 'resolved'), file);
        return new PackedQuestionList(index.questions, bytes);
      });
      guideline = keptGuideline;
      parsed = loaded.get(file)!.parsed!;
      refs = kept.media;
      media = mediaOnDisk(file, refs);
    } else if (edit && asEdit) {
      bank = asEdit.bank;
      refs = asEdit.packed.media;
      guideline = editGuideline;
      parsed = rememberedFile(file, () => valueFromItems(file, edit.source, cache), edit.source);
      loaded.get(file)!.parsed = parsed;
      media = mediaOnDisk(file, refs);
      const stat = stats.get(file);
      if (cache && stat && !media.length) {
        const { bank: head, guidelineFile, guidelineStamp } = edit.before;
        const entry = resolvedEntry(head, asEdit.packed, { file: guidelineFile, stamp: guidelineStamp }, asEdit.edit);
        cache.remember(file, stat, 'bank', entry, 'resolved', asEdit.bytes);
      }
    } else {
      // Not remembered, or its guideline changed: read the file and resolve it now.
      const one = kept || edit ? readOne(file) : readAt.get(file);
      if (!one || one.kind !== 'bank') continue;
      ({ parsed, brokenQuestions } = one);
      const resolved = resolveBank(parsed, guidelines, brokenQuestions);
      ({ bank, guideline } = resolved);
      const node = { ...resolved, parsed, guidelineIds: [...guidelines.keys()] };
      const problems = visit(LOAD_RULES, 'bank', file, parsed, node);
      diagnostics.push(...problems);
      refs = mediaRefs(bank.questions);
      media = mediaOnDisk(file, refs);
      const stat = stats.get(file);
      const guidelineStamp = guideline && stampNow(guideline.file);
      if (cache && stat && guideline && guidelineStamp && !brokenQuestions && !problems.length && !media.length) {
        const { packed, bytes } = packQuestions(bank.questions);
        // The questions' texts too, so a changed version of the file can be read as an edit.
        const source = parsed.source;
        const texts = one.cut && editIndexOf(one.cut, bytes.length, { bytes: Buffer.from(source, 'utf8'), source });
        const entry = resolvedEntry(
          withoutQuestions(bank),
          packed,
          { file: guideline.file, stamp: guidelineStamp },
          texts?.index,
        );
        cache.remember(file, stat, 'bank', entry, 'resolved', texts ? [bytes, texts.texts] : bytes);
      }
    }
    Object.assign(loaded.get(file)!, {
      bank,
      bankGuideline: guideline,
      mediaFiles: [...new Set(refs.map((r) => r.resolvedPath))],
    });
    // A bank with a broken question is never used, so its id does not count as taken.
    const sameIdIn = brokenQuestions ? undefined : banks.get(bank.id)?.bank.file;
    diagnostics.push(...visit(LOAD_RULES, 'loadedBank', file, parsed, { bank, media, sameIdIn }));
    if (brokenQuestions) {
      loaded.get(file)!.brokenQuestions = brokenQuestions.size;
      continue;
    }
    if (guideline && !sameIdIn) banks.set(bank.id, { bank, guideline });
  }

  return { guidelines, banks, diagnostics, files: [...loaded.values()], cache };
}
