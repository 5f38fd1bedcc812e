import { listed } from '../listed.js';
import { defineRule } from '../rule.js';

/** A bank names a guideline document that was not found (on the search path or among the linted files). */
export const unknownGuideline = defineRule({
  meta: {
    id: 'unknown-guideline',
    severity: 'error',
    phase: 'load',
    description: 'A bank names a guideline document that was not found.',
    messages: {
      notFound: 'no guideline document has id "{{id}}"',
      notFoundAmong: 'no guideline document has id "{{id}}" (found: {{known}})',
    },
  },
  create(context) {
    return {
      bank({ raw, guideline, guidelineIds }) {
        if (guideline) return;
        if (guidelineIds.length === 0)
          context.report({ path: ['guideline'], messageId: 'notFound', data: { id: raw.guideline } });
        else
          context.report({
            path: ['guideline'],
            messageId: 'notFoundAmong',
            data: { id: raw.guideline, known: listed(guidelineIds) },
          });
      },
    };
  },
});
