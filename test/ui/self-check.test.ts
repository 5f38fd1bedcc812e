import { render } from '@inquirer/testing';
import { describe, expect, it } from 'vitest';
import { ownAnswerText, selfAssessmentConfig } from '../../src/ui/answer-extras.js';
import { checkboxPrompt } from '../../src/ui/prompts/checkbox.js';
import { bankYaml, loadBank, question } from '../helpers.js';

const resolved = loadBank(
  bankYaml(`  - id: why
    type: free-text
    sections: ["1"]
    prompt: Why is the reply unsafe?
    model_answer: >-
      It walks the reader through mixing two cleaning products that release a toxic gas,
      with no warning at all.
    rubric:
      - {id: harm, text: Names the toxic gas risk, points: 1, check: self}
  - id: pick
    type: single-choice
    sections: ["1"]
    prompt: Which rating fits?
    model_answer: Fails to Meet, because the page never loads.
    options:
      - {id: a, text: Fails to Meet}
      - {id: b, text: Fully Meets}
    answer: a
    rubric:
      - {id: reason, text: Gives the reason, points: 1, check: self}
`),
);

const screen = { title: 'Test Bank', color: false, size: { columns: 60, rows: 40 } };

describe('the self-check screen', () => {
  it("shows the learner's own words above the model answer, sanitised and within 60 columns", async () => {
    const own = ownAnswerText(question(resolved, 'why'), {
      text:
        'Mixing bleach and ammonia makes chloramine gas\u001b[2J\u001b]0;pwned\u0007, ' +
        'which the reply never mentions as a danger.',
      self: [],
    });
    const { answer, events, getScreen } = await render(
      checkboxPrompt,
      selfAssessmentConfig(question(resolved, 'why'), screen, [], own),
    );
    const shown = getScreen();
    expect(shown).toMatch(/Your answer:\n {2}Mixing bleach and ammonia makes chloramine gas/);
    expect(shown).toMatch(/Model answer:\n {2}It walks the reader through mixing two cleaning/);
    expect(shown.indexOf('Your answer:')).toBeLessThan(shown.indexOf('Model answer:'));
    expect(shown).toContain('Names the toxic gas risk');
    expect(shown).not.toMatch(/\u001b|\u0007/);
    for (const line of shown.split('\n')) expect([...line].length).toBeLessThanOrEqual(60);
    // The wrapped answer keeps its indentation, so the two blocks stay apart.
    expect(shown).toMatch(/\n {2}\S.*\n {2}\S/);
    events.keypress('space');
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ kind: 'answer', value: ['harm'] });
  });

  it('shows the option picked, as on screen, with the rationale under it', async () => {
    const own = ownAnswerText(question(resolved, 'pick'), {
      answer: 'b',
      rationale: 'The page answers it.',
      self: [],
    });
    expect(own).toBe('b) Fully Meets\nThe page answers it.');
    const { answer, events, getScreen } = await render(
      checkboxPrompt,
      selfAssessmentConfig(question(resolved, 'pick'), screen, [], own),
    );
    expect(getScreen()).toMatch(
      /Your answer:\n {2}b\) Fully Meets\n {2}The page answers it\.\n\nModel answer:\n {2}Fails to Meet/,
    );
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ kind: 'answer', value: [] });
  });

  it('says so when nothing was written', () => {
    expect(ownAnswerText(question(resolved, 'why'), { text: '  ', self: [] })).toBe('not answered');
  });
});
