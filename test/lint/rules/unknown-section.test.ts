import { unknownSection } from '../../../src/lint/rules/unknown-section.js';
import { bankYaml } from '../../helpers.js';
import { PLAIN_QUESTION, testRule } from '../rule-tester.js';

testRule(unknownSection, {
  valid: [
    {
      name: 'a subsection of the guideline',
      files: { 'bank.yaml': bankYaml(PLAIN_QUESTION.replace('["1"]', '["1.1"]')) },
    },
    {
      name: 'section minimums naming real sections',
      files: { 'bank.yaml': bankYaml(PLAIN_QUESTION, 'exam:\n  section_minimums: {"1": 70}\n') },
    },
  ],
  invalid: [
    {
      name: 'a question section missing from the guideline',
      files: { 'bank.yaml': bankYaml(PLAIN_QUESTION.replace('["1"]', '["1", "9"]')) },
      problems: [{ at: 'bank.yaml:9:21', messageId: 'notInGuideline' }],
    },
    {
      name: 'a criterion section missing from the guideline',
      files: {
        'bank.yaml': bankYaml(
          PLAIN_QUESTION + '    rubric:\n      - {id: c1, text: One, points: 1, check: self, sections: ["7"]}\n',
        ),
      },
      problems: [{ at: 'bank.yaml:16:64', messageId: 'notInGuideline' }],
    },
    {
      name: 'section_minimums naming a section that does not exist, on its key',
      files: { 'bank.yaml': bankYaml(PLAIN_QUESTION, 'exam:\n  section_minimums:\n    "8": 70\n') },
      problems: [{ at: 'bank.yaml:8:5', messageId: 'notInGuideline' }],
    },
  ],
});
