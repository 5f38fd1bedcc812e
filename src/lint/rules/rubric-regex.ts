import { unsafeRegexReason } from '../../content/regex.js';
import { defineRule } from '../rule.js';

/** A `matches` pattern that is too long, invalid, or could stall the scorer (nested repetition). */
export const rubricRegex = defineRule({
  meta: {
    id: 'rubric-regex',
    severity: 'error',
    phase: 'load',
    description: 'A `matches` pattern that is too long, invalid, or could stall the scorer (nested repetition).',
    messages: {
      unsafe: 'the pattern {{reason}}',
    },
  },
  create(context) {
    return {
      bank({ questions }) {
        for (const { raw: q, index } of questions) {
          (q.rubric ?? []).forEach((c, i) => {
            if (typeof c.check !== 'object' || !('matches' in c.check)) return;
            const reason = unsafeRegexReason(c.check.matches);
            if (reason)
              context.report({
                path: ['questions', index, 'rubric', i, 'check', 'matches'],
                messageId: 'unsafe',
                data: { reason },
              });
          });
        }
      },
    };
  },
});
