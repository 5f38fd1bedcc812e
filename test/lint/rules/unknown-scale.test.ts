import { unknownScale } from '../../../src/lint/rules/unknown-scale.js';
import { bankYaml } from '../../helpers.js';
import { testRule } from '../rule-tester.js';

const rating = (scale: string, answer = 'High') => `  - id: r1
    type: rating
    sections: ["2"]
    prompt: Rate it.
    scale: ${scale}
    answer: ${answer}
`;

testRule(unknownScale, {
  valid: [
    { name: 'a scale of the guideline', files: { 'bank.yaml': bankYaml(rating('quality')) } },
    { name: 'an inline scale', files: { 'bank.yaml': bankYaml(rating('[Low, High]')) } },
  ],
  invalid: [
    {
      name: 'a scale name the guideline does not define',
      files: { 'bank.yaml': bankYaml(rating('qualty')) },
      problems: [{ at: 'bank.yaml:11:12', messageId: 'notDefinedAmong' }],
    },
  ],
});
