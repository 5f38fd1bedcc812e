import { keyScoresFull } from '../../../src/lint/rules/key-scores-full.js';
import { bankYaml } from '../../helpers.js';
import { PLAIN_QUESTION, testRule } from '../rule-tester.js';

const freeText = (modelAnswer: string, check: string, points = 1) => `  - id: f1
    type: free-text
    sections: ["1"]
    prompt: Why is the page rated low?
    model_answer: ${modelAnswer}
    rubric:
      - {id: keep, text: Says something, points: 1, check: self}
      - {id: c1, text: The criterion, points: ${points}, check: ${check}}
`;

testRule(keyScoresFull, {
  valid: [
    { name: 'a choice key with no extra criteria', files: { 'bank.yaml': bankYaml(PLAIN_QUESTION) } },
    {
      name: 'a model answer that meets its any-check',
      files: { 'bank.yaml': bankYaml(freeText('The page is spam.', '{any: [spam]}')) },
    },
    {
      name: 'a pitfall the model answer avoids',
      files: { 'bank.yaml': bankYaml(freeText('The page is spam.', '{any: [great]}', -1)) },
    },
  ],
  invalid: [
    {
      name: 'a model answer that misses its own criterion',
      files: { 'bank.yaml': bankYaml(freeText('The page is thin.', '{any: [spam]}')) },
      problems: [
        {
          at: 'bank.yaml:14:57',
          severity: 'error',
          messageId: 'missedCriterion',
        },
      ],
    },
    {
      name: 'a model answer that commits a pitfall',
      files: { 'bank.yaml': bankYaml(freeText('The page is great spam.', '{any: [great]}', -1)) },
      problems: [{ at: 'bank.yaml:14:58', messageId: 'committedPitfall' }],
    },
    {
      name: 'a choice question whose rationale misses a matches-check',
      files: {
        'bank.yaml': bankYaml(
          `${PLAIN_QUESTION}    model_answer: Alpha fits.\n    rubric:\n` +
            "      - {id: r1, text: Cites the rule, points: 1, check: {matches: 'rule 1'}}\n",
        ),
      },
      problems: [{ at: 'bank.yaml:17:58', messageId: 'missedCriterion' }],
    },
  ],
});
