import { schema } from '../../../src/lint/rules/schema.js';
import { bankYaml } from '../../helpers.js';
import { PLAIN_QUESTION, testRule } from '../rule-tester.js';

testRule(schema, {
  valid: [{ name: 'a bank that matches the schema', files: { 'bank.yaml': bankYaml(PLAIN_QUESTION) } }],
  invalid: [
    {
      name: 'a misspelt field is reported on its key',
      files: { 'bank.yaml': bankYaml(PLAIN_QUESTION.replace('    answer: a', '    answr: a')) },
      problems: [
        { at: 'bank.yaml:7:5', messageId: 'required' },
        { at: 'bank.yaml:14:5', messageId: 'unknownField' },
      ],
    },
    {
      name: 'a malformed duration',
      files: { 'bank.yaml': bankYaml(PLAIN_QUESTION, 'exam:\n  time_limit: 25 minutes\n') },
      problems: [{ at: 'bank.yaml:7:15', messageId: 'duration' }],
    },
    {
      name: 'an unknown question type',
      files: { 'bank.yaml': bankYaml(PLAIN_QUESTION.replace('single-choice', 'essay')) },
      problems: [{ at: 'bank.yaml:8:11', messageId: 'unknownQuestionType' }],
    },
    {
      name: 'an unknown kind',
      files: { 'bank.yaml': bankYaml(PLAIN_QUESTION).replace('kind: bank', 'kind: quiz') },
      problems: [{ at: 'bank.yaml:1:7', messageId: 'unknownKind' }],
    },
  ],
});
