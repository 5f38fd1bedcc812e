import type { Diagnostic } from '../content/diagnostic.js';
import type { ContentSet, LoadedFile } from '../content/load.js';
import { applyDirectives, findDirectives } from './directives.js';
import { answerGiveaway } from './rules/answer-giveaway.js';
import { answerShape } from './rules/answer-shape.js';
import { drawCount } from './rules/draw-count.js';
import { duration } from './rules/duration.js';
import { fileRead } from './rules/file.js';
import { itemStats } from './rules/item-stats.js';
import { keyScoresFull } from './rules/key-scores-full.js';
import { mediaPath } from './rules/media-path.js';
import { nearDuplicate } from './rules/near-duplicate.js';
import { rubricPoints } from './rules/rubric-points.js';
import { rubricRegex } from './rules/rubric-regex.js';
import { schema } from './rules/schema.js';
import { sectionCoverage, sectionCoverageRule } from './rules/section-coverage.js';
import { uniqueIds } from './rules/unique-ids.js';
import { unknownGuideline } from './rules/unknown-guideline.js';
import { unknownRule } from './rules/unknown-rule.js';
import { unknownScale } from './rules/unknown-scale.js';
import { unknownSection } from './rules/unknown-section.js';
import { unreachableAnswer } from './rules/unreachable-answer.js';
import { unusedDisableDirective } from './rules/unused-disable-directive.js';
import { yamlSyntax } from './rules/yaml-syntax.js';
import type { LintContext, LintResult, LintRule } from './types.js';

export type { LintResult, LintRule } from './types.js';

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
  unreachableAnswer,
  sectionCoverageRule,
  itemStats,
  unusedDisableDirective,
];

export const RULE_IDS: ReadonlySet<string> = new Set(RULES.map((r) => r.meta.id));

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return (
    a.file.localeCompare(b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    a.ruleId.localeCompare(b.ruleId) ||
    a.message.localeCompare(b.message)
  );
}

/**
 * Lints the target files of a loaded content set. Pure: the loader has already read every file;
 * this runs the rules, keeps the problems of the targets, applies disable comments, and sorts.
 * A loader diagnostic whose id no rule claims is still reported, so a problem is never lost.
 */
export function lintContent(
  content: ContentSet,
  targetFiles: readonly string[],
  rules: readonly LintRule[] = RULES,
  pooledAttempts?: LintContext['pooledAttempts'],
): LintResult {
  const targetSet = new Set(targetFiles);
  const targets: LoadedFile[] = content.files.filter((f) => targetSet.has(f.file));
  const filesWithErrors = new Set(content.diagnostics.filter((d) => d.severity === 'error').map((d) => d.file));
  const context: LintContext = {
    content,
    targets,
    hasLoaderErrors: (file) => filesWithErrors.has(file),
    pooledAttempts,
  };

  const claimed = new Set(RULES.filter((r) => r.meta.fromLoader).map((r) => r.meta.id));
  const found = [
    ...rules.flatMap((rule) => rule.check(context)),
    ...content.diagnostics.filter((d) => !claimed.has(d.ruleId)),
  ];
  const seen = new Set<string>();
  const unique = found.filter((d) => {
    const key = `${d.file}\0${d.line}\0${d.column}\0${d.ruleId}\0${d.message}`;
    if (!targetSet.has(d.file) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });

  const directives = targets.flatMap((f) => (f.parsed ? findDirectives(f.file, f.parsed.source) : []));
  const kept = applyDirectives(unique, directives);
  if (rules.includes(unusedDisableDirective)) kept.push(...unusedDisableDirective.fromDirectives(directives, RULE_IDS));
  const problems = kept.sort(byPosition);

  const coverage = rules.includes(sectionCoverageRule) ? sectionCoverage(context).map((c) => c.summary) : [];
  return {
    problems,
    files: [...targetSet].sort(),
    coverage,
    errorCount: problems.filter((p) => p.severity === 'error').length,
    warningCount: problems.filter((p) => p.severity === 'warning').length,
  };
}
