import { describe, expect, it } from 'vitest';
import { terminalsClosedAfterEach } from './tmux.js';

// In its own file so vitest runs it beside the other terminal tests.
const terminal = terminalsClosedAfterEach();

const TITLE = 'Search Result Evaluation — Qualification Practice';
const clockOf = (screen: string) => /Question 1\/25 · 0\/25 answered · (\d+:\d\d) left/.exec(screen)?.[1];

describe('a resized terminal (tmux)', () => {
  it('lays the question out again for the new size, the clock on top, never in the scrollback', async () => {
    const t = terminal();
    t.start(['exam', 'search-evaluation-basics', '--seed', '6']); // question 1 is se-055 ([mercury], a rating)
    await t.waitFor('Start the exam');
    t.send('Enter');
    await t.waitFor('Question 1/25');
    t.resize(60, 20);
    // The title and the clock are the first two lines of the new screen.
    let screen = await t.waitFor(new RegExp(`^${TITLE}\\nQuestion 1/25 · 0/25 answered · \\d+:\\d\\d left\\n`));
    const lines = screen.replace(/\n+$/, '').split('\n');
    expect(lines.length).toBeLessThanOrEqual(20);
    expect(lines.filter((line) => [...line].length > 59)).toEqual([]);
    expect(lines.filter((line) => /^ \S/.test(line))).toEqual([]); // rewrapped: no line starts with the space of a break
    expect(screen).toMatch(/… lines 1-\d+ of \d+ · j\/k or PgDn\/PgUp scroll · v read it all/);
    expect(screen).toContain('❯ Fails to Meet 1/5');

    // Two ticks of the clock later: still on top, redrawn in place, nothing new in the scrollback.
    const copies = () =>
      t
        .history()
        .split('\n')
        .filter((line) => line.startsWith('Question 1/25')).length;
    const before = copies();
    for (let tick = 0; tick < 2; tick++) {
      const shown = clockOf(screen);
      screen = await t.waitFor(
        new RegExp(`^${TITLE}\\nQuestion 1/25 · 0/25 answered · (?!${shown} )\\d+:\\d\\d left\\n`),
      );
    }
    expect(copies()).toBe(before);

    // The whole question, rewrapped to the new width.
    t.send('v');
    screen = await t.waitFor('Research shows');
    expect(screen).toContain('Research shows: the planet 38%, the chemical element 33%,\nthe singer 25%');
    t.send('q');
    await t.waitFor('❯ Fails to Meet 1/5');

    // Wider again: the text uses the room.
    t.resize(100, 34);
    // One redraw holds both: the title on top and the text on one line (a capture taken mid-redraw
    // may show the text before the top lines are drawn again, so wait for the whole screen).
    screen = await t.waitFor(
      new RegExp(
        `^${TITLE}\\nQuestion 1/25[^]*Research shows: the planet 38%, the chemical element 33%, the singer 25%`,
      ),
    );
    expect(screen.startsWith(`${TITLE}\nQuestion 1/25`)).toBe(true);
  });
});
