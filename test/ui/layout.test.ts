import { render } from '@inquirer/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import stringWidth from 'string-width';
import { stripVTControlCharacters } from 'node:util';
import { checkboxPrompt } from '../../src/ui/prompts/checkbox.js';
import { choicePrompt } from '../../src/ui/prompts/choice.js';
import { pagerPrompt } from '../../src/ui/prompts/pager.js';
import { textPrompt } from '../../src/ui/prompts/text.js';
import { wrapLines } from '../../src/text/wrap.js';
import type { LiveSize, Size } from '../../src/ui/terminal.js';
import { makeTheme } from '../../src/text/theme.js';
import { startScreen } from '../../src/ui/attempt-screens.js';
import { bankYaml, loadBank } from '../helpers.js';

const PARAGRAPH =
  "The result is the county's property search page: it lists every parcel with its tax number and owners' names, " +
  'and the search box accepts a street address.';
const CODE =
  '    for (const row of rows) { total += row.amount * row.rate; } // every row counts once, even when repeated';

const lines = (screen: string) => screen.split('\n');

/** A window whose size changes when the test says so, as a live terminal's does. */
function window(size: Size): LiveSize & { resize(next: Size): void } {
  let current = size;
  const listeners = new Set<() => void>();
  return {
    current: () => current,
    onChange: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    resize(next) {
      current = next;
      for (const listener of listeners) listener();
    },
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('wrapping text to the screen', () => {
  it('breaks between words without carrying the space to the next line or leaving spaces at line ends', () => {
    const wrapped = wrapLines(PARAGRAPH, 40);
    expect(wrapped.length).toBeGreaterThan(2);
    for (const line of wrapped) {
      expect(line).not.toMatch(/^ /);
      expect(line).not.toMatch(/ $/);
      expect(stringWidth(line)).toBeLessThanOrEqual(40);
    }
    expect(wrapped.join(' ')).toBe(PARAGRAPH);
  });

  it('keeps the indentation of a code or context line on every line it wraps to', () => {
    const wrapped = wrapLines(`Context:\n${CODE}\n  short`, 40);
    expect(wrapped[0]).toBe('Context:');
    const code = wrapped.slice(1, -1);
    expect(code.length).toBeGreaterThan(1);
    for (const line of code) expect(line).toMatch(/^ {4}\S/);
    expect(wrapped.at(-1)).toBe('  short');
  });

  it('does the same through colour codes', () => {
    const c = makeTheme(true);
    const wrapped = wrapLines(c.dim(PARAGRAPH), 40).map((line) => stripVTControlCharacters(line));
    for (const line of wrapped) {
      expect(line).not.toMatch(/^ /);
      expect(line).not.toMatch(/ $/);
    }
  });

  it('wraps a question screen and a long choice without stray spaces, inside the width', async () => {
    const { answer, events, getScreen } = await render(choicePrompt, {
      screen: { title: 'Bank', body: `${PARAGRAPH}\n\n${CODE}`, color: false, size: { columns: 50, rows: 40 } },
      choices: [{ value: 'a', label: `a) ${PARAGRAPH}` }],
    });
    const screen = lines(getScreen());
    for (const line of screen) {
      expect(stringWidth(line)).toBeLessThanOrEqual(49);
      expect(line).not.toMatch(/ $/);
    }
    expect(screen.filter((line) => /^ \S/.test(line))).toEqual([]); // no line starts with the space of a break
    expect(screen.filter((line) => line.startsWith('    ') && !/^ {4}\S/.test(line))).toEqual([]);
    events.keypress('enter');
    await answer;
  });

  it("keeps the start screen's long values clear of their labels on a 60-column window", async () => {
    const { bank } = loadBank(
      bankYaml(
        '  - {id: q1, type: true-false, sections: ["1"], prompt: P, answer: true, critical: true}\n',
        'exam: {draw: 1, open_book: true}\n',
      ),
    );
    const facts = startScreen({ bank, mode: 'practice', untimed: false, failedSoFar: 0, color: false });
    const { answer, events, getScreen } = await render(choicePrompt, {
      screen: { body: facts.body, bodyHang: facts.bodyHang, color: false, size: { columns: 60, rows: 30 } },
      choices: facts.choices,
    });
    const screen = lines(getScreen());
    const guideline = screen.findIndex((line) => line.startsWith('Guideline        open (practice)'));
    expect(guideline).toBeGreaterThanOrEqual(0);
    // The value goes on in its own column, under the value's first word.
    expect(screen[guideline + 1]).toMatch(/^ {17}\S/);
    const critical = screen.findIndex((line) => line.startsWith('Critical         '));
    expect(screen[critical + 1]).toMatch(/^ {17}\S/);
    for (const line of screen) expect(stringWidth(line)).toBeLessThanOrEqual(59);
    events.keypress('enter');
    await answer;
    // On a very narrow window the values' column gives way: no line is wider than the window.
    for (const columns of [21, 25, 30]) {
      const narrow = await render(choicePrompt, {
        screen: { body: facts.body, bodyHang: facts.bodyHang, color: false, size: { columns, rows: 60 } },
        choices: facts.choices,
      });
      for (const line of lines(narrow.getScreen())) expect(stringWidth(line)).toBeLessThanOrEqual(columns - 1);
      narrow.events.keypress('enter');
      await narrow.answer;
    }
  });

  it('keeps the item being labelled on a 60x20 window when the question text must scroll', async () => {
    const body = Array.from({ length: 6 }, () => PARAGRAPH).join('\n\n');
    const { answer, events, getScreen } = await render(choicePrompt, {
      screen: {
        title: 'Bank',
        body,
        pinned: 'Item 3/4: The second paragraph of the page',
        color: false,
        size: { columns: 60, rows: 20 },
      },
      choices: ['relevant', 'partly relevant', 'not relevant', 'spam'].map((label) => ({ value: label, label })),
    });
    let screen = lines(getScreen());
    expect(screen.length).toBeLessThanOrEqual(19);
    expect(getScreen()).toMatch(/lines? 1-\d+ of \d+/); // the text is cut, and says so
    const item = screen.indexOf('Item 3/4: The second paragraph of the page');
    expect(item).toBeGreaterThan(0);
    expect(screen.findIndex((line) => line.includes('not relevant'))).toBeGreaterThan(item);
    // Scrolling the text to its end leaves the item where it was.
    for (let i = 0; i < 40; i++) events.keypress('j');
    screen = lines(getScreen());
    expect(screen.indexOf('Item 3/4: The second paragraph of the page')).toBe(item);
    events.keypress('enter');
    await answer;
  });

  it('shows two long options side by side on a short window, the long question text scrolling', async () => {
    // 17 rows here leave what 20 leave under an exam question's three lines of key hints.
    const option = (letter: string, words: string) =>
      `${letter}) ${words}, because the page says so in a long sentence that goes on and on, ` +
      'so that at sixty columns it takes three lines.';
    const { answer, events, getScreen } = await render(choicePrompt, {
      screen: {
        title: 'Bank',
        status: { number: 1, total: 1, answered: 0 },
        body: `q1 · guideline 6 · 1 point\n${PARAGRAPH} ${PARAGRAPH} ${PARAGRAPH}`,
        color: false,
        size: { columns: 60, rows: 17 },
      },
      choices: ['Lowest', 'Low', 'Medium', 'High'].map((words, i) => ({
        value: String(i),
        label: option('abcd'[i]!, words),
      })),
    });
    const screen = lines(getScreen());
    expect(screen.length).toBeLessThanOrEqual(16);
    expect(getScreen()).toContain('a) Lowest');
    expect(getScreen()).toContain('b) Low,');
    expect(getScreen()).toMatch(/lines 1-\d+ of \d+/);
    events.keypress('enter');
    await answer;
  });

  it("leaves out the home screen's titles on a narrow window when the statuses would be cut", async () => {
    const shown = async (columns: number, statuses: string[]) => {
      const { answer, events, getScreen } = await render(choicePrompt, {
        screen: { color: false, size: { columns, rows: 20 } },
        choices: [
          ['search-evaluation-basics', 'Search Result Evaluation — Qualification'],
          ['code-math-evaluation-basics', 'Code and Math Evaluation — Qualification'],
        ].map(([id, title], i) => ({ value: id!, label: id!, cells: [title!, statuses[i]!] })),
        shrinkColumn: 1,
        dropColumns: [1],
      });
      const screen = getScreen();
      events.keypress('enter');
      await answer;
      return screen;
    };
    const narrow = await shown(60, ['retake in 24 h · best 13.6%', 'not tried yet · practice']);
    expect(narrow).not.toContain('Search Result');
    expect(narrow).toMatch(/search-evaluation-basics +retake in 24 h · best 13\.6%/);
    expect(narrow).toMatch(/code-math-evaluation-basics +not tried yet · practice/);
    // Statuses that fit beside a shortened title: the titles stay, cut first.
    const wide = await shown(80, ['retake in 24 h', 'not tried yet']);
    expect(wide).toMatch(/search-evaluation-basics +Search Result Evaluation\S* .*… +retake in 24 h/);
  });

  it('drops the columns named on a narrow window, so the words that tell rows apart stay readable', async () => {
    const rows = [
      ['se-061', 'preference', 'You have already rated both results, as shown.'],
      ['se-069', 'free-text', 'Give your page-quality rating and flags.'],
    ];
    const shown = async (columns: number) => {
      const { answer, events, getScreen } = await render(choicePrompt, {
        screen: { color: false, size: { columns, rows: 20 } },
        choices: rows.map((cells, i) => ({ value: String(i), label: `${i + 1}. unanswered`, cells })),
        dropColumns: [2, 1],
      });
      const screen = getScreen();
      events.keypress('enter');
      await answer;
      return screen;
    };
    const narrow = await shown(60);
    expect(narrow).not.toContain('preference');
    expect(narrow).toContain('se-061');
    expect(narrow).toContain('You have already rated both');
    // At 80 columns (the test terminal's own width) every column fits.
    const wide = await shown(80);
    expect(wide).toMatch(/se-061\s+preference\s+You have already rated both results/);
  });

  it('wraps practice feedback in the pager the same way', async () => {
    const { answer, events, getScreen } = await render(pagerPrompt, {
      screen: { color: false, size: { columns: 41, rows: 30 } },
      text: `Why: ${PARAGRAPH}`,
    });
    for (const line of lines(getScreen())) {
      expect(line).not.toMatch(/^ \S/);
      expect(line).not.toMatch(/ $/);
    }
    events.keypress('q');
    await answer;
  });
});

describe('tables of choices (review screen, home screen)', () => {
  it('aligns the columns and cuts each row to the width with "…"', async () => {
    const { answer, events, getScreen } = await render(choicePrompt, {
      screen: { body: 'Pick one.', color: false, size: { columns: 60, rows: 30 } },
      choices: [
        { value: '1', label: ' 1. answered', cells: ['What do you do first?'] },
        { value: '2', label: ' 2. unanswered · ⚑ flagged', cells: [PARAGRAPH] },
        { value: 'submit', label: 'Submit the exam now' },
      ],
    });
    const screen = lines(getScreen());
    const first = screen.find((line) => line.includes('What do you do first?'))!;
    const second = screen.find((line) => line.includes(' 2. unanswered'))!;
    expect(first.indexOf('What do you do first?')).toBe(second.indexOf("The result is the county's"));
    expect(second).toMatch(/…$/);
    expect(stringWidth(second)).toBe(59);
    expect(screen.filter((line) => stringWidth(line) > 59)).toEqual([]);
    events.keypress('enter');
    await answer;
  });

  it('lets a chosen column give way first, keeping the last one whole', async () => {
    const { answer, events, getScreen } = await render(choicePrompt, {
      screen: { color: false, size: { columns: 60, rows: 30 } },
      choices: [
        {
          value: 'a',
          label: 'search-evaluation-basics',
          cells: ['Search Result Evaluation — Qualification Practice', 'not tried yet'],
        },
        { value: 'b', label: 'fixture-bank', cells: ['Fixture Bank', 'best 50% · passed'] },
      ],
      shrinkColumn: 1,
    });
    const screen = lines(getScreen());
    expect(screen[0]).toMatch(/^❯ search-evaluation-basics {2}Search R\S*… {2}not tried yet$/);
    expect(screen[1]).toMatch(/^ {2}fixture-bank {14}Fixture Bank {2,}best 50% · passed$/);
    expect(screen[0]!.indexOf('not tried yet')).toBe(screen[1]!.indexOf('best 50%'));
    events.keypress('enter');
    await answer;
  });
});

describe('a resized window', () => {
  const examScreen = (size: LiveSize, now: () => number) => ({
    title: 'Search Result Evaluation — Qualification Practice',
    status: { number: 1, total: 25, flagged: 0, deadlineAt: 45 * 60_000 },
    clock: now,
    body: Array.from({ length: 6 }, () => PARAGRAPH).join('\n\n'),
    color: false,
    size,
  });

  it('lays the question out again for the new size, from the top of a cleared screen; every redraw fits', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let now = 0;
    const size = window({ columns: 100, rows: 34 });
    const { answer, events, getScreen } = await render(choicePrompt, {
      screen: examScreen(size, () => now),
      choices: ['Fails to Meet', 'Slightly Meets', 'Moderately Meets', 'Highly Meets', 'Fully Meets'].map((label) => ({
        value: label,
        label,
      })),
      nav: { skip: true, flag: true, review: true, view: true, quitHint: true },
    });
    expect(lines(getScreen()).some((line) => stringWidth(line) > 59)).toBe(true);

    size.resize({ columns: 60, rows: 20 });
    const raw = getScreen({ raw: true });
    expect(raw).toContain('\u001b[H'); // drawn again from the top left
    expect(raw).not.toContain('\u001b[2J'); // without pushing the old screen into the scrollback
    let screen = lines(getScreen());
    expect(screen[0]).toBe('Search Result Evaluation — Qualification Practice');
    expect(screen[1]).toBe('Question 1/25 · 45:00 left');
    expect(screen.length).toBeLessThanOrEqual(19);
    expect(screen.filter((line) => stringWidth(line) > 59)).toEqual([]);
    expect(getScreen()).toMatch(/… lines 1-\d+ of \d+ · j\/k or PgDn\/PgUp scroll · v read it all/);

    now = 1000;
    vi.advanceTimersByTime(1000);
    screen = lines(getScreen());
    expect(screen[1]).toBe('Question 1/25 · 44:59 left');
    expect(screen.length).toBeLessThanOrEqual(19);
    expect(getScreen({ raw: true })).not.toContain('\u001b[H'); // a tick only redraws in place
    events.keypress('enter');
    await answer;
  });

  it('lays out the pager and the text input again too', async () => {
    const size = window({ columns: 100, rows: 34 });
    const pager = await render(pagerPrompt, {
      screen: { title: 'Guide', color: false, size },
      text: Array.from({ length: 10 }, () => PARAGRAPH).join('\n'),
    });
    size.resize({ columns: 50, rows: 12 });
    const shown = lines(pager.getScreen());
    expect(shown.length).toBeLessThanOrEqual(11);
    expect(shown.filter((line) => stringWidth(line) > 49)).toEqual([]);
    pager.events.keypress('q');
    await pager.answer;

    const text = await render(textPrompt, { screen: { body: PARAGRAPH, color: false, size } });
    size.resize({ columns: 40, rows: 12 });
    expect(lines(text.getScreen()).filter((line) => stringWidth(line) > 39)).toEqual([]);
    expect(lines(text.getScreen()).length).toBeLessThanOrEqual(11);
    text.events.keypress('enter');
    await text.answer;
  });
});

describe('typing a long line at 60x20', () => {
  it('keeps the title on screen: the rows the typed line wraps to are taken from the text above', async () => {
    const size = { columns: 60, rows: 20 };
    const body = Array.from({ length: 6 }, () => PARAGRAPH).join('\n\n');
    const text = await render(textPrompt, { screen: { title: 'Bank title', body, color: false, size } });
    text.events.type('The result is the official site and fully meets the need of almost every searcher, '.repeat(2));
    const shown = lines(text.getScreen());
    // Rows as a 60-column terminal draws them. The test terminal breaks long lines at 80 columns
    // itself, so the typed line (from "›" to the blank line before the key hint) is joined first.
    const from = shown.findIndex((line) => line.startsWith('›'));
    const to = shown.indexOf('', from);
    const typed = stringWidth(shown.slice(from, to).join(' '));
    const rows = from + Math.ceil(typed / size.columns) + (shown.length - to);
    expect(rows).toBeLessThanOrEqual(size.rows - 1);
    expect(shown[0]).toContain('Bank title');
    text.events.keypress('enter');
    text.events.keypress('enter');
    await text.answer;
  });
});

describe('keys that do not do what they might', () => {
  it('multi-select: Enter with nothing ticked is not an answer; it says what to do', async () => {
    let resolved = false;
    const { answer, events, getScreen } = await render(checkboxPrompt, {
      screen: { body: 'Which apply?', color: false, size: { columns: 80, rows: 30 } },
      choices: ['a', 'b'].map((v) => ({ value: v, label: `${v}) option` })),
      nav: { skip: true },
      requireOne: true,
    });
    void answer.then(() => (resolved = true));
    events.keypress('enter');
    await Promise.resolve();
    expect(getScreen()).toContain('Tick at least one option with Space, or press → to skip the question.');
    expect(resolved).toBe(false);
    events.keypress('space');
    expect(getScreen()).not.toContain('Tick at least one');
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ kind: 'answer', value: ['a'] });
  });

  it('self-assessment still takes "none of them" as an answer', async () => {
    const { answer, events } = await render(checkboxPrompt, {
      screen: { color: false },
      choices: [{ value: 'a', label: 'Holds' }],
    });
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ kind: 'answer', value: [] });
  });

  it('closed book: g shows a short notice instead of doing nothing', async () => {
    const { answer, events, getScreen } = await render(choicePrompt, {
      screen: { body: 'Question?', color: false, size: { columns: 80, rows: 30 } },
      choices: [{ value: 'a', label: 'A' }],
      nav: { skip: true, closedBook: true },
    });
    expect(getScreen()).not.toContain('g guideline');
    events.keypress('g');
    expect(getScreen()).toContain('closed book: the guideline cannot be opened during this exam');
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ kind: 'answer', value: 'a' });
  });
});
