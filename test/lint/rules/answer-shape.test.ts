import { answerShape } from '../../../src/lint/rules/answer-shape.js';
import { bankYaml } from '../../helpers.js';
import { PLAIN_QUESTION, testRule } from '../rule-tester.js';

const labelEach = (answer: string) => `  - id: l1
    type: label-each
    sections: ["1"]
    prompt: Label each.
    items:
      - {id: i1, text: Great product}
      - {id: i2, text: Broke in a day}
    labels: [Positive, Negative]
    answer: ${answer}
`;

const ranking = (answer: string) => `  - id: k1
    type: ranking
    sections: ["1"]
    prompt: Rank them.
    items:
      - {id: x, text: First}
      - {id: y, text: Second}
      - {id: w, text: Third}
    answer: ${answer}
`;

testRule(answerShape, {
  valid: [
    { name: 'a single-choice answer among the options', files: { 'bank.yaml': bankYaml(PLAIN_QUESTION) } },
    { name: 'a label for every item', files: { 'bank.yaml': bankYaml(labelEach('{i1: Positive, i2: Negative}')) } },
    { name: 'a ranking of every item', files: { 'bank.yaml': bankYaml(ranking('[y, x, w]')) } },
  ],
  invalid: [
    {
      name: 'an option id that does not exist',
      files: { 'bank.yaml': bankYaml(PLAIN_QUESTION.replace('answer: a', 'answer: z')) },
      problems: [{ at: 'bank.yaml:14:13', messageId: 'notAnOption' }],
    },
    {
      name: 'a label that is not one of the labels',
      files: { 'bank.yaml': bankYaml(labelEach('{i1: Positive, i2: Neutral}')) },
      problems: [{ at: 'bank.yaml:15:32', messageId: 'unknownLabel' }],
    },
    {
      name: 'an item left without a label',
      files: { 'bank.yaml': bankYaml(labelEach('{i1: Positive}')) },
      problems: [{ at: 'bank.yaml:15:13', messageId: 'unlabelled' }],
    },
    {
      name: 'a ranking that leaves an item out',
      files: { 'bank.yaml': bankYaml(ranking('[y, x]')) },
      problems: [{ at: 'bank.yaml:15:13', messageId: 'rankingMissing' }],
    },
  ],
});
