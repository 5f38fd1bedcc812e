import { shortDistractor } from '../../../src/lint/rules/short-distractor.js';
import { bankYaml } from '../../helpers.js';
import { testRule } from '../rule-tester.js';

const KEY = 'Rate it lowest: the page copies another site word for word'; // 58 characters

const choice = (type: string, answer: string, ...options: string[]) => `  - id: q1
    type: ${type}
    sections: ["1"]
    prompt: What rating fits?
    options:
${options.map((text, i) => `      - {id: ${'abcd'[i]}, text: "${text}"}\n`).join('')}    answer: ${answer}
`;

testRule(shortDistractor, {
  valid: [
    {
      name: 'every wrong option at least a third of the key',
      files: {
        'bank.yaml': bankYaml(choice('single-choice', 'a', KEY, 'Rate it high: it answers', 'Rate it medium, in part')),
      },
    },
    {
      name: 'a key under 40 characters',
      files: { 'bank.yaml': bankYaml(choice('single-choice', 'a', 'Rate it lowest: copied', 'High', 'Low')) },
    },
  ],
  invalid: [
    {
      name: 'a wrong option under a third of the key',
      files: { 'bank.yaml': bankYaml(choice('single-choice', 'a', KEY, 'Rate it high', 'Rate it medium, in part')) },
      problems: [{ at: 'bank.yaml:13:23', severity: 'warning', messageId: 'tooShort' }],
    },
    {
      name: 'multi-select: measured against the longest keyed option',
      files: {
        'bank.yaml': bankYaml(
          choice('multi-select', '[a, b]', KEY, 'It is copied', 'Rate it high', 'Rate it medium, in part'),
        ),
      },
      problems: [{ at: 'bank.yaml:14:23', messageId: 'tooShort' }],
    },
  ],
});
