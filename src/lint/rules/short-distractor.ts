import { defineRule, text } from '../rule.js';

/** Keys shorter than this are left alone: short options are short for every choice. */
export const MIN_KEY_LENGTH = 40;
/** A distractor shorter than this share of the key's length stands out as wrong. */
export const MIN_SHARE = 1 / 3;

/**
 * A distractor that gives itself away by being short: in a single-choice or multi-select question
 * whose keyed option has 40 characters or more, a wrong option shorter than a third of the key.
 * In a multi-select, the longest keyed option is the measure.
 */
export const shortDistractor = defineRule({
  meta: {
    id: 'short-distractor',
    severity: 'warning',
    phase: 'lint',
    description:
      'A wrong option of a choice question shorter than a third of the keyed option, when the key has 40+ characters.',
    messages: {
      tooShort: text(
        'this wrong option has {{length}} characters, less than a third of the key "{{key}}" ({{keyLength}}); ',
        'a learner can rule it out without reading, so make it as plausible and as detailed',
      ),
    },
  },
  create(context) {
    return {
      lintBank({ bank, sound }) {
        if (!sound) return;
        bank.questions.forEach((question, q) => {
          if (question.type !== 'single-choice' && question.type !== 'multi-select') return;
          const keys = new Set(typeof question.answer === 'string' ? [question.answer] : question.answer);
          const keyed = question.options.filter((o) => keys.has(o.id));
          if (keyed.length === 0) return;
          const key = keyed.reduce((a, b) => (b.text.trim().length > a.text.trim().length ? b : a));
          const keyLength = key.text.trim().length;
          if (keyLength < MIN_KEY_LENGTH) return;
          question.options.forEach((option, i) => {
            const length = option.text.trim().length;
            if (keys.has(option.id) || length >= keyLength * MIN_SHARE) return;
            context.report({
              path: ['questions', q, 'options', i, 'text'],
              messageId: 'tooShort',
              data: { length, key: key.id, keyLength },
            });
          });
        });
      },
    };
  },
});
