import { describe, expect, it } from 'vitest';
import { RULES } from '../../../src/lint/index.js';
import { bankYaml } from '../../helpers.js';
import { lintWithRule, lintWithRules, PLAIN_QUESTION } from '../rule-tester.js';

// Disable comments act on the other rules' problems, so these cases lint with every rule at once.

const giveaway = (comment: string) => `  - id: q1
    type: single-choice
    sections: ["1.1", "2", "3"]
    prompt: What do you do?
    options:
      - {id: a, text: Rate it lowest of all the grades}
${comment}      - {id: b, text: "Rate it medium, because the page answers the query but leaves out details"}
      - {id: c, text: Rate it highest of all the grades}
    answer: b
`;

function lintAll(files: Record<string, string>) {
  return lintWithRules(RULES, files).map((p) => `${p.at} ${p.ruleId}/${p.messageId}`);
}

describe('disable comments and rule unused-disable-directive', () => {
  it('valid: a disable-next-line comment silences the named warning and is used', () => {
    expect(
      lintAll({
        'bank.yaml': bankYaml(
          giveaway('      # qualify-lint-disable-next-line answer-giveaway -- padding is intended\n') +
            PLAIN_QUESTION.replace('q1', 'q2'),
        ),
      }),
    ).toEqual([]);
  });

  it('valid: a disable-line comment at the end of the line', () => {
    const bank = bankYaml(giveaway('').replace('details"}', 'details"}  # qualify-lint-disable-line'));
    expect(lintAll({ 'bank.yaml': bank })).toEqual([]);
  });

  it('invalid: without the comment the warning shows', () => {
    expect(lintAll({ 'bank.yaml': bankYaml(giveaway('')) })).toEqual(['bank.yaml:13:23 answer-giveaway/longest']);
  });

  it('invalid: a comment that silences nothing is reported where it stands', () => {
    expect(
      lintAll({
        'bank.yaml': bankYaml(
          `  # qualify-lint-disable-next-line near-duplicate\n${PLAIN_QUESTION.replace('["1"]', '["1.1", "2", "3"]')}`,
        ),
      }),
    ).toEqual(['bank.yaml:7:3 unused-disable-directive/unused']);
  });

  it('invalid: an error cannot be silenced, and the comment aimed at it is reported as unused', () => {
    const bank = bankYaml(
      PLAIN_QUESTION.replace('["1"]', '["1.1", "2", "3"]').replace(
        '    answer: a',
        '    # qualify-lint-disable-next-line answer-shape\n    answer: z',
      ),
    );
    expect(lintAll({ 'bank.yaml': bank })).toEqual([
      'bank.yaml:14:5 unused-disable-directive/unused',
      'bank.yaml:15:13 answer-shape/notAnOption',
    ]);
  });

  it('invalid: a comment naming a rule that does not exist', () => {
    const found = lintWithRule(
      RULES.find((r) => r.meta.id === 'unused-disable-directive')!,
      {
        'bank.yaml': bankYaml(
          `  # qualify-lint-disable-next-line no-such-rule\n${PLAIN_QUESTION.replace('["1"]', '["1.1", "2", "3"]')}`,
        ),
      },
    );
    expect(found).toEqual([
      {
        at: 'bank.yaml:7:3',
        severity: 'warning',
        ruleId: 'unused-disable-directive',
        messageId: 'unknownRule',
        message: '"no-such-rule" is not a lint rule id (see docs/rules/)',
      },
    ]);
  });
});
