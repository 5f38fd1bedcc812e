import { rubricPoints } from '../../../src/lint/rules/rubric-points.js';
import { bankYaml } from '../../helpers.js';
import { PLAIN_QUESTION, testRule } from '../rule-tester.js';

const freeText = (rubric: string) => `  - id: f1
    type: free-text
    sections: ["1"]
    prompt: Explain.
    model_answer: It depends on intent.
    rubric:
${rubric}`;

testRule(rubricPoints, {
  valid: [
    {
      name: 'a free-text question that can earn points',
      files: {
        'bank.yaml': bankYaml(freeText('      - {id: c1, text: Names intent, points: 1, check: {any: [intent]}}\n')),
      },
    },
    {
      name: 'a critical pitfall with negative points',
      files: {
        'bank.yaml': bankYaml(
          PLAIN_QUESTION + '    rubric:\n      - {id: p1, text: Unsafe, points: -1, critical: true, check: self}\n',
        ),
      },
    },
  ],
  invalid: [
    {
      name: 'a free-text question whose criteria are all pitfalls can earn nothing',
      files: { 'bank.yaml': bankYaml(freeText('      - {id: c1, text: Rude, points: -1, check: self}\n')) },
      problems: [{ at: 'bank.yaml:13:7', severity: 'error', messageId: 'freeTextEarnsNothing' }],
    },
    {
      name: 'a critical criterion without points',
      files: {
        'bank.yaml': bankYaml(
          PLAIN_QUESTION + '    rubric:\n      - {id: c1, text: Flags it, points: 0, critical: true, check: self}\n',
        ),
      },
      problems: [{ at: 'bank.yaml:16:42', severity: 'error', messageId: 'criticalWithoutPoints' }],
    },
    {
      name: 'a criterion worth 0 that is not critical is dead weight (warning)',
      files: {
        'bank.yaml': bankYaml(
          PLAIN_QUESTION + '    rubric:\n      - {id: c1, text: Flags it, points: 0, check: self}\n',
        ),
      },
      problems: [{ at: 'bank.yaml:16:42', severity: 'warning', messageId: 'zeroPoints' }],
    },
  ],
});
