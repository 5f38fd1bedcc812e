import { describe, expect, it } from 'vitest';
import { terminalsClosedAfterEach } from './tmux.js';

// In its own file so vitest runs it beside the other terminal tests.
const terminal = terminalsClosedAfterEach();

/** Every line within the width, no more lines than the window has, the title and status on top. */
function expectFits(screen: string, columns: number, rows: number): void {
  const lines = screen.replace(/\n+$/, '').split('\n');
  expect(lines.length).toBeLessThanOrEqual(rows);
  expect(
    lines.filter((line) => [...line].length > columns - 1),
    screen,
  ).toEqual([]);
}

describe('the exam at every common window size (tmux)', () => {
  it.each([
    [60, 20],
    [80, 24],
    [100, 30],
    [250, 50],
  ])(
    '%ix%i: questions, review and report fit the window, with the choices and key hints always on screen',
    async (columns, rows) => {
      const t = terminal();
      t.start(['exam', 'preference-ranking-basics', '--seed', '3', '--practice'], {}, { columns, rows });
      let screen = await t.waitFor('Start practising');
      expectFits(screen, columns, rows);
      t.send('Enter');
      // A screen is whole once its key hints, drawn last at the bottom, are there: a capture taken
      // as the header appears may not show the choices yet on a loaded machine.
      const question = (n: number) => new RegExp(`Question ${n}/25[\\s\\S]*Enter (answer|write your answer)`);
      screen = await t.waitFor(question(1));
      for (let n = 2; n <= 6; n++) {
        expectFits(screen, columns, rows);
        expect(screen).toMatch(/^Side-by-Side Preference Ranking/);
        expect(screen).toContain('❯');
        expect(screen).toMatch(/Enter (answer|write your answer)/);
        t.send('Right');
        screen = await t.waitFor(question(n));
      }
      t.send('r');
      screen = await t.waitFor('Review before you submit');
      expectFits(screen, columns, rows);
      t.send('Up', 'Enter'); // finish
      // Questions are still open: the confirmation lists them, within the window.
      screen = await t.waitFor('Finish practice with these questions still open?');
      expectFits(screen, columns, rows);
      expect(screen).toMatch(/\b1\.\spr-\d+/);
      t.send('Down', 'Enter');
      // The report: paged when longer than the window; first and last page within the width.
      screen = await t.waitFor(/lines 1-\d+ of \d+|exited/);
      expect(screen).not.toContain('Review before you submit');
      expectFits(screen, columns, rows);
      if (!screen.includes('exited')) {
        t.send('End');
        screen = await t.waitFor('Next step:'); // the report ends with the next step
        expectFits(screen, columns, rows);
        t.send('q');
      }
      screen = await t.waitFor('[exited 0]');
    },
  );
});
