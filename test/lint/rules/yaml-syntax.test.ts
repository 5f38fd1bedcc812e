import { yamlSyntax } from '../../../src/lint/rules/yaml-syntax.js';
import { bankYaml } from '../../helpers.js';
import { PLAIN_QUESTION, testRule } from '../rule-tester.js';

testRule(yamlSyntax, {
  valid: [{ name: 'a well-formed bank', files: { 'bank.yaml': bankYaml(PLAIN_QUESTION) } }],
  invalid: [
    {
      name: 'a key written twice is reported on the second one',
      files: {
        'bank.yaml': bankYaml(PLAIN_QUESTION).replace('title: Test Bank\n', 'title: Test Bank\ntitle: Again\n'),
      },
      problems: [{ at: 'bank.yaml:4:1', severity: 'error', messageId: 'DUPLICATE_KEY' }],
    },
    {
      name: 'a tab used for indentation',
      files: { 'bank.yaml': bankYaml(PLAIN_QUESTION).replace('    prompt: Pick one.', '\tprompt: Pick one.') },
      problems: [{ at: 'bank.yaml:10:1', messageId: 'TAB_AS_INDENT' }],
    },
    {
      name: 'an unclosed quote points at where it opens',
      files: { 'bank.yaml': bankYaml(PLAIN_QUESTION).replace('prompt: Pick one.', 'prompt: "Pick one.') },
      problems: [{ at: 'bank.yaml:10:13', messageId: 'unclosedQuote' }],
    },
  ],
});
