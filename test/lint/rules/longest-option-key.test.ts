import { longestOptionKey } from '../../../src/lint/rules/longest-option-key.js';
import { bankYaml } from '../../helpers.js';
import { testRule } from '../rule-tester.js';

/** A single-choice question whose key is `b`, the longest option (`long`) or one of equal length. */
const question = (id: string, long: boolean) => `  - id: ${id}
    type: single-choice
    sections: ["1"]
    prompt: Which rating fits case ${id}?
    options:
      - {id: a, text: "Rate it low, it misses the query"}
      - {id: b, text: "Rate it high, it answers the query${long ? ' fully and cites it' : ''}"}
      - {id: c, text: "Rate it medium, it answers in part"}
    answer: b
`;

const bank = (...longest: boolean[]) => bankYaml(longest.map((long, i) => question(`q${i + 1}`, long)).join(''));

testRule(longestOptionKey, {
  valid: [
    { name: 'the key longest in 2 of 5 (40%)', files: { 'bank.yaml': bank(true, false, true, false, false) } },
    { name: 'the key never clearly longest', files: { 'bank.yaml': bank(false, false, false, false, false) } },
    { name: 'fewer than 5 single-choice questions', files: { 'bank.yaml': bank(true, true, true, true) } },
  ],
  invalid: [
    {
      name: 'the key longest in 3 of 5 (60%)',
      files: { 'bank.yaml': bank(true, false, true, false, true) },
      problems: [{ at: 'bank.yaml:6:1', severity: 'warning', messageId: 'tooOften' }],
    },
  ],
});
