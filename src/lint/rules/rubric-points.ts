import { defineRule, text } from '../rule.js';

/**
 * Rubric points that cannot work. A critical criterion without points and a free-text question
 * that can earn nothing are refused when content loads (every command stops on those); lint adds
 * a warning for a criterion whose 0 points make it dead weight.
 */
export const rubricPoints = defineRule({
  meta: {
    id: 'rubric-points',
    severity: 'error',
    phase: 'load',
    description: text(
      'Rubric points that cannot work: a critical criterion without points, a free-text question that can ',
      'earn nothing, a criterion worth 0.',
    ),
    messages: {
      criticalWithoutPoints: 'a critical criterion must carry points',
      freeTextEarnsNothing: 'a free-text question needs at least one criterion with positive points',
      zeroPoints:
        'criterion "{{id}}" has 0 points and is not critical, so it never changes a score; give it points or remove it',
    },
  },
  create(context) {
    return {
      bank({ questions }) {
        for (const { raw: q, index } of questions) {
          const rubric = q.rubric ?? [];
          rubric.forEach((c, i) => {
            if (c.critical && c.points === 0)
              context.report({ path: ['questions', index, 'rubric', i, 'points'], messageId: 'criticalWithoutPoints' });
          });
          if (q.type === 'free-text' && !rubric.some((c) => c.points > 0))
            context.report({ path: ['questions', index, 'rubric'], messageId: 'freeTextEarnsNothing' });
        }
      },
      lintBank({ bank, sound }) {
        if (!sound) return;
        bank.questions.forEach((question, q) =>
          question.rubric.forEach((criterion, c) => {
            if (criterion.points !== 0 || criterion.critical) return;
            context.report({
              path: ['questions', q, 'rubric', c, 'points'],
              severity: 'warning',
              messageId: 'zeroPoints',
              data: { id: criterion.id },
            });
          }),
        );
      },
    };
  },
});
