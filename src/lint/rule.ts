/**
 * The shape of a lint rule, after ESLint's: one module per rule, `{meta, create}`. `meta` says what
 * the rule is and holds every text it shows (`messages`, by id, with `{{placeholders}}`); `create`
 * gets a context whose `report` is bound to the rule and the file, and returns visitors, called for
 * the parts of the content the rule looks at.
 *
 * Rules are pure: no files, no terminal, no clock. The loader that runs the load-phase rules on every
 * read is above both content and lint, in library/load.ts.
 */
import type { ErrorObject } from 'ajv';
import type { Diagnostic } from '../content/diagnostic.js';
import type { LoadedFile } from '../content/loaded.js';
import type { ParsedFile, PathSegment } from '../content/parse.js';
import type { BankFile, BankFileQuestion, GuidelineFile } from '../content/schema/types.generated.js';
import type { Bank, Guideline, Question } from '../content/types.js';
import type { PooledAttempt } from '../stats/item-stats.js';
import type { DisableDirective } from './directives.js';

/** Every rule id. A report, a registry entry or a test naming another id does not compile. */
export type RuleId =
  | 'file'
  | 'yaml-syntax'
  | 'schema'
  | 'unique-ids'
  | 'unknown-guideline'
  | 'unknown-section'
  | 'unknown-rule'
  | 'unknown-scale'
  | 'answer-shape'
  | 'key-scores-full'
  | 'rubric-points'
  | 'rubric-regex'
  | 'draw-count'
  | 'duration'
  | 'media-path'
  | 'near-duplicate'
  | 'answer-giveaway'
  | 'true-false-balance'
  | 'longest-option-key'
  | 'short-distractor'
  | 'restates-example'
  | 'unreachable-answer'
  | 'section-coverage'
  | 'item-stats'
  | 'unused-disable-directive';

export type Severity = Diagnostic['severity'];

/** The `{{name}}` placeholders of a message template. */
export type Placeholders<T extends string> = T extends `${string}{{${infer Name}}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;

export type Messages = Readonly<Record<string, string>>;

type Joined<T extends readonly string[]> = T extends readonly [
  infer Head extends string,
  ...infer Rest extends string[],
]
  ? `${Head}${Joined<Rest>}`
  : '';

/**
 * A long message written in parts (to keep lines short) that stays one literal type, so `report`
 * still checks its placeholders: `text('the exam draws {{draw}} ', 'questions')`.
 */
export function text<const T extends readonly string[]>(...parts: T): Joined<T> {
  return parts.join('') as Joined<T>;
}

export interface RuleMeta<M extends Messages> {
  /** Stable id, used in output, in disable comments and as the doc page's name (docs/rules/<id>.md). */
  id: RuleId;
  /** The severity of the rule's problems unless a report says otherwise (a few rules report both). */
  severity: Severity;
  /** One line for the docs index. */
  description: string;
  /**
   * `load`: checked whenever content loads, so every command refuses the same problems lint shows.
   * `lint`: only `qualify lint` checks it.
   */
  phase: 'load' | 'lint';
  /**
   * The rule's `lintBank` reads more than the bank file and its guideline (the pooled attempts
   * of `--stats`), so what it finds is never remembered between runs (see `BankLintMemo`).
   */
  readsAttempts?: boolean;
  /** Every user-facing text of the rule, by message id. */
  messages: M;
}

/** Where a problem is: a node of the YAML file (by path), or a place in its text. */
export type Location =
  | {
      path: readonly PathSegment[];
      /** `key`: point at the mapping key rather than its value (an unknown field, say). */
      at?: 'value' | 'key';
      /**
       * Prefix the message with where that is in words (`question "q1" › options[1]: ...`): true (the
       * default) names `path`, a path names that one instead, false leaves the message bare.
       */
      describe?: boolean | readonly PathSegment[];
    }
  | { line: number; column: number };

export type Problem<M extends Messages, K extends keyof M & string> = Location & {
  messageId: K;
  severity?: Severity;
} & (string extends M[K]
    ? { data?: Readonly<Record<string, string | number>> }
    : [Placeholders<M[K]>] extends [never]
      ? { data?: undefined }
      : { data: Record<Placeholders<M[K]>, string | number> });

export interface RuleContext<M extends Messages> {
  /** The file the visitors are called for. */
  readonly file: string;
  /** Reports a problem with this rule's id, at a place of this file. */
  report<K extends keyof M & string>(problem: Problem<M, K>): void;
}

/** A file that could not be read. */
export interface UnreadableNode {
  reason:
    | { kind: 'too-large'; data: { size: string; limit: string } }
    | { kind: 'too-large-whole'; data: { size: string; limit: string; line: string } }
    | { kind: 'error'; code: string };
}

/** A YAML file as parsed, with what the parser found wrong (see content/parse.ts). */
export interface YamlNode {
  parsed: ParsedFile;
}

/** A YAML file that says it is content (or has a `kind` that is not), checked against its schema. */
export interface DocumentNode {
  parsed: ParsedFile;
  /** `unknown`: a `kind` that is neither bank nor guideline. */
  kind: 'bank' | 'guideline' | 'unknown';
  /** What the schema validator found, noise dropped (see content/validate.ts). */
  errors: readonly ErrorObject[];
}

export interface GuidelineNode {
  parsed: ParsedFile;
  raw: GuidelineFile;
  guideline: Guideline;
  /** The file of an earlier guideline with the same id, if one was loaded. */
  sameIdIn?: string;
}

/** A question of a bank as written and as resolved, at its index in the file. */
export interface QuestionPair {
  raw: BankFileQuestion;
  question: Question;
  /** Its index in the file's `questions` (questions that failed the schema are left out). */
  index: number;
}

/** A media file the loader found missing, or leading out of the bank's folder once links are followed. */
export interface MediaOnDisk {
  /** The question's index in the file, and its id. */
  question: number;
  questionId: string;
  /** The entry's index in the question's `media`, and its path as written. */
  media: number;
  path: string;
  state: 'missing' | 'links-outside';
}

export interface BankNode {
  parsed: ParsedFile;
  raw: BankFile;
  bank: Bank;
  questions: readonly QuestionPair[];
  /** Its guideline, when found. */
  guideline?: Guideline;
  /** The ids of every guideline loaded. */
  guidelineIds: readonly string[];
}

/**
 * What is checked again on every load, also for a bank the cache remembers as resolved (so its
 * file is not even parsed unless a problem needs a position): the disk and the other files.
 */
export interface LoadedBankNode {
  bank: Bank;
  /** Its media files found missing, or leading out of its folder once links are followed. */
  media: readonly MediaOnDisk[];
  /** The file of an earlier bank with the same id, if one was loaded. */
  sameIdIn?: string;
}

/** What lint looks at for one linted bank (every load-phase problem is already known). */
export interface LintBankNode {
  loaded: LoadedFile & { bank: Bank };
  bank: Bank;
  guideline?: Guideline;
  /**
   * True when the bank resolved without a loader error: checks that read a bank's meaning
   * (scoring its key, comparing questions) would otherwise only repeat a broken reference.
   */
  sound: boolean;
}

export interface LintGuidelineNode {
  loaded: LoadedFile & { guideline: Guideline };
  guideline: Guideline;
  /** Every loaded bank of this guideline (linted or only on the search path). */
  banks: readonly Bank[];
  sound: boolean;
}

/** How many sections of a guideline the linted banks test (the `12/14 sections tested` line). */
export interface CoverageSummary {
  file: string;
  guidelineId: string;
  tested: number;
  total: number;
}

/** What a lint-phase rule may know besides the file: the stats of `lint --stats <db>`. */
export interface LintEnvironment {
  /** With `lint --stats <db>`: the finished attempts in that database, by bank id. */
  pooledAttempts?: ReadonlyMap<string, readonly PooledAttempt[]>;
  /** Every rule id, for rules that read rule ids written by authors. */
  ruleIds: ReadonlySet<string>;
  /** Records a coverage summary for the formatters. */
  coverage(summary: CoverageSummary): void;
}

/** The visitors a rule may return. The loader calls the first six, lint the rest. */
export interface Visitors {
  unreadable?(node: UnreadableNode): void;
  yaml?(node: YamlNode): void;
  document?(node: DocumentNode): void;
  guideline?(node: GuidelineNode): void;
  bank?(node: BankNode): void;
  loadedBank?(node: LoadedBankNode): void;
  lintBank?(node: LintBankNode): void;
  lintGuideline?(node: LintGuidelineNode): void;
  /** After every other rule ran and disable comments were applied: the comments of this file. */
  directives?(directives: readonly DisableDirective[]): void;
}

export interface LintRule<M extends Messages = Messages> {
  meta: RuleMeta<M>;
  create(context: RuleContext<M> & LintEnvironment): Visitors;
}

/**
 * Declares a rule. `const` keeps the message texts as literal types, so `report` checks each
 * message's placeholders against its `data`.
 */
export function defineRule<const M extends Messages>(rule: {
  meta: RuleMeta<M>;
  create(context: RuleContext<M> & LintEnvironment): Visitors;
}): LintRule<M> {
  return rule;
}
