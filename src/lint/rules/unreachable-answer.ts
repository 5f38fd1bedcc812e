import type { Question } from '../../content/types.js';
import { matchesAccepted } from '../../scoring/types/typed.js';
import { defineRule, text } from '../rule.js';

const hasWildcard = (text: string) => /(?<!\\)\*/.test(text);

/** The index of the earlier entry that shadows entry `i`, if any. */
function shadowedBy(question: Extract<Question, { type: 'short-answer' | 'numeric' }>, i: number): number | undefined {
  for (let earlier = 0; earlier < i; earlier++) {
    if (question.type === 'numeric') {
      const [a, b] = [question.accept[earlier]!, question.accept[i]!];
      if (a.min <= b.min && b.max <= a.max) return earlier;
      continue;
    }
    const [a, b] = [question.accept[earlier]!.text, question.accept[i]!.text];
    // A literal answer is shadowed by any earlier pattern matching it; a pattern only by a bare `*`.
    if (hasWildcard(b) ? a.trim() === '*' : matchesAccepted(a, b, question.caseSensitive)) return earlier;
  }
  return undefined;
}

/**
 * Typed answers (short-answer, numeric) are scored by the first accepted entry that matches, as in
 * Moodle. An entry after a catch-all `*`, a repeat of an earlier one, or a number range inside an
 * earlier range is never reached: its credit and feedback are dead, usually by mistake of order.
 */
export const unreachableAnswer = defineRule({
  meta: {
    id: 'unreachable-answer',
    severity: 'warning',
    phase: 'lint',
    description: 'An accepted answer of a short-answer or numeric question that an earlier one always matches first.',
    messages: {
      text: text(
        'the accepted answer "{{text}}" can never count: the earlier "{{earlier}}" already matches every answer ',
        'it would, and the first match decides',
      ),
      number: text(
        'the accepted number {{text}} can never count: the earlier {{earlier}} already holds every answer it ',
        'would, and the first match decides',
      ),
    },
  },
  create(context) {
    return {
      lintBank({ bank, sound }) {
        if (!sound) return;
        bank.questions.forEach((question, q) => {
          if (question.type !== 'short-answer' && question.type !== 'numeric') return;
          question.accept.forEach((_, i) => {
            const earlier = shadowedBy(question, i);
            if (earlier === undefined) return;
            const path = ['questions', q, 'accept', i];
            if (question.type === 'numeric')
              context.report({
                path,
                messageId: 'number',
                data: { text: question.accept[i]!.shown, earlier: question.accept[earlier]!.shown },
              });
            else
              context.report({
                path,
                messageId: 'text',
                data: { text: question.accept[i]!.text, earlier: question.accept[earlier]!.text },
              });
          });
        });
      },
    };
  },
});
