import { defineRule } from '../rule.js';

/** A question's `rules` names a rule that is not in the guideline (its text is quoted in the mistake report). */
export const unknownRule = defineRule({
  meta: {
    id: 'unknown-rule',
    severity: 'error',
    phase: 'load',
    description: "A question's `rules` names a rule that is not in the guideline.",
    messages: {
      notInGuideline: 'rule "{{id}}" is not in guideline "{{guideline}}"',
    },
  },
  create(context) {
    return {
      bank({ questions, guideline }) {
        if (!guideline) return;
        for (const { raw: q, index } of questions) {
          (q.rules ?? []).forEach((id, i) => {
            if (!guideline.ruleIndex.has(id))
              context.report({
                path: ['questions', index, 'rules', i],
                messageId: 'notInGuideline',
                data: { id, guideline: guideline.id },
              });
          });
        }
      },
    };
  },
});
