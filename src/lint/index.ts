import type { Diagnostic } from '../content/diagnostic.js';
import type { ContentSet, LoadedFile } from '../content/loaded.js';
import type { Bank, Guideline } from '../content/types.js';
import { applyDirectives, findDirectives } from './directives.js';
import type { CoverageSummary, LintEnvironment, LintRule, RuleId } from './rule.js';
import { answerGiveaway } from './rules/answer-giveaway.js';
import { answerShape } from './rules/answer-shape.js';
import { drawCount } from './rules/draw-count.js';
import { duration } from './rules/duration.js';
import { fileRead } from './rules/file.js';
import { itemStats } from './rules/item-stats.js';
import { keyScoresFull } from './rules/key-scores-full.js';
import { longestOptionKey } from './rules/longest-option-key.js';
import { mediaPath } from './rules/media-path.js';
import { nearDuplicate } from './rules/near-duplicate.js';
import { restatesExample } from './rules/restates-example.js';
import { rubricPoints } from './rules/rubric-points.js';
import { rubricRegex } from './rules/rubric-regex.js';
import { schema } from './rules/schema.js';
import { sectionCoverage } from './rules/section-coverage.js';
import { shortDistractor } from './rules/short-distractor.js';
import { trueFalseBalance } from './rules/true-false-balance.js';
import { uniqueIds } from './rules/unique-ids.js';
import { unknownGuideline } from './rules/unknown-guideline.js';
import { unknownRule } from './rules/unknown-rule.js';
import { unknownScale } from './rules/unknown-scale.js';
import { unknownSection } from './rules/unknown-section.js';
import { unreachableAnswer } from './rules/unreachable-answer.js';
import { unusedDisableDirective } from './rules/unused-disable-directive.js';
import { yamlSyntax } from './rules/yaml-syntax.js';
import { visit } from './run.js';
import { compareText } from '../text/collation.js';

export type { CoverageSummary, LintRule, RuleId } from './rule.js';

/** Every rule, in the order its docs list them: the file first, then references, then quality. */
export const RULES: readonly LintRule[] = [
  fileRead,
  yamlSyntax,
  schema,
  uniqueIds,
  unknownGuideline,
  unknownSection,
  unknownRule,
  unknownScale,
  answerShape,
  keyScoresFull,
  rubricPoints,
  rubricRegex,
  drawCount,
  duration,
  mediaPath,
  nearDuplicate,
  answerGiveaway,
  trueFalseBalance,
  longestOptionKey,
  shortDistractor,
  restatesExample,
  unreachableAnswer,
  sectionCoverage,
  itemStats,
  unusedDisableDirective,
];

export const RULE_IDS: ReadonlySet<RuleId> = new Set(RULES.map((r) => r.meta.id));

/**
 * What the `lintBank` visitors found in a bank, kept between runs: it depends only on the bank's
 * file, its guideline's file and the rules' code, which the caller keys it by. `rules` names the
 * rules that ran, so a run with other rules never takes another's findings.
 */
export interface BankLintMemo {
  get(loaded: LoadedFile, rules: string): Diagnostic[] | undefined;
  set(loaded: LoadedFile, rules: string, found: readonly Diagnostic[]): void;
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

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return (
    compareText(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.message, b.message)
  );
}

/** Every loaded bank of a guideline (linted or only on the search path), for coverage. */
function banksOf(content: ContentSet, guideline: Guideline): Bank[] {
  return content.files.filter((f) => f.bank && f.bankGuideline === guideline).map((f) => f.bank!);
}

/**
 * Lints the target files of a loaded content set. Pure: the loader has already read every file
 * and run the load-phase rules (their problems are in `content.diagnostics`); this keeps those of
 * the given rules, calls the lint visitors of the rules on each target, applies disable comments,
 * then the post-pass visitors, and sorts. A loader diagnostic of no known rule is still reported,
 * so a problem is never lost.
 */
export function lintContent(
  content: ContentSet,
  targetFiles: readonly string[],
  rules: readonly LintRule[] = RULES,
  pooledAttempts?: LintEnvironment['pooledAttempts'],
  memo?: BankLintMemo,
): LintResult {
  const targetSet = new Set(targetFiles);
  const targets: LoadedFile[] = content.files.filter((f) => targetSet.has(f.file));
  const filesWithErrors = new Set(content.diagnostics.filter((d) => d.severity === 'error').map((d) => d.file));
  const coverage: CoverageSummary[] = [];
  const environment: LintEnvironment = { pooledAttempts, ruleIds: RULE_IDS, coverage: (c) => coverage.push(c) };
  const running = new Set<string>(rules.map((r) => r.meta.id));
  const known = RULE_IDS as ReadonlySet<string>;

  // Rules that read only the bank and its guideline are remembered; the rest run every time.
  const remembered = rules.filter((r) => !r.meta.readsAttempts);
  const freshEachRun = rules.filter((r) => r.meta.readsAttempts);
  const rememberedKey = remembered.map((r) => r.meta.id).join(',');
  const found = content.diagnostics.filter(
    (d) => targetSet.has(d.file) && (running.has(d.ruleId) || !known.has(d.ruleId)),
  );
  for (const loaded of targets) {
    const { file, parsed, bank, guideline } = loaded;
    const sound = !filesWithErrors.has(file);
    if (bank) {
      const node = {
        loaded: { ...loaded, bank },
        bank,
        guideline: loaded.bankGuideline,
        sound: sound && loaded.bankGuideline !== undefined,
      };
      if (!memo || !node.sound) found.push(...visit(rules, 'lintBank', file, parsed, node, environment));
      else {
        let kept = memo.get(loaded, rememberedKey);
        if (!kept) {
          kept = visit(remembered, 'lintBank', file, parsed, node, environment);
          memo.set(loaded, rememberedKey, kept);
        }
        found.push(...kept, ...visit(freshEachRun, 'lintBank', file, parsed, node, environment));
      }
    }
    if (guideline) {
      const node = { loaded: { ...loaded, guideline }, guideline, banks: banksOf(content, guideline), sound };
      found.push(...visit(rules, 'lintGuideline', file, parsed, node, environment));
    }
  }
  const seen = new Set<string>();
  const unique = found.filter((d) => {
    const key = `${d.file}\0${d.line}\0${d.column}\0${d.ruleId}\0${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });

  const directives = targets.flatMap((f) => (f.parsed ? findDirectives(f.file, f.parsed.source) : []));
  const kept = applyDirectives(unique, directives);
  // Post-pass: rules that judge the disable comments themselves, once the others have used them.
  for (const loaded of targets) {
    const mine = directives.filter((d) => d.file === loaded.file);
    if (mine.length) kept.push(...visit(rules, 'directives', loaded.file, loaded.parsed, mine, environment));
  }
  const problems = kept.sort(byPosition);
  return {
    problems,
    files: [...targetSet].sort(),
    coverage,
    errorCount: problems.filter((p) => p.severity === 'error').length,
    warningCount: problems.filter((p) => p.severity === 'warning').length,
  };
}
