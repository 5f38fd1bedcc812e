import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { parseJson } from '../helpers.js';
import { FIXTURES, cli } from '../cli/run-cli.js';
import { attempts, terminalsClosedAfterEach } from './tmux.js';

const CONTENT = ['--content', path.join(FIXTURES, 'basic')];
const WRONG = path.join(FIXTURES, 'study', 'wrong-answers.yaml');
const terminal = terminalsClosedAfterEach();

/** A failed counted exam of fixture-bank (3 questions missed), taken from an answers file. */
async function failExam(home: string, content = CONTENT): Promise<void> {
  const result = await cli([...content, 'exam', 'fixture-bank', '--answers', WRONG], { home });
  expect(result.stdout).toContain('NOT PASSED');
}

function cards(home: string): { id: string; due_at: number }[] {
  const db = new Database(path.join(home, 'qualify.db'), { readonly: true });
  try {
    return db.prepare('SELECT id, due_at FROM study_cards ORDER BY id').all() as never;
  } finally {
    db.close();
  }
}

function reviews(home: string): { card_id: string; grade: string; correct: number }[] {
  const db = new Database(path.join(home, 'qualify.db'), { readonly: true });
  try {
    return db.prepare('SELECT card_id, grade, correct FROM study_reviews ORDER BY id').all() as never;
  } finally {
    db.close();
  }
}

describe('the study loop in a terminal (tmux)', () => {
  it('reads a guideline: record per section, / search and jump, three passes, sections read kept', async () => {
    const t = terminal();
    await failExam(t.home);
    t.start([...CONTENT, 'read', 'fixture-guide']);
    let screen = await t.waitFor('Reading the task');
    expect(screen).toMatch(/1 {2}Reading the task +2 tried · 50% right · seen today/);
    expect(screen).toMatch(/2\.1 {2}High quality +1 tried · 0% right/);
    t.type('/');
    await t.waitFor('Search (words, or a section id');
    t.type('unsafe');
    t.send('Enter');
    screen = await t.waitFor('# 3 Safety');
    expect(screen).toContain('Flag unsafe content.');
    /** `/`, the words, Enter: the screen once `until` is on it. */
    const search = (words: string, until: string) => {
      t.type('/');
      t.type(words);
      t.send('Enter');
      return t.waitFor(until);
    };
    screen = await search('2.1', '# 2.1 High quality');
    expect(screen).toContain('Pass 1: read through · section 3/4');
    await search('zebra', 'Nothing matches "zebra".');
    t.type('t');
    screen = await t.waitFor('Sections · your record');
    expect(screen).toMatch(/3 {2}Safety .*✓ read/);
    expect(screen).toMatch(/2\.1 {2}High quality .*✓ read/);
    expect(screen).not.toMatch(/Reading the task .*✓ read/);
    // Several sections match: a list to pick from, which Esc leaves for the contents again.
    screen = await search('the', 'pick one to read');
    expect(screen).toContain('Esc back');
    t.send('Escape');
    await t.waitFor('Sections · your record');

    // Pass 3: the sections missed most, lowest accuracy first: 2.1 (0%), 3 (33%), 1 (50%).
    t.type('3');
    screen = await t.waitFor('Pass 3: the sections you keep missing · section 1/3');
    expect(screen).toContain('# 2.1 High quality');
    t.type('n');
    screen = await t.waitFor('section 2/3');
    expect(screen).toContain('# 3 Safety');

    // Pass 2: rules, terms and examples, without the prose.
    t.type('t');
    await t.waitFor('Sections · your record');
    t.type('2');
    screen = await t.waitFor('Pass 2: rules, terms and examples only');
    expect(screen).toContain('Rule 1.r1 Read every instruction before you rate.');
    expect(screen).not.toContain('Read the whole task before answering.');
    t.type('q');
    await t.waitFor('[exited 0]');
    const toc = (await cli([...CONTENT, 'read', 'fixture-guide'], { home: t.home })).stdout;
    expect(toc).toMatch(/Reading the task .*✓ read/);
  });

  it('drills after a failed exam: missed questions come due, right answers later, wrong ones soon', async () => {
    const t = terminal();
    await failExam(t.home);
    const before = Date.now();
    t.start([...CONTENT, 'drill', 'fixture-bank']);
    let screen = await t.waitFor('Drill · Fixture Bank');
    // The four missed questions first, then the rule cards of the sections they were missed in.
    expect(screen).toMatch(/Question 1\/\d · missed question · section 1/);
    expect(screen).toContain('What do you do first?');
    t.send('2', 'Enter'); // b) Read the whole task: right
    await t.waitFor('How sure are you?');
    t.send('2', 'Enter'); // medium (no level is preselected)
    screen = await t.waitFor('Grade: Good (right)');
    expect(screen).toContain('Rule 1.r1 Read every instruction before you rate.');
    // Saved before the feedback: the card is due later than now, and its review is logged.
    const single = cards(t.home).find((c) => c.id === 'question:fixture-bank:q-single')!;
    expect(single.due_at).toBeGreaterThan(before + 60_000);
    expect(reviews(t.home)).toEqual([{ card_id: 'question:fixture-bank:q-single', grade: 'good', correct: 1 }]);
    t.send('Enter');
    screen = await t.waitFor('Rate this page.');
    t.send('1', 'Enter'); // Lowest: wrong again (the key is High)
    await t.waitFor('How sure are you?');
    t.send('2', 'Enter'); // medium
    screen = await t.waitFor('Grade: Again (wrong)');
    t.send('C-c');
    screen = await t.waitFor('[exited 0]');
    expect(screen).toMatch(/Drilled 2 cards: 1 right\. \d+ cards still due\./);
    const rating = cards(t.home).find((c) => c.id === 'question:fixture-bank:q-rating')!;
    expect(rating.due_at).toBeLessThan(single.due_at);
    // The next round carries on with what is still due: not the card answered right.
    const drill = (await cli([...CONTENT, 'drill', 'fixture-bank', '--json'], { home: t.home })).stdout;
    const due = parseJson<{ due: { card: string }[] }>(drill).due.map((c) => c.card);
    expect(due).not.toContain('question:fixture-bank:q-single');
    expect(due).toContain('question:fixture-bank:q-tf');
    // A drill is not an attempt: the retake history holds only the failed exam.
    expect(attempts(t.home)).toEqual([{ status: 'submitted', mode: 'exam', answered: 8 }]);
  });

  it('shows the next step on the home screen', async () => {
    const t = terminal();
    fs.mkdirSync(path.join(t.home, 'content'));
    for (const file of ['bank.yaml', 'guideline.yaml'])
      fs.copyFileSync(path.join(FIXTURES, 'basic', file), path.join(t.home, 'content', file));
    await failExam(t.home, []);
    t.start([]);
    const screen = await t.waitFor('Next step:');
    expect(screen).toContain('Next step: 4 cards due - drill (2 min)  →  qualify drill fixture-bank');
  });

  it('draws the score trend and the per-section accuracy in history', async () => {
    const t = terminal();
    const key = path.join(t.home, 'key.yaml');
    fs.writeFileSync(key, (await cli([...CONTENT, 'key', 'fixture-bank'], { home: t.home })).stdout);
    await cli([...CONTENT, 'exam', 'fixture-bank', '--practice', '--answers', WRONG], { home: t.home });
    await cli([...CONTENT, 'exam', 'fixture-bank', '--practice', '--answers', key], { home: t.home });
    t.start([...CONTENT, 'history', 'fixture-bank']);
    const screen = await t.waitFor('[exited 0]');
    expect(screen).toMatch(/fixture-bank: \d+% → 100% over 2 attempts/);
    expect(screen).toMatch(/100% +┼/); // the chart's axis
    expect(screen).toMatch(/╯/); // the line rises
    expect(screen).toMatch(/2\.1 +▁█ +0% → 100%/);
    expect(screen).toMatch(/1 +▄█ +50% → 100%/);
  });
});

describe('the end of a drill round at 60 columns', () => {
  it('wraps the summary and the next step at word boundaries, the command whole', async () => {
    const t = terminal();
    await failExam(t.home);
    t.start([...CONTENT, 'drill', 'fixture-bank'], {}, { columns: 60, rows: 20 });
    const question = await t.waitFor('What do you do first?');
    expect(question).toContain('Ctrl+C save & quit'); // how to end the round is on screen
    t.send('C-c');
    const screen = await t.waitFor('[exited 0]');
    const lines = screen.split('\n');
    // The next step is longer than the window: it wraps at a space, not inside the bank id.
    expect(lines.filter((line) => line.length > 59)).toEqual([]);
    expect(
      lines.some((line) => /(^| )fixture-bank$/.test(line)),
      lines.join('\n'),
    ).toBe(true);
    expect(lines.join(' ')).toMatch(/Next step: \d+ cards due - drill \(\d+ min\) {2}→ {2}qualify drill fixture-bank/);
  });
});
