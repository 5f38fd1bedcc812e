import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, cli } from '../cli/run-cli.js';
import { nextScreen, terminalsClosedAfterEach } from './tmux.js';

const CONTENT = ['--content', path.join(FIXTURES, 'basic'), '--content', path.join(FIXTURES, 'interactive')];
const terminal = terminalsClosedAfterEach();

describe('screens around the exam (tmux)', () => {
  it('list, in a terminal, suggests the interactive exam first', async () => {
    const t = terminal();
    t.start([...CONTENT, 'list']);
    const screen = await t.waitFor('[exited 0]');
    expect(screen).toContain('Start one with: qualify exam <id>   (');
    expect(screen).not.toContain('qualify exam <id> --answers');
  });

  it('asks "how sure?" with no level preselected: Enter alone records nothing', async () => {
    const t = terminal();
    t.start([...CONTENT, 'practice', 'quick-bank', '--confidence', '--seed', '1']);
    await t.waitFor('Start practising');
    t.send('Enter');
    await t.waitFor('Question 1/2');
    t.send('Enter');
    let screen = await t.waitFor('How sure are you?');
    const levels = screen.slice(screen.indexOf('How sure are you?'));
    expect(levels).toContain('Low — a guess');
    expect(levels).not.toContain('❯');
    t.send('Enter');
    screen = await t.waitFor('Pick one first');
    expect(screen).toContain('How sure are you?');
    t.send('3');
    screen = await t.waitFor('❯ High — certain');
    t.send('Enter');
    await t.waitFor(/Correct|Not right/);
  });

  it('review rows tell questions apart: id, type and the words that differ', async () => {
    const t = terminal();
    t.start(['exam', 'preference-ranking-basics', '--seed', '3'], {}, { columns: 100, rows: 30 });
    await t.waitFor('Start the exam');
    t.send('Enter');
    await t.waitFor('Question 1/25');
    t.send('r');
    const screen = await t.waitFor('Review before you submit');
    const rows = screen.split('\n').filter((line) => /^.{2} ?\d+\. (un)?answered/.test(line));
    expect(rows.length).toBeGreaterThan(5);
    // Each row names its question and type; no two rows read the same.
    expect(
      rows.every((row) =>
        / pr-\d+ +(preference|ranking|rating|single-choice|multi-select|true-false|label-each|free-text) /.test(row),
      ),
    ).toBe(true);
    const texts = rows.map((row) =>
      row.replace(/^.*?(preference|ranking|rating|single-choice|multi-select|true-false|label-each|free-text) +/, ''),
    );
    expect(new Set(texts).size).toBe(texts.length);
    expect(rows.every((row) => [...row].length <= 99)).toBe(true);
  });

  it('a question opened from review returns to review once answered; Esc on review goes back', async () => {
    const t = terminal();
    t.start([...CONTENT, 'exam', 'fixture-bank', '--seed', '1']);
    await t.waitFor('Start the exam');
    t.send('Enter');
    await t.waitFor('Question 1/8');
    t.send('r');
    await t.waitFor('Review before you submit');
    t.send('1', 'Enter');
    await t.waitFor(/Question 1\/8 · 0\/8 answered[^]*Enter answer/);
    t.send('Enter'); // answer it
    let screen = await t.waitFor('Review before you submit');
    expect(screen).toContain('1 of 8 answered');
    expect(screen).not.toContain('Question 2/8');
    t.send('Escape');
    screen = await t.waitFor(/Question 1\/8 · 1\/8 answered[^]*Enter answer/);
    expect(screen).not.toContain('Review before you submit');
  });

  // Waits read "retake in", lockouts "locked out until".
  it('qualify --content DIR --db FILE opens the home screen; Esc goes back, q quits', async () => {
    const t = terminal();
    const db = path.join(t.home, 'elsewhere.db');
    const empty = path.join(t.home, 'empty.yaml');
    fs.writeFileSync(empty, '');
    const at = (hours: number) => new Date(Date.parse('2031-01-10T09:00:00Z') + hours * 3_600_000).toISOString();
    // Three failures, each after its wait: the fixture bank locks for 30 days.
    for (const hours of [0, 25, 100])
      expect(
        (
          await cli([...CONTENT, '--db', db, 'exam', 'fixture-bank', '--answers', empty], {
            home: t.home,
            now: at(hours),
          })
        ).code,
      ).toBe(0);
    // And a failure of the quick bank at 100 h: half an hour later, its 1 h wait has 30 min to go.
    expect(
      (await cli([...CONTENT, '--db', db, 'exam', 'quick-bank', '--answers', empty], { home: t.home, now: at(100) }))
        .code,
    ).toBe(0);
    t.start([...CONTENT, '--db', db], { QUALIFY_NOW: at(100.5) }, { columns: 80, rows: 24 });
    let screen = await t.waitFor('Pick a bank.');
    // 30 days after the third failure (at 100 h): 13 Feb, 13:00 (tmux runs in UTC here).
    expect(screen).toMatch(/fixture-bank .* locked out until 13 Feb 13:00/);
    expect(screen).toMatch(/quick-bank .* retake in 30 min · best 0%/);
    expect(screen.split('\n').filter((line) => [...line].length > 79)).toEqual([]);
    expect(screen).toContain('q quit');
    t.send('1', 'Enter');
    screen = await t.waitFor('Take the exam');
    expect(screen).toContain('Esc back');
    t.send('Escape');
    screen = await t.waitFor('Pick a bank.');
    expect(screen).not.toContain('Take the exam');
    t.send('q');
    await t.waitFor('[exited 0]');
  });

  it('leaves no old line ("Time is up", the report, "Enter continue") on the home screen\'s next menu', async () => {
    const t = terminal();
    t.start([...CONTENT], {}, { columns: 80, rows: 24 });
    let screen = await t.waitFor('Pick a bank.');
    // Down until the cursor is on quick-bank, waiting for each move to show before the next.
    const cursorLine = (text: string) => text.split('\n').find((line) => line.startsWith('❯')) ?? '';
    for (let step = 0; step < 30 && !cursorLine(screen).startsWith('❯ quick-bank'); step++) {
      const before = cursorLine(screen);
      t.send('Down');
      const until = Date.now() + 10_000;
      while (cursorLine(screen) === before && Date.now() < until) {
        await new Promise((resolve) => setTimeout(resolve, 30));
        screen = t.screen();
      }
    }
    t.send('Enter');
    await t.waitFor('Take the exam');
    t.send('1', 'Enter');
    await t.waitFor('Start the exam');
    t.send('Enter');
    await t.waitFor('Question 1/2');
    // The 10-second exam clock runs out.
    screen = await t.waitFor('Time is up', 30_000);
    expect(screen).toContain('time ran out');
    // The report is longer than 24 rows: it is paged; q closes it.
    screen = await t.waitFor('q or Enter close');
    t.send('q');
    screen = await t.waitFor('Enter continue');
    t.send('Enter');
    screen = await t.waitFor('Take the exam');
    for (const old of ['Time is up', 'Enter continue', 'Score ', 'time ran out', 'Question 1/2'])
      expect(screen, old).not.toContain(old);
    expect(screen.trimStart().startsWith('qualify — practise qualification exams')).toBe(true);
  });

  it.each([
    [100, 30],
    [80, 24],
  ])(
    '%ix%i: a long side-by-side question scrolls (j/k, PgDn/PgUp) with the choices in view, and v still shows it whole',
    async (columns, rows) => {
      const t = terminal();
      t.start(['exam', 'preference-ranking-basics', '--seed', '46'], {}, { columns, rows });
      await t.waitFor('Start the exam');
      t.send('Enter');
      await t.waitFor('Question 1/25');
      t.send('Right');
      let screen = await t.waitFor(/pr-045[^]*lines 1-\d+ of \d+ · j\/k or PgDn\/PgUp scroll/);
      const choicesInView = (text: string) =>
        ['A much better 1/7', 'About the same 4/7', 'B much better 7/7'].every((choice) => text.includes(choice));
      expect(choicesInView(screen)).toBe(true);
      // Read the whole question on this screen: both responses, to the last line, then back up.
      const seen = new Set(screen.split('\n'));
      for (let step = 0; step < 40 && !/lines \d+-(\d+) of \1\b/.test(screen); step++) {
        t.send(step % 2 ? 'j' : 'PgDn');
        screen = await nextScreen(t, screen);
        expect(choicesInView(screen), screen).toBe(true);
        expect(screen).toContain('Question 2/25');
        expect(screen.split('\n').filter((line) => [...line].length > columns - 1)).toEqual([]);
        for (const line of screen.split('\n')) seen.add(line);
      }
      const read = [...seen].join('\n');
      expect(read).toContain('Response A:');
      expect(read).toContain('Response B:');
      expect(read).toMatch(/a hot wash can set the dye/);
      expect(read).toMatch(/5\. Wash the cloth as usual\./);
      expect(read).toMatch(/scale: A much better \(low\) → B much better \(high\)/);
      t.send('k');
      screen = await nextScreen(t, screen);
      expect(choicesInView(screen)).toBe(true);
      t.send('PgUp', 'PgUp', 'PgUp', 'PgUp');
      screen = await t.waitFor(/lines 1-\d+ of/);
      expect(screen).toContain('Which response is better, and by how much?');
      t.send('v');
      screen = await t.waitFor('q or Enter close');
      t.send('q');
      screen = await t.waitFor(/pr-045[^]*Enter answer/);
      t.send('Enter'); // and it is answered from the same screen
      await t.waitFor('Question 3/25');
    },
  );

  it.each([
    ['NO_COLOR=1', { NO_COLOR: '1' }],
    ['FORCE_COLOR=0', { NO_COLOR: '', FORCE_COLOR: '0' }],
    ['TERM=dumb', { NO_COLOR: '', TERM: 'dumb' }],
  ])('draws without colour in a terminal with %s', async (_name, env) => {
    const colour = /\u001b\[[0-9;]*m/;
    // The same screen in colour first, so the test sees the difference it claims.
    const coloured = terminal();
    coloured.start([...CONTENT, 'list'], { NO_COLOR: '' });
    await coloured.waitFor('[exited 0]');
    expect(coloured.screen({ escapes: true })).toMatch(colour);
    const plain = terminal();
    plain.start([...CONTENT, 'list'], env);
    await plain.waitFor('[exited 0]');
    expect(plain.screen({ escapes: true })).not.toMatch(colour);
  });
});
