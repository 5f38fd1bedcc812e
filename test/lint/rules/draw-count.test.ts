import { drawCount } from '../../../src/lint/rules/draw-count.js';
import { bankYaml } from '../../helpers.js';
import { PLAIN_QUESTION, testRule } from '../rule-tester.js';

testRule(drawCount, {
  valid: [
    {
      name: 'draw equal to the question count',
      files: { 'bank.yaml': bankYaml(PLAIN_QUESTION, 'exam:\n  draw: 1\n') },
    },
    { name: 'no draw: every question', files: { 'bank.yaml': bankYaml(PLAIN_QUESTION) } },
  ],
  invalid: [
    {
      name: 'draw larger than the bank',
      files: { 'bank.yaml': bankYaml(PLAIN_QUESTION, 'exam:\n  draw: 5\n') },
      problems: [{ at: 'bank.yaml:7:9', severity: 'error', messageId: 'tooMany' }],
    },
  ],
});
