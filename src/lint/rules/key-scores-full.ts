import type { PathSegment } from '../../content/parse.js';
import { keyResponse } from '../../scoring/key-response.js';
import { normalizeResponse } from '../../scoring/response.js';
import { KEY_CRITERION_ID, scoreQuestion } from '../../scoring/rubric.js';
import { defineRule, text } from '../rule.js';

const points = (n: number) => `${Math.round(n * 100) / 100} point${n === 1 ? '' : 's'}`;

/**
 * The key must score 100% by the project's own scorer: the same response `qualify key` prints
 * is scored by `scoreQuestion`, so a learner who answers exactly like the key is never marked down.
 */
export const keyScoresFull = defineRule({
  meta: {
    id: 'key-scores-full',
    severity: 'error',
    phase: 'lint',
    description: 'The answer key, as "qualify key" writes it, must earn full marks on every question by the scorer.',
    messages: {
      missedCriterion: text(
        'the answer key itself scores {{earned}} of {{max}}: criterion "{{id}}" does not hold for the key (the ',
        'model answer, as "qualify key" writes it); make the model answer meet it, or change its check',
      ),
      committedPitfall: text(
        'the answer key itself scores {{earned}} of {{max}}: pitfall "{{id}}" holds for the key (the model answer ',
        'triggers it); reword the model answer or the check',
      ),
      keyCriterion:
        'the answer key itself scores {{earned}} of {{max}}: the key does not earn full credit on its own answer',
    },
  },
  create(context) {
    return {
      lintBank({ bank, sound }) {
        if (!sound) return;
        bank.questions.forEach((question, q) => {
          const score = scoreQuestion(question, normalizeResponse(keyResponse(question)));
          if (score.earned >= score.max - 1e-9) return;
          const losing = score.criteria.find((c) => (c.points > 0 ? !c.holds : c.holds));
          if (!losing) return;
          const criterionIndex = question.rubric.findIndex((c) => c.id === losing.id);
          const data = { earned: points(score.earned), max: points(score.max) };
          const answerPath: PathSegment[] = ['questions', q, 'answer'];
          if (losing.id === KEY_CRITERION_ID) {
            context.report({ path: answerPath, messageId: 'keyCriterion', data });
            return;
          }
          context.report({
            path: criterionIndex < 0 ? answerPath : ['questions', q, 'rubric', criterionIndex, 'check'],
            messageId: losing.points > 0 ? 'missedCriterion' : 'committedPitfall',
            data: { ...data, id: losing.id },
          });
        });
      },
    };
  },
});
