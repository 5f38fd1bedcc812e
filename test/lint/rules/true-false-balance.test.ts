import { trueFalseBalance } from '../../../src/lint/rules/true-false-balance.js';
import { bankYaml } from '../../helpers.js';
import { testRule } from '../rule-tester.js';

/** True-false questions keyed as given, in order. */
const keyed = (...answers: boolean[]) =>
  answers
    .map(
      (answer, i) => `  - id: t${i + 1}
    type: true-false
    sections: ["1"]
    prompt: Is statement ${i + 1} right?
    answer: ${answer}
`,
    )
    .join('');

const T = true;
const F = false;

testRule(trueFalseBalance, {
  valid: [
    { name: 'half of eight keyed true', files: { 'bank.yaml': bankYaml(keyed(T, F, T, F, T, F, T, F)) } },
    { name: '3 of 8 keyed true (37.5%)', files: { 'bank.yaml': bankYaml(keyed(T, F, F, T, F, F, T, F)) } },
    { name: '5 of 8 keyed true (62.5%)', files: { 'bank.yaml': bankYaml(keyed(T, T, F, T, F, T, F, T)) } },
    {
      name: 'fewer than 8 true-false questions, all true',
      files: { 'bank.yaml': bankYaml(keyed(T, T, T, T, T, T, T)) },
    },
  ],
  invalid: [
    {
      name: '2 of 8 keyed true (25%): always answering false pays',
      files: { 'bank.yaml': bankYaml(keyed(F, F, T, F, F, F, T, F)) },
      problems: [{ at: 'bank.yaml:6:1', severity: 'warning', messageId: 'lopsided' }],
    },
    {
      name: '7 of 10 keyed true (70%)',
      files: { 'bank.yaml': bankYaml(keyed(T, T, F, T, T, F, T, T, F, T)) },
      problems: [{ at: 'bank.yaml:6:1', messageId: 'lopsided' }],
    },
  ],
});
