import { problemAt } from '../report.js';
import { resolvedBanks } from '../targets.js';
import type { LintRule } from '../types.js';

const messages = {
  tooMany: (draw: number, count: number) =>
    `the exam draws ${draw} questions but the bank has only ${count}; lower "draw" or add questions`,
};

/** An exam cannot draw more questions than the bank holds. */
export const drawCount: LintRule = {
  meta: {
    id: 'draw-count',
    severity: 'error',
    description: "The exam's `draw` must not exceed the number of questions in the bank.",
  },
  messages,
  check(context) {
    // The count does not depend on any reference resolving, so banks with other errors are checked
    // too; questions that failed the schema still count, as they will once fixed.
    return resolvedBanks(context).flatMap((loaded) => {
      const { draw } = loaded.bank.exam;
      const count = loaded.bank.questions.length + (loaded.brokenQuestions ?? 0);
      return draw !== undefined && draw > count
        ? [problemAt(loaded, ['exam', 'draw'], 'draw-count', 'error', messages.tooMany(draw, count))]
        : [];
    });
  },
};
