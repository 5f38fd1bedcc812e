import { FileTooLargeError, readContentFile } from './read.js';
import fs from 'node:fs';
import path from 'node:path';
import { stampOf, type ContentCache } from './cache.js';
import type { Diagnostic } from './diagnostic.js';
import { findContentFiles } from './discover.js';
import { parseYaml, positionOf, type ParsedFile } from './parse.js';
import { resolveBank, resolveGuideline } from './resolve.js';
import type { Bank, Guideline, ResolvedBank } from './types.js';
import { validateWithScope, type ContentKind } from './validate.js';

export interface ContentSet {
  guidelines: Map<string, Guideline>;
  banks: Map<string, ResolvedBank>;
  diagnostics: Diagnostic[];
  /** What became of every file read, in order (for `qualify lint`, which looks at each file). */
  files: LoadedFile[];
}

/**
 * One file as the loader saw it. `parsed` is absent when the file could not be read; `kind` when
 * it did not parse or is not content; `guideline`/`bank` only when it passed the schema.
 */
export interface LoadedFile {
  file: string;
  parsed?: ParsedFile;
  kind?: ContentKind;
  guideline?: Guideline;
  bank?: Bank;
  /** The guideline a bank refers to, when it was found. */
  bankGuideline?: Guideline;
  /**
   * Questions of a bank left out because they failed the schema. The rest of such a bank is still
   * resolved, so lint reports every problem in one run, but no command can use the bank.
   */
  brokenQuestions?: number;
}

interface ReadFile {
  parsed: ParsedFile;
  kind: ContentKind;
  /** Set for a bank whose only schema problems are inside these questions. */
  brokenQuestions?: Set<number>;
}

function kindOf(parsed: ParsedFile): ContentKind | 'other' | 'unknown-kind' {
  const value = parsed.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'other';
  const kind = (value as { kind?: unknown }).kind;
  if (kind === 'bank' || kind === 'guideline') return kind;
  return kind === undefined ? 'other' : 'unknown-kind';
}

/** Media must exist and, once symbolic links are followed, still sit inside the bank's folder. */
function checkMediaOnDisk(bank: Bank, parsed: ParsedFile): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const folder = fs.realpathSync(path.dirname(bank.file));
  bank.questions.forEach((question, q) => {
    question.media.forEach((media) => {
      // Positions are looked up only for a problem: a remembered file is then parsed after all.
      const where = () => positionOf(parsed, ['questions', q, 'media', media.index, 'path']);
      let real: string;
      try {
        real = fs.realpathSync(media.resolvedPath);
      } catch {
        diagnostics.push({
          file: bank.file,
          ...where(),
          severity: 'warning',
          ruleId: 'media-path',
          message: `question "${question.id}": media file "${media.path}" does not exist`,
        });
        return;
      }
      const relative = path.relative(folder, real);
      if (relative.startsWith('..') || path.isAbsolute(relative)) {
        diagnostics.push({
          file: bank.file,
          ...where(),
          severity: 'error',
          ruleId: 'media-path',
          message: `question "${question.id}": media file "${media.path}" links outside the bank's folder`,
        });
      }
    });
  });
  return diagnostics;
}

/**
 * A file remembered by the cache: its value when asked for (from the cache, or parsed when the
 * cache kept only the resolved bank), its source positions only if a later check needs one
 * (then the file is parsed after all).
 */
function rememberedFile(file: string, value?: () => unknown): ParsedFile {
  let full: ParsedFile | undefined;
  const parse = () => (full ??= parseYaml(file, readContentFile(file)));
  let kept: { value: unknown } | undefined;
  return {
    file,
    get value() {
      kept ??= { value: value ? value() : parse().value };
      return kept.value;
    },
    diagnostics: [],
    get doc() {
      return parse().doc;
    },
    get lineCounter() {
      return parse().lineCounter;
    },
    get source() {
      return parse().source;
    },
  };
}

/** A bank as resolved against its guideline, remembered with that guideline's file and stamp. */
interface ResolvedEntry {
  bank: Bank;
  guidelineFile: string;
  guidelineStamp: string;
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
    Array.isArray(v.bank.questions)
  );
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
  const remembered: { file: string; value: ResolvedEntry }[] = [];

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
      source = sources?.get(file) ?? readContentFile(file);
    } catch (error) {
      const why =
        error instanceof FileTooLargeError
          ? error.message
          : `cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
      diagnostics.push({ file, line: 1, column: 1, severity: 'error', ruleId: 'file', message: why });
      return undefined;
    }
    const parsed = parseYaml(file, source);
    loaded.get(file)!.parsed = parsed;
    if (parsed.diagnostics.length) {
      diagnostics.push(...parsed.diagnostics);
      return undefined;
    }
    const kind = kindOf(parsed);
    if (kind === 'other') return undefined; // not content (an answers file kept nearby, say)
    if (kind === 'unknown-kind') {
      const { line, column } = positionOf(parsed, ['kind']);
      diagnostics.push({
        file,
        line,
        column,
        severity: 'error',
        ruleId: 'schema',
        message: 'kind: must be "bank" or "guideline"',
      });
      return undefined;
    }
    loaded.get(file)!.kind = kind;
    const { diagnostics: schemaProblems, brokenQuestions } = validateWithScope(parsed, kind);
    if (schemaProblems.length) {
      diagnostics.push(...schemaProblems);
      return kind === 'bank' && brokenQuestions ? { parsed, kind, brokenQuestions } : undefined;
    }
    if (stat) cache?.remember(file, stat, kind, parsed.value);
    return { parsed, kind };
  };

  for (const file of files) {
    try {
      if (cache && !sources?.has(file)) stats.set(file, fs.statSync(file));
    } catch {
      // readOne reports why the file cannot be read.
    }
    const stat = stats.get(file);
    // A bank resolved before (without a problem) needs neither its value nor resolving again,
    // as long as its guideline file is the one it was resolved against (checked below).
    const resolved = stat && cache?.lookup(file, stat, 'resolved');
    if (resolved && isResolvedEntry(resolved.value, file)) {
      Object.assign(loaded.get(file)!, { parsed: rememberedFile(file), kind: 'bank' });
      remembered.push({ file, value: resolved.value });
      continue;
    }
    const one = readOne(file);
    if (one) read.push(one);
  }
  cache?.save();

  const guidelines = new Map<string, Guideline>();
  for (const { parsed } of read.filter((r) => r.kind === 'guideline')) {
    const { guideline, diagnostics: found } = resolveGuideline(parsed);
    diagnostics.push(...found);
    loaded.get(parsed.file)!.guideline = guideline;
    const earlier = guidelines.get(guideline.id);
    if (earlier) {
      diagnostics.push({
        file: parsed.file,
        ...positionOf(parsed, ['id']),
        severity: 'error',
        ruleId: 'unique-ids',
        message: `guideline id "${guideline.id}" is already used by ${earlier.file}`,
      });
      continue;
    }
    guidelines.set(guideline.id, guideline);
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
  const rememberedAt = new Map(remembered.map((r) => [r.file, r.value]));
  const readAt = new Map(read.filter((r) => r.kind === 'bank').map((r) => [r.parsed.file, r]));
  for (const file of files) {
    let bank: Bank;
    let guideline: Guideline | undefined;
    let brokenQuestions: Set<number> | undefined;
    let parsed: ParsedFile;
    const kept = rememberedAt.get(file);
    const keptGuideline = kept && guidelines.get(kept.bank.guidelineId);
    if (kept && keptGuideline?.file === kept.guidelineFile && stampNow(kept.guidelineFile) === kept.guidelineStamp) {
      ({ bank } = kept);
      guideline = keptGuideline;
      parsed = loaded.get(file)!.parsed!;
      diagnostics.push(...checkMediaOnDisk(bank, parsed));
    } else {
      // Not remembered, or its guideline changed: read the file and resolve it now.
      const one = kept ? readOne(file) : readAt.get(file);
      if (!one || one.kind !== 'bank') continue;
      ({ parsed, brokenQuestions } = one);
      const resolvedNow = resolveBank(parsed, guidelines, brokenQuestions);
      ({ bank, guideline } = resolvedNow);
      const mediaProblems = checkMediaOnDisk(bank, parsed);
      diagnostics.push(...resolvedNow.diagnostics, ...mediaProblems);
      const stat = stats.get(file);
      const guidelineStamp = guideline && stampNow(guideline.file);
      if (
        cache &&
        stat &&
        guideline &&
        guidelineStamp &&
        !brokenQuestions &&
        resolvedNow.diagnostics.length === 0 &&
        mediaProblems.length === 0
      ) {
        const entry: ResolvedEntry = { bank, guidelineFile: guideline.file, guidelineStamp };
        cache.remember(file, stat, 'bank', entry, 'resolved');
      }
    }
    Object.assign(loaded.get(file)!, { bank, bankGuideline: guideline });
    if (brokenQuestions) {
      loaded.get(file)!.brokenQuestions = brokenQuestions.size;
      continue;
    }
    const earlier = banks.get(bank.id);
    if (earlier) {
      diagnostics.push({
        file,
        ...positionOf(parsed, ['id']),
        severity: 'error',
        ruleId: 'unique-ids',
        message: `bank id "${bank.id}" is already used by ${earlier.bank.file}`,
      });
      continue;
    }
    if (guideline) banks.set(bank.id, { bank, guideline });
  }

  return { guidelines, banks, diagnostics, files: [...loaded.values()] };
}
