import { describe, expect, it } from 'vitest';
import { attempts, nextScreen, terminalsClosedAfterEach } from './tmux.js';

// In its own file so vitest runs it beside the other terminal tests.
const terminal = terminalsClosedAfterEach();

describe('a whole shipped exam in a terminal (tmux)', () => {
  it('runs a whole shipped exam, every question type, to the mistake report', async () => {
    const t = terminal();
    t.start(['exam', 'search-evaluation-basics', '--seed', '11']);
    let screen = await t.waitFor('Start the exam');
    expect(screen).toContain('Questions        25');
    expect(screen).toContain('This attempt counts.');
    t.send('Enter');
    screen = await t.waitFor('Question 1/25');
    for (let step = 0; step < 200 && !screen.includes('Review before you submit'); step++) {
      if (screen.includes('Enter on an empty line')) {
        t.type('The page answers the dominant intent.');
        t.send('Enter');
        await t.waitFor('  The page answers');
        t.send('Enter');
      } else if (screen.includes('Space grab/drop')) t.send('Enter');
      else if (screen.includes('Space pick')) t.send('Space', 'Enter');
      else t.send('Enter');
      screen = await nextScreen(t, screen);
    }
    expect(screen).toContain('25 of 25 answered');
    t.send('Enter'); // "Submit the exam now" is chosen when nothing is left open
    screen = await t.waitFor(/lines 1-\d+ of \d+/);
    expect(screen).toMatch(/Search Result Evaluation[^\n]*\nExam · attempt #1/);
    expect(screen).toMatch(/Score [\d.]+ \/ [\d.]+ \([\d.]+%\) · pass mark 80%/);
    expect(t.screen({ escapes: true })).not.toMatch(/\u001b\[3\dm/); // NO_COLOR: no colours
    t.send('q');
    screen = await t.waitFor('[exited 0]');
    expect(screen).toContain('"qualify report" shows this report again');
    expect(attempts(t.home)).toEqual([{ status: 'submitted', mode: 'exam', answered: 25 }]);
  });
});
