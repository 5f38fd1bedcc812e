import type { PathSegment } from '../../content/parse.js';
import { keyResponse } from '../../scoring/key-response.js';
import { normalizeResponse } from '../../scoring/response.js';
import { KEY_CRITERION_ID, scoreQuestion, type CriterionResult } from '../../scoring/rubric.js';
import { problemAt } from '../report.js';
import { soundBanks } from '../targets.js';
import type { LintRule } from '../types.js';

const points = (n: number) => `${Math.round(n * 100) / 100} point${n === 1 ? '' : 's'}`;

const messages = {
  keyLoses: (earned: number, max: number) => `the answer key itself scores ${points(earned)} of ${points(max)}`,
  missedCriterion: (id: string) =>
    `criterion "${id}" does not hold for the key (the model answer, as "qualify key" writes it); make the model answer meet it, or change its check`,
  committedPitfall: (id: string) =>
    `pitfall "${id}" holds for the key (the model answer triggers it); reword the model answer or the check`,
  keyCriterion: 'the key does not earn full credit on its own answer',
};

function why(criterion: CriterionResult): string {
  if (criterion.id === KEY_CRITERION_ID) return messages.keyCriterion;
  return criterion.points > 0 ? messages.missedCriterion(criterion.id) : messages.committedPitfall(criterion.id);
}

/**
 * The key must score 100% by the project's own scorer: the same response `qualify key` prints
 * is scored by `scoreQuestion`, so a learner who answers exactly like the key is never marked down.
 */
export const keyScoresFull: LintRule = {
  meta: {
    id: 'key-scores-full',
    severity: 'error',
    description: 'The answer key, as "qualify key" writes it, must earn full marks on every question by the scorer.',
  },
  messages,
  check(context) {
    return soundBanks(context).flatMap((loaded) =>
      loaded.bank.questions.flatMap((question, q) => {
        const score = scoreQuestion(question, normalizeResponse(keyResponse(question)));
        if (score.earned >= score.max - 1e-9) return [];
        const losing = score.criteria.find((c) => (c.points > 0 ? !c.holds : c.holds));
        if (!losing) return [];
        const criterionIndex = question.rubric.findIndex((c) => c.id === losing.id);
        const where: PathSegment[] =
          losing.id === KEY_CRITERION_ID || criterionIndex < 0
            ? ['questions', q, 'answer']
            : ['questions', q, 'rubric', criterionIndex, 'check'];
        return [
          problemAt(
            loaded,
            where,
            'key-scores-full',
            'error',
            `${messages.keyLoses(score.earned, score.max)}: ${why(losing)}`,
          ),
        ];
      }),
    );
  },
};
