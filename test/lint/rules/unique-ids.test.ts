import { uniqueIds } from '../../../src/lint/rules/unique-ids.js';
import { bankYaml, GUIDELINE } from '../../helpers.js';
import { PLAIN_QUESTION, testRule } from '../rule-tester.js';

const twoQuestions = PLAIN_QUESTION + PLAIN_QUESTION.replace('id: q1', 'id: q2');

testRule(uniqueIds, {
  valid: [{ name: 'distinct question and option ids', files: { 'bank.yaml': bankYaml(twoQuestions) } }],
  invalid: [
    {
      name: 'a question id used twice',
      files: { 'bank.yaml': bankYaml(PLAIN_QUESTION + PLAIN_QUESTION) },
      problems: [{ at: 'bank.yaml:15:9', messageId: 'repeated' }],
    },
    {
      name: 'an option id used twice',
      files: { 'bank.yaml': bankYaml(PLAIN_QUESTION.replace('{id: b, text: Beta}', '{id: a, text: Beta}')) },
      problems: [{ at: 'bank.yaml:13:14', messageId: 'repeated' }],
    },
    {
      name: 'a section id used twice in a guideline',
      files: { 'guideline.yaml': GUIDELINE.replace('id: "3"', 'id: "2"') },
      problems: [{ at: 'guideline.yaml:16:9', messageId: 'repeated' }],
    },
    {
      name: 'a criterion id used twice',
      files: {
        'bank.yaml': bankYaml(
          PLAIN_QUESTION +
            '    rubric:\n' +
            '      - {id: c1, text: One, points: 1, check: self}\n' +
            '      - {id: c1, text: Two, points: 1, check: self}\n',
        ),
      },
      problems: [{ at: 'bank.yaml:17:14', messageId: 'repeated' }],
    },
    {
      name: 'a bank id used by two files (across the files linted)',
      files: { 'a.yaml': bankYaml(PLAIN_QUESTION), 'b.yaml': bankYaml(PLAIN_QUESTION) },
      problems: [{ at: 'b.yaml:2:5', messageId: 'bankTaken' }],
    },
  ],
});
