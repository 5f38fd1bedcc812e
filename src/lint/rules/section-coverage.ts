import type { Section } from '../../content/types.js';
import { defineRule, text } from '../rule.js';

/** A section counts as tested when a question tests it or one of its subsections. */
function covered(section: Section, tested: ReadonlySet<string>): boolean {
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

/**
 * Guideline sections that no question of any of its banks tests (a warning), and the
 * "12/14 sections tested" summary of every linted guideline that has a bank (one alone is a draft).
 */
export const sectionCoverage = defineRule({
  meta: {
    id: 'section-coverage',
    severity: 'warning',
    phase: 'lint',
    description: 'A guideline section (with its subsections) that no question of any of its banks tests.',
    messages: {
      untested: text(
        'no question in any bank of guideline "{{guideline}}" tests this section ({{tested}}/{{total}} sections ',
        'tested); add one, or accept the gap',
      ),
    },
  },
  create(context) {
    return {
      lintGuideline({ loaded, guideline, banks, sound }) {
        if (!sound || banks.length === 0) return;
        const tested = new Set(
          banks.flatMap((bank) =>
            bank.questions.flatMap((q) => [...q.sections, ...q.rubric.flatMap((c) => c.sections)]),
          ),
        );
        const untested = [...guideline.sectionIndex.values()].filter((s) => !covered(s, tested));
        const total = guideline.sectionIndex.size;
        const count = total - untested.length;
        context.coverage({ file: loaded.file, guidelineId: guideline.id, tested: count, total });
        const paths = sectionPaths(guideline.sections);
        for (const section of untested)
          context.report({
            path: paths.get(section.id)!,
            messageId: 'untested',
            data: { guideline: guideline.id, tested: count, total },
          });
      },
    };
  },
});
