import { render } from '@inquirer/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatRemaining } from '../../src/ui/countdown.js';
import { checkboxPrompt } from '../../src/ui/prompts/checkbox.js';
import { choicePrompt } from '../../src/ui/prompts/choice.js';
import { pagerPrompt } from '../../src/ui/prompts/pager.js';
import { reorderPrompt } from '../../src/ui/prompts/reorder.js';
import { textPrompt } from '../../src/ui/prompts/text.js';

const screen = { title: 'Test Bank', body: 'Which is right?', color: false, size: { columns: 80, rows: 30 } };
const exam = { back: true, skip: true, flag: true, review: true, quitHint: true };

afterEach(() => {
  vi.useRealTimers();
});

describe('choice prompt (single choice, true/false, scales, label-each items, menus)', () => {
  it('answers with the option under the cursor', async () => {
    const { answer, events, getScreen } = await render(choicePrompt, {
      screen,
      choices: [
        { value: 'a', label: 'a) First' },
        { value: 'b', label: 'b) Second' },
      ],
    });
    expect(getScreen()).toContain('❯ a) First');
    events.keypress('down');
    expect(getScreen()).toContain('❯ b) Second');
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ kind: 'answer', value: 'b' });
  });

  it('shows scale steps in order with their position and marks the answer given', async () => {
    const { answer, events, getScreen } = await render(choicePrompt, {
      screen,
      choices: ['Low', 'Medium', 'High'].map((label, i) => ({ value: label, label, note: `${i + 1}/3` })),
      given: 'Medium',
    });
    expect(getScreen()).toMatch(/ {2}Low 1\/3\n❯●Medium 2\/3\n {2}High 3\/3/);
    events.keypress('3');
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ kind: 'answer', value: 'High' });
  });

  it('with noPreselection, shows no cursor and refuses Enter until a choice is picked', async () => {
    const { answer, events, getScreen } = await render(choicePrompt, {
      screen,
      noPreselection: true,
      choices: ['low', 'medium', 'high'].map((value) => ({ value, label: value })),
    });
    expect(getScreen()).not.toContain('❯');
    events.keypress('enter');
    expect(getScreen()).toContain('Pick one first');
    events.keypress('up'); // from nothing, ↑ lands on the last
    expect(getScreen()).toContain('❯ high');
    events.keypress('2');
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ kind: 'answer', value: 'medium' });
  });

  it('chooses at once with a menu key (Esc goes back)', async () => {
    const { answer, events } = await render(choicePrompt, {
      screen,
      keys: { escape: 'back' },
      choices: [
        { value: 'go', label: 'Go' },
        { value: 'back', label: 'Back' },
      ],
    });
    events.keypress('escape');
    await expect(answer).resolves.toEqual({ kind: 'answer', value: 'back' });
  });

  it('leaves the question with the offered moves, carrying the selection on screen', async () => {
    const { answer, events, getScreen } = await render(choicePrompt, {
      screen,
      nav: exam,
      choices: [
        { value: 'a', label: 'A' },
        { value: 'b', label: 'B' },
      ],
    });
    expect(getScreen()).toContain('← back · → skip · f flag · r review & submit · Ctrl+C save & quit');
    events.keypress('down');
    events.keypress('f');
    await expect(answer).resolves.toEqual({ kind: 'flag', draft: 'b' });
  });

  it('ignores moves that are not offered (no going back in a sequential exam)', async () => {
    const { answer, events, getScreen } = await render(choicePrompt, {
      screen,
      nav: { skip: true },
      choices: [{ value: 'a', label: 'A' }],
    });
    expect(getScreen()).not.toContain('← back');
    events.keypress('left');
    events.keypress('g');
    events.keypress('right');
    await expect(answer).resolves.toEqual({ kind: 'skip', draft: 'a' });
  });

  it('cannot be answered once the question is closed', async () => {
    const { answer, events, getScreen } = await render(choicePrompt, {
      screen,
      nav: { skip: true },
      readOnly: true,
      choices: [{ value: 'a', label: 'A' }],
    });
    expect(getScreen()).toContain("This question's own time is up");
    events.keypress('enter');
    events.keypress('right');
    await expect(answer).resolves.toEqual({ kind: 'skip', draft: 'a' });
  });

  it('never prints control characters from bank text', async () => {
    const { answer, events, getScreen } = await render(choicePrompt, {
      screen: { ...screen, title: 'T\u001b]0;pwned\u0007' },
      choices: [{ value: 'a', label: 'Evil \u001b[2J\u001b[31mred' }],
    });
    const raw = getScreen({ raw: true });
    expect(raw).not.toContain('\u001b[2J');
    expect(raw).not.toContain('\u001b]0;');
    expect(getScreen()).toContain('Evil ��red');
    events.keypress('enter');
    await answer;
  });

  it('cuts a body too long for the screen and offers the whole question', async () => {
    const long = Array.from({ length: 40 }, (_, i) => `line ${i + 1}`).join('\n');
    const { answer, events, getScreen } = await render(choicePrompt, {
      screen: { ...screen, body: long, size: { columns: 80, rows: 16 } },
      nav: { view: true },
      choices: [{ value: 'a', label: 'A' }],
    });
    const shown = getScreen();
    expect(shown.split('\n').length).toBeLessThanOrEqual(15);
    expect(shown).toMatch(/… lines 1-\d+ of 40 · j\/k or PgDn\/PgUp scroll · v read it all/);
    events.keypress('v');
    await expect(answer).resolves.toEqual({ kind: 'view', draft: 'a' });
  });

  it('scrolls a long body with j/k and PgDn/PgUp while the choices stay on screen', async () => {
    const long = Array.from({ length: 40 }, (_, i) => `line ${i + 1}`).join('\n');
    const choices = ['Much better', 'Better', 'Same', 'Worse', 'Much worse'].map((label) => ({ value: label, label }));
    const { answer, events, getScreen } = await render(choicePrompt, {
      screen: { ...screen, body: long, size: { columns: 80, rows: 20 } },
      nav: { view: true },
      choices,
    });
    const lines = () => getScreen().split('\n');
    const page = () =>
      lines()
        .filter((line) => /^line \d+$/.test(line))
        .map((line) => Number(line.slice(5)));
    expect(page()[0]).toBe(1);
    const size = page().length;
    events.keypress('j');
    expect(page()[0]).toBe(2);
    events.keypress('k');
    expect(page()[0]).toBe(1);
    events.keypress('pagedown');
    expect(page()[0]).toBe(size); // a page on, keeping its last line
    for (let i = 0; i < 10; i++) events.keypress('pagedown');
    expect(page().at(-1)).toBe(40);
    expect(getScreen()).toContain(`lines ${41 - size}-40 of 40`);
    events.keypress('pageup');
    expect(page().at(-1)).toBe(40 - size + 1);
    // The choices never left the screen, and the cursor still answers.
    for (const label of ['Much better', 'Better', 'Same', 'Worse', 'Much worse']) expect(getScreen()).toContain(label);
    expect(lines().length).toBeLessThanOrEqual(19);
    events.keypress('down');
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ kind: 'answer', value: 'Better' });
  });
});

describe('checkbox prompt (multi-select, self-assessment)', () => {
  it('ticks with Space and answers in the list order', async () => {
    const { answer, events, getScreen } = await render(checkboxPrompt, {
      screen,
      choices: ['a', 'b', 'c'].map((v) => ({ value: v, label: `${v}) option` })),
    });
    events.keypress('down');
    events.keypress('down');
    events.keypress('space');
    events.keypress('up');
    events.keypress('up');
    events.keypress('space');
    expect(getScreen()).toMatch(/◉ a\) option\n ◯ b\) option\n ◉ c\) option/);
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ kind: 'answer', value: ['a', 'c'] });
  });
});

describe('reorder prompt (ranking)', () => {
  it('grabs an item with Space, carries it, and answers first to last', async () => {
    const { answer, events, getScreen } = await render(reorderPrompt, {
      screen,
      items: ['x', 'y', 'z'].map((v) => ({ value: v, label: v.toUpperCase() })),
    });
    events.keypress('down');
    events.keypress('down');
    events.keypress('space');
    events.keypress('up');
    events.keypress('up');
    events.keypress('space');
    expect(getScreen()).toMatch(/1\. Z[\s\S]*2\. X[\s\S]*3\. Y/);
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ kind: 'answer', value: ['z', 'x', 'y'] });
  });
});

describe('text prompt (free text, rationales)', () => {
  it('takes several lines and finishes on an empty line', async () => {
    const { answer, events, getScreen } = await render(textPrompt, { screen });
    events.type('First line');
    events.keypress('enter');
    events.type('Second');
    expect(getScreen()).toContain('First line');
    events.keypress('enter');
    events.keypress('enter');
    await expect(answer).resolves.toBe('First line\nSecond');
  });

  it('scrolls a long question with PgDn/PgUp while typing; j and k are typed, not scrolled', async () => {
    const long = Array.from({ length: 40 }, (_, i) => `line ${i + 1}`).join('\n');
    const { answer, events, getScreen } = await render(textPrompt, {
      screen: { ...screen, body: long, size: { columns: 80, rows: 20 } },
    });
    const first = () =>
      getScreen()
        .split('\n')
        .find((line) => /^line \d+$/.test(line));
    expect(first()).toBe('line 1');
    expect(getScreen()).toMatch(/lines 1-\d+ of 40 · PgDn\/PgUp scroll/);
    events.type('jk');
    expect(first()).toBe('line 1');
    events.keypress('pagedown');
    expect(first()).not.toBe('line 1');
    events.keypress('pageup');
    expect(first()).toBe('line 1');
    events.keypress('enter');
    events.keypress('enter');
    await expect(answer).resolves.toBe('jk');
  });

  it('carries on at the end of the draft; Backspace on an empty line goes back to edit the line above', async () => {
    const { answer, events } = await render(textPrompt, { screen, draft: 'Keep\nFix me' });
    events.keypress('backspace');
    events.keypress('backspace');
    events.keypress('backspace');
    events.type('ed'); // on the draft's last line: "Fix me" becomes "Fixed"
    events.keypress('enter'); // a new, empty line
    events.keypress('backspace'); // back to the end of "Fixed"
    events.type('!');
    events.keypress('enter');
    events.keypress('enter');
    await expect(answer).resolves.toBe('Keep\nFixed!');
  });
});

describe('pager (guideline sections, feedback, long reports)', () => {
  it('scrolls a long text a page at a time and closes with q', async () => {
    const text = Array.from({ length: 100 }, (_, i) => `row ${i + 1}`).join('\n');
    const { answer, events, getScreen } = await render(pagerPrompt, {
      screen: { color: false, size: { columns: 80, rows: 12 } },
      text,
    });
    expect(getScreen()).toContain('row 1\n');
    expect(getScreen()).toContain('lines 1-9 of 100');
    events.keypress('pagedown');
    expect(getScreen()).toContain('lines 9-17 of 100');
    events.keypress('end');
    expect(getScreen()).toContain('row 100');
    events.keypress('q');
    await answer;
  });
});

describe('countdown', () => {
  it('formats the time left as a clock', () => {
    expect(formatRemaining(45 * 60_000)).toBe('45:00');
    expect(formatRemaining(61_500)).toBe('1:02');
    expect(formatRemaining(3_723_000)).toBe('1:02:03');
    expect(formatRemaining(-5)).toBe('0:00');
  });

  it('redraws every second while the prompt waits, for the exam and the question', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let now = 0;
    const { answer, events, getScreen } = await render(choicePrompt, {
      screen: {
        ...screen,
        clock: () => now,
        status: { number: 7, total: 20, flagged: 2, deadlineAt: 10 * 60_000, questionDeadlineAt: 45_000 },
      },
      choices: [{ value: 'a', label: 'A' }],
    });
    expect(getScreen()).toContain('Question 7/20 · 2 flagged · 10:00 left · this question 0:45');
    now = 1000;
    vi.advanceTimersByTime(1000);
    expect(getScreen()).toContain('Question 7/20 · 2 flagged · 9:59 left · this question 0:44');
    now = 3000;
    vi.advanceTimersByTime(2000);
    expect(getScreen()).toContain('9:57 left · this question 0:42');
    events.keypress('enter');
    await answer;
  });

  it('is cancelled through its AbortSignal when the deadline passes', async () => {
    const controller = new AbortController();
    const { answer } = await render(
      choicePrompt,
      { screen, choices: [{ value: 'a', label: 'A' }] },
      { signal: controller.signal },
    );
    controller.abort('exam-deadline');
    await expect(answer).rejects.toMatchObject({ name: 'AbortPromptError' });
  });
});
