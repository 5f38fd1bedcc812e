import { answerGiveaway } from '../../../src/lint/rules/answer-giveaway.js';
import { bankYaml } from '../../helpers.js';
import { testRule } from '../rule-tester.js';

const choice = (correct: string, wrong = ['Rate it lowest', 'Rate it highest']) => `  - id: q1
    type: single-choice
    sections: ["1"]
    prompt: What do you do?
    options:
      - {id: a, text: ${wrong[0]}}
      - {id: b, text: "${correct}"}
      - {id: c, text: ${wrong[1]}}
    answer: b
`;

testRule(answerGiveaway, {
  valid: [
    { name: 'options of similar length', files: { 'bank.yaml': bankYaml(choice('Rate it medium')) } },
    {
      name: 'short options where a few characters make a big ratio',
      files: { 'bank.yaml': bankYaml(choice('Definitely', ['No', 'Yes'])) },
    },
  ],
  invalid: [
    {
      name: 'the only long option is the right one',
      files: {
        'bank.yaml': bankYaml(
          choice('Rate it medium, because the page answers the query but leaves out the details most users need'),
        ),
      },
      problems: [{ at: 'bank.yaml:13:23', severity: 'warning', messageId: 'longest' }],
    },
  ],
});
