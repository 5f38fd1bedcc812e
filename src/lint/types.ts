import type { Diagnostic } from '../content/diagnostic.js';
import type { ContentSet, LoadedFile } from '../content/load.js';
import type { PooledAttempt } from '../stats/item-stats.js';

export type Severity = Diagnostic['severity'];

/** What a rule is, for the registry, `--format json` and docs/rules/<id>.md. */
export interface RuleMeta {
  /** Stable id, used in output, in disable comments and as the doc page's name. */
  id: string;
  /** The severity of the rule's problems (a few rules report both; see their docs). */
  severity: Severity;
  /** One line for the docs index. */
  description: string;
  /**
   * True when the check lives in the content loader (src/content), so every command refuses the
   * same problems that lint reports; the rule then passes the loader's diagnostics through.
   */
  fromLoader?: boolean;
}

/** Everything a rule may look at. Rules are pure: no files, no terminal, no clock. */
export interface LintContext {
  /** Everything loaded: the linted files plus the search path, so references resolve. */
  content: ContentSet;
  /** The files being linted; problems are reported for these only. */
  targets: readonly LoadedFile[];
  /** Whether the loader already found an error in this file (later checks would only cascade). */
  hasLoaderErrors(file: string): boolean;
  /** With `lint --stats <db>`: the finished attempts in that database, by bank id. */
  pooledAttempts?: ReadonlyMap<string, readonly PooledAttempt[]>;
}

export interface LintRule {
  meta: RuleMeta;
  /** Every user-facing text of the rule. */
  messages: Record<string, string | ((...args: never[]) => string)>;
  check(context: LintContext): Diagnostic[];
}

/** How many sections of a guideline the linted banks test. */
export interface CoverageSummary {
  file: string;
  guidelineId: string;
  tested: number;
  total: number;
}

export interface LintResult {
  /** Every problem in the linted files, sorted by file, line and column. */
  problems: Diagnostic[];
  /** The linted files, in order, so formatters can list clean ones too. */
  files: string[];
  coverage: CoverageSummary[];
  errorCount: number;
  warningCount: number;
}
