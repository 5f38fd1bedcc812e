import type { ContentCache } from './cache.js';
import type { Diagnostic } from './diagnostic.js';
import type { ParsedFile } from './parse.js';
import type { Bank, Guideline, ResolvedBank } from './types.js';

/** A content file's kind, from its `kind` field. */
export type ContentKind = 'bank' | 'guideline';

/** Everything one load found: the usable content, every problem, and what became of each file. */
export interface ContentSet {
  guidelines: Map<string, Guideline>;
  banks: Map<string, ResolvedBank>;
  diagnostics: Diagnostic[];
  /** What became of every file read, in order (for `qualify lint`, which looks at each file). */
  files: LoadedFile[];
  /** The cache the content was read through, which also keeps what is worked out from it (scores, lint findings). */
  cache?: ContentCache;
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
  /** The media files the bank's questions name, resolved (known without building a remembered question). */
  mediaFiles?: string[];
  /**
   * Questions of a bank left out because they failed the schema. The rest of such a bank is still
   * resolved, so lint reports every problem in one run, but no command can use the bank.
   */
  brokenQuestions?: number;
  /** With a cache: the file's stamp (see cache.ts) when it was read, which what is remembered of it is keyed by. */
  stamp?: string;
}
