import { unknownGuideline } from '../../../src/lint/rules/unknown-guideline.js';
import { bankYaml } from '../../helpers.js';
import { PLAIN_QUESTION, testRule } from '../rule-tester.js';

testRule(unknownGuideline, {
  valid: [{ name: 'the guideline exists', files: { 'bank.yaml': bankYaml(PLAIN_QUESTION) } }],
  invalid: [
    {
      name: 'a guideline id that no file has',
      files: { 'bank.yaml': bankYaml(PLAIN_QUESTION).replace('guideline: g', 'guideline: gg') },
      problems: [{ at: 'bank.yaml:4:12', messageId: 'notFoundAmong' }],
    },
  ],
});
