import { sectionCoverage } from '../../../src/lint/rules/section-coverage.js';
import { bankYaml } from '../../helpers.js';
import { PLAIN_QUESTION, testRule } from '../rule-tester.js';

const testing = (id: string, sections: string) =>
  PLAIN_QUESTION.replace('id: q1', `id: ${id}`).replace('["1"]', sections);

testRule(sectionCoverage, {
  valid: [
    {
      name: 'every section tested (a subsection covers its parent)',
      files: { 'bank.yaml': bankYaml(testing('q1', '["1.1"]') + testing('q2', '["2", "3"]')) },
    },
    { name: 'a guideline without any bank is a draft, not a gap', files: {} },
  ],
  invalid: [
    {
      name: 'sections no question tests, on each section',
      files: { 'bank.yaml': bankYaml(testing('q1', '["1"]')) },
      problems: [
        { at: 'guideline.yaml:13:9', severity: 'warning', messageId: 'untested' },
        { at: 'guideline.yaml:14:5', messageId: 'untested' },
        { at: 'guideline.yaml:16:5', messageId: 'untested' },
      ],
    },
  ],
});
