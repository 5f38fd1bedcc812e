import fs from 'node:fs';
import path from 'node:path';
import { stampOf, type ContentCache } from '../content/cache.js';
import type { Diagnostic } from '../content/diagnostic.js';
import { findContentFiles } from '../content/discover.js';
import { mediaSeen, type ContentIndexStore, type IndexRecord } from '../content/index.js';
import type { ContentSet } from '../content/loaded.js';
import type { loadContent } from './load.js';

/**
 * The loader (library/load.ts), passed in rather than imported: `list` answers from the index
 * alone, and loading the loader's modules (its rules, the schema validators) cost it more than
 * reading the index.
 */
export type LoadContent = typeof loadContent;

/**
 * The content on the search path as the index knows it, and a way to load only some of it.
 * Every file that had a problem (or changed, or is new) has been read again, so `errors` holds
 * every error of every file, with its position, just as loading everything would.
 */
export interface ContentSelection {
  /** Every bank, in the order the files were found (the first of two with one id wins). */
  banks: IndexRecord[];
  bank(id: string): IndexRecord | undefined;
  /** The bank recorded for a file (undefined when the file is not a bank). */
  byFile(file: string): IndexRecord | undefined;
  /** Errors found in any content file; a command stops on them. */
  errors: Diagnostic[];
  /** Reads, validates and resolves only these banks (unknown ids are left out) and their guidelines. */
  load(bankIds: Iterable<string>): ContentSet;
  /** Every bank and every guideline. */
  loadAll(): ContentSet;
  /** Where what was read and worked out is remembered between runs (none: nothing is). */
  cache: ContentCache | undefined;
}

/** Per file: the stamp now, or undefined when it cannot be read (loading reports why). */
function stamps(files: readonly string[]): Map<string, string | undefined> {
  return new Map(
    files.map((file) => {
      try {
        return [file, stampOf(fs.statSync(file))];
      } catch {
        return [file, undefined];
      }
    }),
  );
}

/** The index records of what a load read without an error. */
function recordsOf(content: ContentSet, stampNow: ReadonlyMap<string, string | undefined>): Map<string, IndexRecord> {
  const failed = new Set(content.diagnostics.filter((d) => d.severity === 'error').map((d) => d.file));
  const records = new Map<string, IndexRecord>();
  for (const loaded of content.files) {
    const stamp = stampNow.get(loaded.file);
    if (failed.has(loaded.file) || stamp === undefined || !loaded.parsed || loaded.brokenQuestions) continue;
    const common = { file: loaded.file, stamp, questions: 0, media: [] };
    if (loaded.kind === undefined) records.set(loaded.file, { ...common, kind: 'other', id: '', title: '' });
    else if (loaded.guideline)
      records.set(loaded.file, {
        ...common,
        kind: 'guideline',
        id: loaded.guideline.id,
        title: loaded.guideline.title,
      });
    else if (loaded.bank && loaded.bankGuideline) {
      const guidelineStamp = stampNow.get(loaded.bankGuideline.file);
      if (guidelineStamp === undefined) continue;
      records.set(loaded.file, {
        ...common,
        kind: 'bank',
        id: loaded.bank.id,
        title: loaded.bank.title,
        guideline: { id: loaded.bankGuideline.id, file: loaded.bankGuideline.file, stamp: guidelineStamp },
        questions: loaded.bank.questions.length,
        media: (loaded.mediaFiles ?? []).map((f) => [f, mediaSeen(f)]),
      });
    }
  }
  return records;
}

/** Files (bank or guideline) whose id another file, found earlier, already uses. */
function duplicates(records: Iterable<IndexRecord>): string[][] {
  const byId = new Map<string, string[]>();
  for (const r of records) {
    if (r.kind === 'other') continue;
    const key = `${r.kind}\u0000${r.id}`;
    byId.set(key, [...(byId.get(key) ?? []), r.file]);
  }
  return [...byId.values()].filter((files) => files.length > 1);
}

/** What the index knows of the content on the search path, before anything is read. */
export interface SelectionPlan {
  files: string[];
  stampNow: Map<string, string | undefined>;
  known: Map<string, IndexRecord>;
  /** The files whose record is current (unchanged since, and its bank's guideline too). */
  current: Map<string, IndexRecord>;
  index: ContentIndexStore;
}

/** Finds the content files and compares each with its record in the index (stat calls only). */
export function planSelection(
  dirs: readonly string[],
  extraFiles: readonly string[],
  index: ContentIndexStore,
): SelectionPlan {
  const files = [...new Set([...findContentFiles(dirs), ...extraFiles.map((f) => path.resolve(f))])];
  const stampNow = stamps(files);
  const known = index.read();
  const current = new Map<string, IndexRecord>();
  for (const file of files) {
    const r = known.get(file);
    const stamp = stampNow.get(file);
    if (!r || stamp === undefined || r.stamp !== stamp || r.media.some(([f, seen]) => mediaSeen(f) !== seen)) continue;
    if (r.kind === 'bank' && (stampNow.get(r.guideline!.file) ?? null) !== r.guideline!.stamp) continue;
    current.set(file, r);
  }
  return { files, stampNow, known, current, index };
}

/**
 * True when the index answers for every file: none is new, changed or had a problem, and no id
 * is used twice. Then selecting reads no file, and needs no loader unless banks are loaded.
 */
export function readsNothing(plan: SelectionPlan): boolean {
  return plan.files.every((f) => plan.current.has(f)) && duplicates(plan.current.values()).length === 0;
}

/**
 * Decides which content files must be read: those the index has no current record of (new,
 * changed, or with a problem last time, since such files are never recorded), those whose
 * bank or guideline id another file also uses (so the error is reported with its position),
 * and every guideline besides (banks are resolved against them). Unchanged banks are not read
 * until a command asks for them.
 */
export function selectContent(
  dirs: readonly string[],
  extraFiles: readonly string[],
  cache: ContentCache | undefined,
  index: ContentIndexStore,
  loadContent: LoadContent,
): ContentSelection {
  return selectPlanned(planSelection(dirs, extraFiles, index), cache, loadContent);
}

/** `selectContent` for a plan already made; `loadContent` is only called when something is read. */
export function selectPlanned(
  plan: SelectionPlan,
  cache: ContentCache | undefined,
  loadContent: LoadContent,
): ContentSelection {
  const { files, stampNow, known, current, index } = plan;
  const need = new Set(files.filter((f) => !current.has(f)));
  let read: ContentSet | undefined;
  let readFiles = new Set<string>();
  let fresh = new Map<string, IndexRecord>();
  // At most two rounds: the second adds the unread files that share an id with a file just read.
  for (let round = 0; round < 3; round++) {
    const merged = files.flatMap((f) => (readFiles.has(f) ? (fresh.get(f) ?? []) : (current.get(f) ?? [])));
    for (const group of duplicates(merged)) for (const f of group) need.add(f);
    if ([...need].every((f) => readFiles.has(f))) break;
    const toRead = files.filter((f) => need.has(f) || current.get(f)?.kind === 'guideline');
    read = loadContent([], toRead, cache);
    readFiles = new Set(toRead);
    fresh = recordsOf(read, stampNow);
  }
  // Written only when a record changed: the guidelines read beside a changed bank keep theirs.
  const sameRecord = (a: IndexRecord | undefined, b: IndexRecord | undefined) =>
    JSON.stringify(a) === JSON.stringify(b);
  if (read && [...readFiles].some((f) => !sameRecord(fresh.get(f), known.get(f)))) {
    const kept = [...known.values()].filter((r) => !stampNow.has(r.file) && fs.existsSync(r.file));
    index.write([...kept, ...files.flatMap((f) => (readFiles.has(f) ? (fresh.get(f) ?? []) : (current.get(f) ?? [])))]);
  }

  const recordOf = (f: string) => (readFiles.has(f) ? fresh.get(f) : current.get(f));
  const errors = read ? read.diagnostics.filter((d) => d.severity === 'error') : [];
  const banks: IndexRecord[] = [];
  const seen = new Set<string>();
  for (const f of files) {
    const r = recordOf(f);
    if (r?.kind !== 'bank' || seen.has(r.id)) continue;
    seen.add(r.id);
    banks.push(r);
  }
  const byId = new Map(banks.map((b) => [b.id, b]));

  const load = (records: readonly IndexRecord[], allGuidelines = false): ContentSet => {
    const wanted = new Set(records.flatMap((r) => [r.file, r.guideline!.file]));
    if (allGuidelines) for (const f of files) if (recordOf(f)?.kind === 'guideline') wanted.add(f);
    const ids = new Set(records.map((r) => r.id));
    if (read && [...wanted].every((f) => readFiles.has(f))) {
      const banksRead = new Map([...read.banks].filter(([id]) => ids.has(id)));
      const guidelineIds = new Set(
        read.files.flatMap((f) => (wanted.has(f.file) && f.guideline ? [f.guideline.id] : [])),
      );
      return {
        ...read,
        banks: banksRead,
        guidelines: new Map([...read.guidelines].filter(([id]) => guidelineIds.has(id))),
        files: read.files.filter((f) => wanted.has(f.file)),
      };
    }
    // In the order found, so the result is what loading everything would give for these banks.
    return loadContent(
      [],
      files.filter((f) => wanted.has(f)),
      cache,
    );
  };

  return {
    banks,
    bank: (id) => byId.get(id),
    errors,
    load: (bankIds) => load([...new Set(bankIds)].flatMap((id) => byId.get(id) ?? [])),
    byFile: (file) => {
      const r = recordOf(path.resolve(file));
      return r?.kind === 'bank' ? r : undefined;
    },
    loadAll: () => load(banks, true),
    cache,
  };
}
