import { loaderProblems, problemAt } from '../report.js';
import { soundBanks } from '../targets.js';
import type { LintRule } from '../types.js';

const messages = {
  zeroPoints: (id: string) =>
    `criterion "${id}" has 0 points and is not critical, so it never changes a score; give it points or remove it`,
};

/**
 * Rubric points that cannot work. The loader refuses a critical criterion without points and a
 * free-text question that can earn nothing (every command stops on those); lint adds a warning for
 * a criterion whose 0 points make it dead weight.
 */
export const rubricPoints: LintRule = {
  meta: {
    id: 'rubric-points',
    severity: 'error',
    description:
      'Rubric points that cannot work: a critical criterion without points, a free-text question that can earn nothing, a criterion worth 0.',
    fromLoader: true,
  },
  messages,
  check(context) {
    const fromLoader = loaderProblems(context.content.diagnostics, 'rubric-points');
    const deadWeight = soundBanks(context).flatMap((loaded) =>
      loaded.bank.questions.flatMap((question, q) =>
        question.rubric.flatMap((criterion, c) =>
          criterion.points === 0 && !criterion.critical
            ? [
                problemAt(
                  loaded,
                  ['questions', q, 'rubric', c, 'points'],
                  'rubric-points',
                  'warning',
                  messages.zeroPoints(criterion.id),
                ),
              ]
            : [],
        ),
      ),
    );
    return [...fromLoader, ...deadWeight];
  },
};
