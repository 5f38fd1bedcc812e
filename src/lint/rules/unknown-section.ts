import type { PathSegment } from '../../content/parse.js';
import { defineRule } from '../rule.js';

/** A question, criterion or `section_minimums` entry names a section that is not in the bank's guideline. */
export const unknownSection = defineRule({
  meta: {
    id: 'unknown-section',
    severity: 'error',
    phase: 'load',
    description:
      "A question, criterion or `section_minimums` entry names a section that is not in the bank's guideline.",
    messages: {
      notInGuideline: 'section "{{id}}" is not in guideline "{{guideline}}"',
    },
  },
  create(context) {
    return {
      bank({ raw, questions, guideline }) {
        if (!guideline) return; // the unknown-guideline rule says why
        const known = (ids: readonly string[], where: readonly PathSegment[]) =>
          ids.forEach((id, i) => {
            if (!guideline.sectionIndex.has(id))
              context.report({
                path: [...where, i],
                messageId: 'notInGuideline',
                data: { id, guideline: guideline.id },
              });
          });
        for (const { raw: q, index } of questions) {
          known(q.sections, ['questions', index, 'sections']);
          (q.rubric ?? []).forEach((c, i) => {
            if (c.sections) known(c.sections, ['questions', index, 'rubric', i, 'sections']);
          });
        }
        for (const id of Object.keys(raw.exam?.section_minimums ?? {})) {
          if (guideline.sectionIndex.has(id)) continue;
          const path = ['exam', 'section_minimums', id];
          context.report({ path, at: 'key', messageId: 'notInGuideline', data: { id, guideline: guideline.id } });
        }
      },
    };
  },
});
