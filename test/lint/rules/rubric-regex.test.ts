import { rubricRegex } from '../../../src/lint/rules/rubric-regex.js';
import { bankYaml } from '../../helpers.js';
import { PLAIN_QUESTION, testRule } from '../rule-tester.js';

const withPattern = (pattern: string) => bankYaml(`${PLAIN_QUESTION}    model_answer: rule 1.r1 applies
    rubric:
      - id: c1
        text: Names the rule
        points: 1
        check: {matches: '${pattern}'}
`);

testRule(rubricRegex, {
  valid: [{ name: 'a simple pattern', files: { 'bank.yaml': withPattern('rule\\s*1\\.r1') } }],
  invalid: [
    {
      name: 'nested repetition that could stall the scorer',
      files: { 'bank.yaml': withPattern('(a+)+b') },
      problems: [{ at: 'bank.yaml:20:26', severity: 'error', message: 'the pattern' }],
    },
  ],
});
