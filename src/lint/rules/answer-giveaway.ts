import { defineRule, text } from '../rule.js';

/** How many times longer than every other option the correct one must be to stand out. */
export const LENGTH_RATIO = 2;
/** ...and by how many characters at least, so short options ("Yes" vs "No") are left alone. */
export const LENGTH_MARGIN = 30;

/**
 * Options that give the answer away: the correct option of a single-choice question is much
 * longer than every other option. Item writers pad the right answer with qualifications; learners
 * notice, and the question then tests test-taking instead of the guideline.
 */
export const answerGiveaway = defineRule({
  meta: {
    id: 'answer-giveaway',
    severity: 'warning',
    phase: 'lint',
    description: 'The correct option is the only much longer one, so the question can be answered without reading it.',
    messages: {
      longest: text(
        'the correct option "{{id}}" is the only long one ({{length}} characters; the others have at most ',
        '{{others}}), so a test-wise learner can pick it without reading; make the wrong options as detailed',
      ),
    },
  },
  create(context) {
    return {
      lintBank({ bank, sound }) {
        if (!sound) return;
        bank.questions.forEach((question, q) => {
          if (question.type !== 'single-choice' || question.options.length < 3) return;
          const correct = question.options.findIndex((o) => o.id === question.answer);
          if (correct < 0) return;
          const length = question.options[correct]!.text.trim().length;
          const others = Math.max(...question.options.filter((_, i) => i !== correct).map((o) => o.text.trim().length));
          if (length < others * LENGTH_RATIO || length - others < LENGTH_MARGIN) return;
          context.report({
            path: ['questions', q, 'options', correct, 'text'],
            messageId: 'longest',
            data: { id: question.answer, length, others },
          });
        });
      },
    };
  },
});
