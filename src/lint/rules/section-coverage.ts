import type { Diagnostic } from '../../content/diagnostic.js';
import type { Guideline, Section } from '../../content/types.js';
import { problemAt } from '../report.js';
import type { CoverageSummary, LintContext, LintRule } from '../types.js';

const messages = {
  untested: (guideline: string, tested: number, total: number) =>
    `no question in any bank of guideline "${guideline}" tests this section (${tested}/${total} sections tested); add one, or accept the gap`,
  summary: (tested: number, total: number) => `${tested}/${total} sections tested`,
};

/** Section ids tested by any loaded bank of this guideline (question and criterion sections). */
function testedSections(context: LintContext, guideline: Guideline): Set<string> | undefined {
  const banks = [...context.content.files].filter((f) => f.bank && f.bankGuideline === guideline).map((f) => f.bank!);
  if (banks.length === 0) return undefined;
  return new Set(
    banks.flatMap((bank) => bank.questions.flatMap((q) => [...q.sections, ...q.rubric.flatMap((c) => c.sections)])),
  );
}

/** A section counts as tested when a question tests it or one of its subsections. */
function covered(section: Section, tested: Set<string>): boolean {
  return tested.has(section.id) || (section.sections ?? []).some((s) => covered(s, tested));
}

/** Where each section sits in the file, for positions: ['sections', 0, 'sections', 2]. */
function sectionPaths(
  sections: readonly Section[],
  where: (string | number)[] = ['sections'],
): Map<string, (string | number)[]> {
  const paths = new Map<string, (string | number)[]>();
  sections.forEach((section, i) => {
    paths.set(section.id, [...where, i]);
    for (const [id, path] of sectionPaths(section.sections ?? [], [...where, i, 'sections']))
      if (!paths.has(id)) paths.set(id, path);
  });
  return paths;
}

interface Coverage {
  summary: CoverageSummary;
  problems: Diagnostic[];
}

/** Coverage of every linted guideline that has at least one bank (a guideline alone is a draft). */
export function sectionCoverage(context: LintContext): Coverage[] {
  return context.targets.flatMap((loaded) => {
    const guideline = loaded.guideline;
    if (!guideline || context.hasLoaderErrors(loaded.file)) return [];
    const tested = testedSections(context, guideline);
    if (!tested) return [];
    const paths = sectionPaths(guideline.sections);
    const untested = [...guideline.sectionIndex.values()].filter((s) => !covered(s, tested));
    const total = guideline.sectionIndex.size;
    const count = total - untested.length;
    return [
      {
        summary: { file: loaded.file, guidelineId: guideline.id, tested: count, total },
        problems: untested.map((s) =>
          problemAt(
            loaded,
            paths.get(s.id)!,
            'section-coverage',
            'warning',
            messages.untested(guideline.id, count, total),
          ),
        ),
      },
    ];
  });
}

/** Guideline sections that no question tests (a warning), with a "12/14 sections tested" summary. */
export const sectionCoverageRule: LintRule = {
  meta: {
    id: 'section-coverage',
    severity: 'warning',
    description: 'A guideline section (with its subsections) that no question of any of its banks tests.',
  },
  messages,
  check: (context) => sectionCoverage(context).flatMap((c) => c.problems),
};

export const coverageMessages = messages;
