import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, cli } from '../cli/run-cli.js';
import { attempts, nextScreen, terminalsClosedAfterEach } from './tmux.js';

const CONTENT = ['--content', path.join(FIXTURES, 'basic'), '--content', path.join(FIXTURES, 'interactive')];
const terminal = terminalsClosedAfterEach();

describe('the interactive exam in a terminal (tmux)', () => {
  it('goes back, flags, and revisits a question from the review screen', async () => {
    const t = terminal();
    t.start([...CONTENT, 'exam', 'fixture-bank', '--seed', '1']);
    await t.waitFor('Start the exam');
    t.send('Enter');
    let screen = await t.waitFor('Question 1/8');
    expect(screen).not.toContain('← back');
    t.send('Enter'); // answer question 1 with the first choice
    screen = await t.waitFor('Question 2/8');
    expect(screen).toContain('← back');
    t.send('f');
    screen = await t.waitFor('Question 2/8 · 1/8 answered · 1 flagged · ⚑ flagged');
    t.send('Left');
    screen = await t.waitFor(/Question 1\/8 · 1\/8 answered · 1 flagged · \d+:\d\d left/);
    expect(screen).toContain('●'); // the answer given is marked
    t.send('r');
    screen = await t.waitFor('Review before you submit');
    expect(screen).toContain('1 of 8 answered · 1 flagged');
    expect(screen).toMatch(/ 1\. answered/);
    expect(screen).toMatch(/ 2\. unanswered · ⚑ flagged/);
    expect(screen).toContain('Submit the exam now (7 unanswered questions will score 0)');
    t.send('Home', '2'); // the second row
    t.send('Enter');
    screen = await t.waitFor('Question 2/8 · 1/8 answered · 1 flagged · ⚑ flagged');
  });

  it('opens the guideline in an open-book exam, then submits what was answered when time runs out', async () => {
    const t = terminal();
    t.start([...CONTENT, 'exam', 'quick-bank', '--seed', '1']);
    await t.waitFor('Start the exam');
    t.send('Enter');
    let screen = await t.waitFor(/Question \d\/2/);
    expect(screen).toContain('g guideline');
    const question = screen.includes('What do you do first?')
      ? 'What do you do first?'
      : 'Harmful instructions must be flagged.';
    t.send('g');
    screen = await t.waitFor('Fixture Guideline');
    expect(screen).toMatch(/Rule (1\.r1|3\.r1)/);
    t.send('q');
    screen = await t.waitFor(question);
    t.send('Enter');
    await t.waitFor('Question 2/2');
    screen = await t.waitFor('Time is up', 30_000);
    // The report heads with what happened; it is paged when it is longer than the window.
    screen = await t.waitFor(/1 of 2 questions answered/);
    expect(screen).toContain('time ran out');
    if (!screen.includes('[exited 0]')) t.send('q');
    await t.waitFor('[exited 0]');
    expect(attempts(t.home)).toEqual([{ status: 'expired', mode: 'exam', answered: 1 }]);
  });

  it('saves and quits on Ctrl+C, keeps answers through a kill, and resumes with --resume', async () => {
    const first = terminal();
    first.start([...CONTENT, 'exam', 'fixture-bank', '--seed', '5']);
    await first.waitFor('Start the exam');
    first.send('Enter');
    await first.waitFor('Question 1/8');
    first.send('Enter');
    await first.waitFor('Question 2/8');
    first.send('C-c');
    await first.waitFor('Save and quit?');
    first.send('Enter');
    let screen = await first.waitFor('[exited 0]');
    // With the --content folders it was started with, so the command finds the bank again.
    expect(screen.replace(/\s+/g, ' ')).toContain('Continue with: qualify --content ');
    expect(screen.replace(/\s+/g, '')).toContain('examfixture-bank--resume');
    expect(attempts(first.home)).toEqual([{ status: 'in_progress', mode: 'exam', answered: 1 }]);

    const second = terminal(first.home);
    second.start([...CONTENT, 'exam', 'fixture-bank', '--resume']);
    screen = await second.waitFor('Question 2/8');
    second.send('Enter');
    await second.waitFor('Question 3/8');
    second.kill({ keepHome: true }); // the terminal closes under it: nothing answered is lost
    expect(attempts(first.home)).toEqual([{ status: 'in_progress', mode: 'exam', answered: 2 }]);

    const third = terminal(first.home);
    third.start([...CONTENT, 'exam', 'fixture-bank', '--resume']);
    await third.waitFor('Question 3/8');
    third.send('r');
    screen = await third.waitFor('Review before you submit');
    expect(screen).toContain('2 of 8 answered');
  });

  it('refuses to go back in a sequential exam and moves on when a question runs out of time', async () => {
    const t = terminal();
    t.start([...CONTENT, 'exam', 'sequential-bank', '--seed', '1']);
    let screen = await t.waitFor('Start the exam');
    expect(screen).toContain('sequential: no going back');
    t.send('Enter');
    screen = await t.waitFor('Question 1/2');
    t.send('Enter');
    screen = await t.waitFor(/this question 0:0\d/);
    expect(screen).not.toContain('← back');
    screen = await t.waitFor('Review before you submit', 20_000);
    expect(screen).toMatch(/ 2\. unanswered · closed/);
  });

  it('practice gives feedback after each answer with the rule it tests, and never counts', async () => {
    const t = terminal();
    t.start([...CONTENT, 'practice', 'quick-bank', '--seed', '1', '--confidence']);
    let screen = await t.waitFor('Start practising');
    expect(screen).toContain('Time limit       none');
    t.send('Enter');
    screen = await t.waitFor('Question 1/2');
    expect(screen).not.toMatch(/ left/);
    while (!screen.includes('What do you do first?')) {
      t.send('Right');
      screen = await t.waitFor('What do you do first?');
    }
    t.send('2', 'Enter'); // Rate at once, shown second (b) in this attempt's order (seed 1): wrong
    await t.waitFor('How sure are you?');
    t.send('1', 'Enter'); // low
    await t.waitFor('Show the answer'); // one more try is offered first
    t.send('Down', 'Enter');
    // Labelled by its place on screen: shown first in this attempt, so a), whatever its id.
    screen = await t.waitFor('Expected: a) Read the whole task');
    expect(screen).toContain('Expected: a) Read the whole task');
    expect(screen).toContain('Why: Section 1 says read first.');
    expect(screen).toContain('Rule 1.r1 Read every instruction before you rate.');
    t.send('Enter');
    screen = await nextScreen(t, screen);
    t.send('r');
    await t.waitFor('Review before you submit');
    t.send('Up', 'Enter');
    await t.waitFor('Finish practice with these questions still open?');
    t.send('Down', 'Enter');
    // The report ends with the learning analytics and the next step: longer than the window, it is paged.
    screen = await t.waitFor('Practice · attempt #1');
    if (!/Confidence\s+low\s+0 of 1 fully right/.test(screen)) {
      t.send('PgDn');
      screen = await t.waitFor(/Confidence\s+low\s+0 of 1 fully right/);
    }
    expect(screen).toMatch(/Confidence\s+low\s+0 of 1 fully right/);
    t.send('End');
    screen = await t.waitFor('Next step:');
    t.send('q');
    await t.waitFor('[exited 0]');
    expect(attempts(t.home)).toEqual([{ status: 'submitted', mode: 'practice', answered: 1 }]);
  });

  it("opens the home screen with each bank's status when run with no arguments", async () => {
    const t = terminal();
    // No arguments at all: the fixture banks come from the home folder's content.
    fs.cpSync(path.join(FIXTURES, 'basic'), path.join(t.home, 'content'), { recursive: true });
    t.start([]);
    let screen = await t.waitFor('Pick a bank.');
    // A table: id, title and status, each in its own column.
    const fixture = screen.split('\n').find((line) => line.includes('fixture-bank'))!;
    const search = screen.split('\n').find((line) => line.includes('search-evaluation-basics'))!;
    expect(fixture).toMatch(/fixture-bank +Fixture Bank +not tried yet$/);
    expect(fixture.indexOf('Fixture Bank')).toBe(search.indexOf('Search Result Evaluation'));
    expect(fixture.indexOf('not tried yet')).toBe(search.indexOf('not tried yet'));
    t.send('Home', 'Enter');
    screen = await t.waitFor('Take the exam');
    expect(screen).toContain('Practise (untimed, feedback after each question)');
    expect(screen).toContain('Read the guideline');
    expect(screen).toContain('History of attempts');
  });

  it('keeps the home screen\'s columns on a narrow window, cutting titles with "…"', async () => {
    const t = terminal();
    fs.cpSync(path.join(FIXTURES, 'basic'), path.join(t.home, 'content'), { recursive: true });
    t.start([]);
    await t.waitFor('Pick a bank.');
    t.resize(60, 20);
    const screen = await t.waitFor(/^qualify — practise qualification exams\n/);
    const rows = screen.split('\n').filter((line) => line.includes('not tried yet'));
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.filter((line) => [...line].length > 59)).toEqual([]);
    expect(new Set(rows.map((line) => line.indexOf('not tried yet'))).size).toBe(1);
    expect(screen).toMatch(/search-evaluation-basics +\S.*… +not tried yet/);
    expect(screen).not.toMatch(/^ +tried yet/m);
  });

  it("goes back to the bank's menu after the guideline, and offers practice when the exam is refused", async () => {
    const t = terminal();
    fs.cpSync(path.join(FIXTURES, 'basic'), path.join(t.home, 'content'), { recursive: true });
    // A failed attempt: the next one opens only after the waiting period.
    const empty = path.join(t.home, 'empty.yaml');
    fs.writeFileSync(empty, '');
    await cli(['exam', 'fixture-bank', '--answers', empty], { home: t.home });
    t.start([]);
    let screen = await t.waitFor('Pick a bank.');
    expect(screen).toMatch(/fixture-bank .*best 0%/);
    for (let step = 0; step < 20 && !/❯.*fixture-bank/.test(screen); step++) {
      t.send('Down');
      screen = await nextScreen(t, screen);
    }
    t.send('Enter');
    screen = await t.waitFor('Take the exam');
    expect(screen).toContain('Fixture Bank');
    t.send('3', 'Enter'); // Read the guideline: the reader of `qualify read`, with its contents and search
    screen = await t.waitFor('/ search or section id');
    expect(screen).toContain('Fixture Guideline');
    t.send('q');
    screen = await t.waitFor('Take the exam');
    expect(screen).toContain('Fixture Bank');
    expect(screen).not.toContain('Pick a bank.');
    t.send('1', 'Enter'); // Take the exam: refused, the waiting period runs
    screen = await t.waitFor('You cannot retake this exam yet');
    expect(screen).not.toContain('--practice');
    expect(screen).toContain('❯ Practise now (never counts)');
    t.send('Enter');
    screen = await t.waitFor('Start practising');
    t.send('Down', 'Enter'); // Not now: back to the list of banks, with nothing left over
    screen = await t.waitFor('Pick a bank.');
    expect(screen).not.toContain('Enter continue');
    expect(screen).not.toContain('Start practising');
  });
});
