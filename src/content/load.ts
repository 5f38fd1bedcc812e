import { FileTooLargeError, readContentFile } from './read.js';
import fs from 'node:fs';
import path from 'node:path';
import type { ContentCache } from './cache.js';
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
        diagnostics.push({ file: bank.file, ...where(), severity: 'warning', ruleId: 'media-path', message: `question "${question.id}": media file "${media.path}" does not exist` });
        return;
      }
      const relative = path.relative(folder, real);
      if (relative.startsWith('..') || path.isAbsolute(relative)) {
        diagnostics.push({ file: bank.file, ...where(), severity: 'error', ruleId: 'media-path', message: `question "${question.id}": media file "${media.path}" links outside the bank's folder` });
      }
    });
  });
  return diagnostics;
}

/**
 * A file remembered by the cache: its value now, its source positions only if a later check
 * needs one (then the file is parsed after all).
 */
function rememberedFile(file: string, value: unknown): ParsedFile {
  let full: ParsedFile | undefined;
  const parse = () => (full ??= parseYaml(file, readContentFile(file)));
  return {
    file,
    value,
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

  for (const file of files) {
    let source: string;
    let stat: fs.Stats | undefined;
    try {
      stat = cache && !sources?.has(file) ? fs.statSync(file) : undefined;
      const remembered = stat && cache?.lookup(file, stat);
      if (remembered) {
        const parsed = rememberedFile(file, remembered.value);
        Object.assign(loaded.get(file)!, { parsed, kind: remembered.kind });
        read.push({ parsed, kind: remembered.kind });
        continue;
      }
      source = sources?.get(file) ?? readContentFile(file);
    } catch (error) {
      const why = error instanceof FileTooLargeError ? error.message : `cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
      diagnostics.push({ file, line: 1, column: 1, severity: 'error', ruleId: 'file', message: why });
      continue;
    }
    const parsed = parseYaml(file, source);
    loaded.get(file)!.parsed = parsed;
    if (parsed.diagnostics.length) {
      diagnostics.push(...parsed.diagnostics);
      continue;
    }
    const kind = kindOf(parsed);
    if (kind === 'other') continue; // not content (an answers file kept nearby, say)
    if (kind === 'unknown-kind') {
      const { line, column } = positionOf(parsed, ['kind']);
      diagnostics.push({ file, line, column, severity: 'error', ruleId: 'schema', message: 'kind: must be "bank" or "guideline"' });
      continue;
    }
    loaded.get(file)!.kind = kind;
    const { diagnostics: schemaProblems, brokenQuestions } = validateWithScope(parsed, kind);
    if (schemaProblems.length) {
      diagnostics.push(...schemaProblems);
      if (kind === 'bank' && brokenQuestions) read.push({ parsed, kind, brokenQuestions });
      continue;
    }
    read.push({ parsed, kind });
    if (stat) cache?.remember(file, stat, kind, parsed.value);
  }
  cache?.save();

  const guidelines = new Map<string, Guideline>();
  for (const { parsed } of read.filter((r) => r.kind === 'guideline')) {
    const { guideline, diagnostics: found } = resolveGuideline(parsed);
    diagnostics.push(...found);
    loaded.get(parsed.file)!.guideline = guideline;
    const earlier = guidelines.get(guideline.id);
    if (earlier) {
      diagnostics.push({ file: parsed.file, ...positionOf(parsed, ['id']), severity: 'error', ruleId: 'unique-ids', message: `guideline id "${guideline.id}" is already used by ${earlier.file}` });
      continue;
    }
    guidelines.set(guideline.id, guideline);
  }

  const banks = new Map<string, ResolvedBank>();
  for (const { parsed, brokenQuestions } of read.filter((r) => r.kind === 'bank')) {
    const { bank, guideline, diagnostics: found } = resolveBank(parsed, guidelines, brokenQuestions);
    diagnostics.push(...found, ...checkMediaOnDisk(bank, parsed));
    Object.assign(loaded.get(parsed.file)!, { bank, bankGuideline: guideline });
    if (brokenQuestions) {
      loaded.get(parsed.file)!.brokenQuestions = brokenQuestions.size;
      continue;
    }
    const earlier = banks.get(bank.id);
    if (earlier) {
      diagnostics.push({ file: parsed.file, ...positionOf(parsed, ['id']), severity: 'error', ruleId: 'unique-ids', message: `bank id "${bank.id}" is already used by ${earlier.bank.file}` });
      continue;
    }
    if (guideline) banks.set(bank.id, { bank, guideline });
  }

  return { guidelines, banks, diagnostics, files: [...loaded.values()] };
}
