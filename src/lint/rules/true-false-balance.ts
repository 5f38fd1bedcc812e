import { defineRule, text } from '../rule.js';

/** Banks with fewer true-false questions are left alone: a few keys cannot be balanced. */
export const MIN_QUESTIONS = 8;
/** The share of `true` keys allowed, inclusive. */
export const LOW = 0.35;
export const HIGH = 0.65;

/**
 * True-false keys lopsided one way: in a bank with at least 8 true-false questions, the share keyed
 * `true` must be between 35% and 65%, or "always answer false" (or true) earns marks without reading.
 */
export const trueFalseBalance = defineRule({
  meta: {
    id: 'true-false-balance',
    severity: 'warning',
    phase: 'lint',
    description:
      'In a bank with 8 or more true-false questions, fewer than 35% or more than 65% of them are keyed true.',
    messages: {
      lopsided: text(
        'the key is true in {{trueCount}} of the {{count}} true-false questions ({{percent}}%); keep that between ',
        '35% and 65%, so that always answering "{{easy}}" does not pay',
      ),
    },
  },
  create(context) {
    return {
      lintBank({ bank, sound }) {
        if (!sound) return;
        const keys = bank.questions.flatMap((q) => (q.type === 'true-false' ? [q.answer] : []));
        if (keys.length < MIN_QUESTIONS) return;
        const trueCount = keys.filter(Boolean).length;
        const share = trueCount / keys.length;
        if (share >= LOW && share <= HIGH) return;
        context.report({
          path: ['questions'],
          at: 'key',
          describe: false,
          messageId: 'lopsided',
          data: {
            trueCount,
            count: keys.length,
            percent: Math.round(share * 100),
            easy: share > HIGH ? 'true' : 'false',
          },
        });
      },
    };
  },
});
