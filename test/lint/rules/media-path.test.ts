import { mediaPath } from '../../../src/lint/rules/media-path.js';
import { bankYaml } from '../../helpers.js';
import { PLAIN_QUESTION, testRule } from '../rule-tester.js';

const withMedia = (path: string) => bankYaml(`${PLAIN_QUESTION}    media:\n      - {path: ${path}, alt: A chart}\n`);

testRule(mediaPath, {
  valid: [
    { name: 'a file beside the bank', files: { 'bank.yaml': withMedia('img/chart.svg'), 'img/chart.svg': '<svg/>' } },
  ],
  invalid: [
    {
      name: 'a path that leaves the bank folder',
      files: { 'bank.yaml': withMedia('../secret.txt') },
      problems: [{ at: 'bank.yaml:16:16', severity: 'error', messageId: 'leavesFolder' }],
    },
    {
      name: 'a file that does not exist (warning)',
      files: { 'bank.yaml': withMedia('img/missing.png') },
      problems: [{ at: 'bank.yaml:16:16', severity: 'warning', messageId: 'missing' }],
    },
  ],
});
