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
    {
      name: 'a list never closed points at its [ and says which bracket to add, not at the line after',
      files: { 'bank.yaml': bankYaml(PLAIN_QUESTION).replace('sections: ["1"]', 'sections: ["1", "2"') },
      problems: [
        { at: 'bank.yaml:9:15', messageId: 'unclosedBracket', message: /list opened with \[ is never closed; add \]/ },
      ],
    },
    {
      name: 'a list closed further on, with a line indented too little, is an indentation problem',
      files: {
        'bank.yaml': bankYaml(PLAIN_QUESTION).replace('sections: ["1"]', 'sections: [\n    "1",\n    "2"\n    ]'),
      },
      problems: [{ at: 'bank.yaml:10:5', messageId: 'BAD_INDENT' }],
    },
    {
      name: 'an inline mapping closed on a line indented too little is not called unclosed',
      files: {
        'bank.yaml': bankYaml(PLAIN_QUESTION).replace(
          '      - {id: a, text: Alpha}',
          '      - {id: a,\n      text: Alpha}',
        ),
      },
      problems: [
        { at: 'bank.yaml:13:7', messageId: 'BAD_INDENT' },
        { at: 'bank.yaml:14:14', messageId: 'BLOCK_AS_IMPLICIT_KEY' },
      ],
    },
    {
      name: 'brackets inside quoted text and comments do not close a list',
      files: {
        'bank.yaml': bankYaml(PLAIN_QUESTION).replace('sections: ["1"]', `sections: ["it's [1]", 'a ]' # ]`),
      },
      problems: [
        { at: 'bank.yaml:9:15', messageId: 'unclosedBracket', message: /list opened with \[ is never closed/ },
      ],
    },
    {
      name: 'an inline mapping never closed, on the last line of the file',
      files: { 'bank.yaml': `${bankYaml(PLAIN_QUESTION)}    meta: {source: notes, reviewed: true\n` },
      problems: [
        {
          at: 'bank.yaml:15:11',
          messageId: 'unclosedBracket',
          message: /mapping opened with \{ is never closed; add \}/,
        },
      ],
    },
  ],
});
