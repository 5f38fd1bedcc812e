import { nearDuplicate } from '../../../src/lint/rules/near-duplicate.js';
import { bankYaml } from '../../helpers.js';
import { testRule } from '../rule-tester.js';

const question = (id: string, prompt: string) => `  - id: ${id}
    type: true-false
    sections: ["1"]
    prompt: ${prompt}
    answer: true
`;

const A =
  'A page that copies another site word for word, adds no value of its own and hides the source it took the text ' +
  'from deserves the lowest quality rating.';

testRule(nearDuplicate, {
  valid: [
    {
      name: 'different questions',
      files: {
        'bank.yaml': bankYaml(
          question('q1', A) + question('q2', 'Ads that cover the main content make the page hard to use on a phone.'),
        ),
      },
    },
    {
      name: 'short prompts that happen to match',
      files: { 'bank.yaml': bankYaml(question('q1', 'Is this spam?') + question('q2', 'Is this spam?')) },
    },
  ],
  invalid: [
    {
      name: 'the same question reworded by one word, reported on the later one',
      files: { 'bank.yaml': bankYaml(question('q1', A) + question('q2', A.replace('deserves', 'gets'))) },
      problems: [{ at: 'bank.yaml:15:13', severity: 'warning', messageId: 'nearDuplicate' }],
    },
  ],
});
