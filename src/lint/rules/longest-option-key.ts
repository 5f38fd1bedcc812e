import type { SingleChoiceQuestion } from '../../content/types.js';
import { defineRule, text } from '../rule.js';

/** Banks with fewer single-choice questions are left alone. */
export const MIN_QUESTIONS = 5;
/** The keyed option stands out when its text is at least this much longer than every other option. */
export const MARGIN = 1.1;
/** The bank is a problem when more than this share of its single-choice keys stand out. */
export const MAX_SHARE = 0.4;

/** Whether the keyed option's text is the longest by a clear margin (10% longer, in characters, than every other). */
export function keyIsClearlyLongest(question: SingleChoiceQuestion): boolean {
  const key = question.options.find((o) => o.id === question.answer);
  if (!key) return false;
  const length = key.text.trim().length;
  return question.options.every((o) => o === key || length >= o.text.trim().length * MARGIN);
}

/**
 * Keys that are the longest option too often: in a bank with at least 5 single-choice questions,
 * more than 40% whose keyed option is clearly the longest means "pick the longest" pays.
 */
export const longestOptionKey = defineRule({
  meta: {
    id: 'longest-option-key',
    severity: 'warning',
    phase: 'lint',
    description:
      'In a bank with 5 or more single-choice questions, more than 40% have a key that is clearly the longest option.',
    messages: {
      tooOften: text(
        'in {{longest}} of the {{count}} single-choice questions ({{percent}}%: {{ids}}) the key is the longest ',
        'option by 10% or more; keep that to at most 40%, so that always picking the longest option does not pay',
      ),
    },
  },
  create(context) {
    return {
      lintBank({ bank, sound }) {
        if (!sound) return;
        const singles = bank.questions.filter((q): q is SingleChoiceQuestion => q.type === 'single-choice');
        if (singles.length < MIN_QUESTIONS) return;
        const longest = singles.filter(keyIsClearlyLongest);
        if (longest.length <= singles.length * MAX_SHARE) return;
        const ids = longest.map((q) => q.id);
        context.report({
          path: ['questions'],
          at: 'key',
          describe: false,
          messageId: 'tooOften',
          data: {
            longest: longest.length,
            count: singles.length,
            percent: Math.round((longest.length / singles.length) * 100),
            ids: ids.length > 8 ? `${ids.slice(0, 8).join(', ')}, ...` : ids.join(', '),
          },
        });
      },
    };
  },
});
