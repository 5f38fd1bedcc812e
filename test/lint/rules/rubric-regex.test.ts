import { rubricRegex } from '../../../src/lint/rules/rubric-regex.js';
import { bankYaml } from '../../helpers.js';
import { PLAIN_QUESTION, testRule } from '../rule-tester.js';

const withPattern = (pattern: string) =>
  bankYaml(`${PLAIN_QUESTION}    model_answer: rule 1.r1 applies
    rubric:
      - id: c1
        text: Names the rule
        points: 1
        check: {matches: '${pattern}'}
`);

testRule(rubricRegex, {
  valid: [
    { name: 'a simple pattern', files: { 'bank.yaml': withPattern('rule\\s*1\\.r1') } },
    // The linear-time matcher runs nested repetition safely, so it is allowed.
    { name: 'nested repetition', files: { 'bank.yaml': withPattern('(a+)+b') } },
  ],
  invalid: [
    {
      name: 'a back-reference, which cannot be matched in linear time',
      files: { 'bank.yaml': withPattern('(a)\\1') },
      problems: [{ at: 'bank.yaml:20:26', severity: 'error', messageId: 'unsafe' }],
    },
    {
      name: 'a counted repetition above 16',
      files: { 'bank.yaml': withPattern('rule.{0,40}1') },
      problems: [{ at: 'bank.yaml:20:26', severity: 'error', messageId: 'unsafe' }],
    },
  ],
});
