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
        { at: 'bank.yaml:7:5', message: 'missing required field "answer"' },
        { at: 'bank.yaml:14:5', message: 'unknown field "answr"' },
      ],
    },
    {
      name: 'a malformed duration',
      files: { 'bank.yaml': bankYaml(PLAIN_QUESTION, 'exam:\n  time_limit: 25 minutes\n') },
      problems: [{ at: 'bank.yaml:7:15', message: 'is not a duration' }],
    },
    {
      name: 'an unknown question type',
      files: { 'bank.yaml': bankYaml(PLAIN_QUESTION.replace('single-choice', 'essay')) },
      problems: [{ at: 'bank.yaml:8:11', message: 'unknown question type "essay"' }],
    },
    {
      name: 'an unknown kind',
      files: { 'bank.yaml': bankYaml(PLAIN_QUESTION).replace('kind: bank', 'kind: quiz') },
      problems: [{ at: 'bank.yaml:1:7', message: 'kind: must be "bank" or "guideline"' }],
    },
    {
      name: 'an empty concepts list is reported on the list',
      files: { 'bank.yaml': withCheck('{concepts: []}') },
      problems: [{ at: 'bank.yaml:15:27', message: 'check.concepts: needs at least 1 item' }],
    },
    {
      name: 'an empty list of alternatives is reported on it',
      files: { 'bank.yaml': withCheck('{concepts: [[stale], []]}') },
      problems: [{ at: 'bank.yaml:15:37', message: 'check.concepts[1]: needs at least 1 item' }],
    },
    {
      name: 'an empty expression is reported on it',
      files: { 'bank.yaml': withCheck('{concepts: [[stale, ""]]}') },
      problems: [{ at: 'bank.yaml:15:36', message: 'check.concepts[0][1]: must not be empty' }],
    },
    {
      name: 'an expression without a word is reported on it',
      files: { 'bank.yaml': withCheck('{concepts: ["  "]}') },
      problems: [{ at: 'bank.yaml:15:28', message: 'check.concepts[0]: must not be empty' }],
    },
    {
      name: 'negated must be true or false',
      files: { 'bank.yaml': withCheck('{concepts: [stale], negated: yes please}') },
      problems: [{ at: 'bank.yaml:15:45', message: 'check.negated: must be true or false' }],
    },
    {
      name: 'concepts mixed with another check gets the summary of the check shapes',
      files: { 'bank.yaml': withCheck('{concepts: [stale], any: [old]}') },
      problems: [{ at: 'bank.yaml:15:16', message: 'or {concepts: [[word, phrase], ...]}' }],
    },
  ],
});
