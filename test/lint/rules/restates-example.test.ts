import { restatesExample } from '../../../src/lint/rules/restates-example.js';
import { bankYaml } from '../../helpers.js';
import { testRule } from '../rule-tester.js';

const GUIDELINE = `kind: guideline
id: g
title: Test Guideline
version: 1.0.0
sections:
  - id: "1"
    title: Copied pages
    examples:
      - title: A copied product page
        body: The response copies the product page word for word and adds no comparison of its own.
        verdict: Rate it low, because copying adds nothing a reader could not find at the source.
`;

const question = (prompt: string, option = 'Rate it low') => `  - id: q1
    type: single-choice
    sections: ["1"]
    prompt: "${prompt}"
    options:
      - {id: a, text: "${option}"}
      - {id: b, text: Rate it high}
    answer: a
`;

const files = (bank: string) => ({ 'guideline.yaml': GUIDELINE, 'bank.yaml': bank });

testRule(restatesExample, {
  valid: [
    {
      name: 'a new case about the same rule',
      files: files(
        bankYaml(question('A travel answer pastes a hotel listing and says nothing else. How do you rate it?')),
      ),
    },
    {
      name: 'a short prompt (under 12 words) that borrows a phrase',
      files: files(bankYaml(question('It copies the product page word for word. Rating?'))),
    },
  ],
  invalid: [
    {
      name: 'a prompt that restates the example',
      files: files(
        bankYaml(
          question('The response copies the product page word for word and adds no comparison of its own. Rate it.'),
        ),
      ),
      problems: [{ at: 'bank.yaml:10:13', severity: 'warning', messageId: 'restates' }],
    },
    {
      name: 'an option that restates the verdict',
      files: files(
        bankYaml(question('What rating fits?', 'Rate it low, because copying adds nothing a reader could not find')),
      ),
      problems: [{ at: 'bank.yaml:12:23', messageId: 'restates' }],
    },
  ],
});
