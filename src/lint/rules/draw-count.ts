import { defineRule } from '../rule.js';

/** An exam cannot draw more questions than the bank holds. */
export const drawCount = defineRule({
  meta: {
    id: 'draw-count',
    severity: 'error',
    phase: 'lint',
    description: "The exam's `draw` must not exceed the number of questions in the bank.",
    messages: {
      tooMany: 'the exam draws {{draw}} questions but the bank has only {{count}}; lower "draw" or add questions',
    },
  },
  create(context) {
    return {
      // The count does not depend on any reference resolving, so banks with other errors are checked
      // too; questions that failed the schema still count, as they will once fixed.
      lintBank({ bank, loaded }) {
        const { draw } = bank.exam;
        const count = bank.questions.length + (loaded.brokenQuestions ?? 0);
        if (draw !== undefined && draw > count)
          context.report({ path: ['exam', 'draw'], messageId: 'tooMany', data: { draw, count } });
      },
    };
  },
});
