import { unknownRule } from '../../../src/lint/rules/unknown-rule.js';
import { bankYaml } from '../../helpers.js';
import { PLAIN_QUESTION, testRule } from '../rule-tester.js';

testRule(unknownRule, {
  valid: [
    { name: 'a rule of the guideline', files: { 'bank.yaml': bankYaml(PLAIN_QUESTION + '    rules: ["1.r1"]\n') } },
  ],
  invalid: [
    {
      name: 'a rule the guideline does not have',
      files: { 'bank.yaml': bankYaml(PLAIN_QUESTION + '    rules: ["1.r1", "2.r9"]\n') },
      problems: [{ at: 'bank.yaml:15:21', messageId: 'notInGuideline' }],
    },
  ],
});
