import { schema } from '../../../src/lint/rules/schema.js';
import { bankYaml } from '../../helpers.js';
import { PLAIN_QUESTION, testRule } from '../rule-tester.js';

/** A free-text question whose only criterion has the given `check` (line 15, column 12 of the bank). */
const withCheck = (check: string) =>
  bankYaml(`  - id: q1
    type: free-text
    sections: ["1"]
    prompt: Why?
    rubric:
      - id: c1
        text: Says why
        points: 1
        check: ${check}
`);

testRule(schema, {
  valid: [
    { name: 'a bank that matches the schema', files: { 'bank.yaml': bankYaml(PLAIN_QUESTION) } },
    {
      name: 'a concepts check: words, phrases and lists of alternatives, negated or not',
      files: { 'bank.yaml': withCheck('{concepts: [[stale, "out of date"], price], negated: true}') },
    },
  ],
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
    {
      name: 'an empty concepts list is reported on the list',
      files: { 'bank.yaml': withCheck('{concepts: []}') },
      problems: [{ at: 'bank.yaml:15:27', messageId: 'minItems' }],
    },
    {
      name: 'an empty list of alternatives is reported on it',
      files: { 'bank.yaml': withCheck('{concepts: [[stale], []]}') },
      problems: [{ at: 'bank.yaml:15:37', messageId: 'minItems' }],
    },
    {
      name: 'an empty expression is reported on it',
      files: { 'bank.yaml': withCheck('{concepts: [[stale, ""]]}') },
      problems: [{ at: 'bank.yaml:15:36', messageId: 'concept' }],
    },
    {
      name: 'an expression without a word is reported on it',
      files: { 'bank.yaml': withCheck('{concepts: ["  "]}') },
      problems: [{ at: 'bank.yaml:15:28', messageId: 'concept' }],
    },
    {
      name: 'negated must be true or false',
      files: { 'bank.yaml': withCheck('{concepts: [stale], negated: yes please}') },
      problems: [{ at: 'bank.yaml:15:45', messageId: 'type' }],
    },
    {
      name: 'concepts mixed with another check gets the summary of the check shapes',
      files: { 'bank.yaml': withCheck('{concepts: [stale], any: [old]}') },
      problems: [{ at: 'bank.yaml:15:16', messageId: 'oneOfCheck' }],
    },
  ],
});
