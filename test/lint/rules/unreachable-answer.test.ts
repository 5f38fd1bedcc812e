import { unreachableAnswer } from '../../../src/lint/rules/unreachable-answer.js';
import { bankYaml } from '../../helpers.js';
import { testRule } from '../rule-tester.js';

const short = (accept: string, extra = '') =>
  bankYaml(`  - {id: q1, type: short-answer, sections: ["1"], prompt: P, accept: ${accept}${extra}}\n`);
const numeric = (accept: string) =>
  bankYaml(`  - {id: q1, type: numeric, sections: ["1"], prompt: P, accept: ${accept}}\n`);

testRule(unreachableAnswer, {
  valid: [
    {
      name: 'a catch-all last, for its feedback',
      files: {
        'bank.yaml': short('[{text: no one}, {text: "no*", credit: 0.5}, {text: "*", credit: 0, feedback: Not that.}]'),
      },
    },
    {
      name: 'a case variant when case matters',
      files: { 'bank.yaml': short('[{text: NaCl}, {text: nacl, credit: 0.5}]', ', case_sensitive: true') },
    },
    {
      name: 'a wider range after a narrow one',
      files: { 'bank.yaml': numeric('[{value: 1822}, {value: 1822, tolerance: 2, credit: 0.5}]') },
    },
  ],
  invalid: [
    {
      name: 'an answer after a catch-all',
      files: { 'bank.yaml': short('[{text: "*", credit: 0}, {text: no one}]') },
      problems: [
        {
          at: 'bank.yaml:7:95',
          severity: 'warning',
          messageId: 'text',
        },
      ],
    },
    {
      name: 'an answer an earlier pattern matches, in any letter case',
      files: { 'bank.yaml': short('[{text: "nob*"}, {text: Nobody, credit: 0.5}]') },
      problems: [{ at: 'bank.yaml:7:87', messageId: 'text' }],
    },
    {
      name: 'a number range inside an earlier one',
      files: { 'bank.yaml': numeric('[{value: 1822, tolerance: 2}, {value: 1822, credit: 0.5}]') },
      problems: [{ at: 'bank.yaml:7:95', messageId: 'number' }],
    },
  ],
});
