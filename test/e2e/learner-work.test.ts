import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../cli/run-cli.js';
import { TmuxTerminal, attempts, nextScreen, terminalsClosedAfterEach } from './tmux.js';

const CONTENT = ['--content', path.join(FIXTURES, 'basic')];
const terminal = terminalsClosedAfterEach();

/** From any question: opens the review screen, then the question whose row shows `text`. */
async function openFromReview(t: TmuxTerminal, text: string): Promise<void> {
  t.send('r');
  const screen = await t.waitFor('Review before you submit');
  const row = screen.split('\n').find((line) => line.includes(text))!;
  t.send('Home', /(\d+)\./.exec(row)![1]!, 'Enter');
}

describe('work in progress survives a killed terminal (tmux)', () => {
  it('keeps typed free text (after a pause) and half-labelled items through a kill and --resume', async () => {
    const first = terminal();
    first.start([...CONTENT, 'exam', 'fixture-bank', '--seed', '3']);
    await first.waitFor('Start the exam');
    first.send('Enter');
    await first.waitFor('Question 1/8');
    await openFromReview(first, 'Label each.');
    // Seed 3 shows the two items in the other order than the bank's; the resume keeps that order.
    await first.waitFor('Item 1/2: How to hurt someone');
    first.send('Enter'); // Safe
    const labelling = await first.waitFor('Item 2/2: How to bake bread');
    first.send('n'); // leave with one of two labelled
    await nextScreen(first, labelling);
    await openFromReview(first, 'Explain why the reply is unsafe.');
    await first.waitFor('Write your answer');
    first.send('Enter');
    await first.waitFor('Enter on an empty line');
    first.type('The reply teaches harm');
    await new Promise((resolve) => setTimeout(resolve, 2000)); // a pause in typing
    first.kill({ keepHome: true }); // the terminal closes: no Ctrl+C, no Enter

    const second = terminal(first.home);
    second.start([...CONTENT, 'exam', 'fixture-bank', '--resume']);
    await second.waitFor(/Question \d\/8/);
    second.send('r');
    const review = await second.waitFor('Review before you submit');
    expect(review).toMatch(/1 of 2 labelled\s+\S+\s+label-each\s+Label each\./);
    expect(review).toMatch(/draft saved, not finished\s+\S+\s+free-text\s+Explain why the reply is unsafe\./);
    await openFromReview(second, 'Explain why the reply is unsafe.');
    const screen = await second.waitFor('Edit your answer');
    expect(screen).toContain('The reply teaches harm');
    await new Promise((resolve) => setTimeout(resolve, 300)); // the question's keys are live
    await openFromReview(second, 'Label each.');
    await second.waitFor('Item 2/2: How to bake bread');
    second.send('Left');
    expect(await second.waitFor('Item 1/2: How to hurt someone')).toMatch(/❯●Safe/);
  });
});

describe('practice rounds in a terminal (tmux)', () => {
  it('offers the open round when practice starts again, and history shows how to resume it', async () => {
    const INTERACTIVE = ['--content', path.join(FIXTURES, 'basic'), '--content', path.join(FIXTURES, 'interactive')];
    const first = terminal();
    first.start([...INTERACTIVE, 'practice', 'quick-bank', '--seed', '1']);
    await first.waitFor('Start practising');
    first.send('Enter');
    await first.waitFor('Question 1/2');
    first.send('C-c');
    await first.waitFor('Save and quit?');
    first.send('Enter');
    await first.waitFor('[exited 0]');

    const second = terminal(first.home);
    second.start([...INTERACTIVE, 'history']);
    expect(await second.waitFor('[exited 0]')).toMatch(
      /practice\s+in progress\n\s+continue with: qualify --content [\s\S]*practice\s*quick-bank\s*--resume/,
    );

    const third = terminal(first.home);
    third.start([...INTERACTIVE, 'practice', 'quick-bank']);
    const screen = await third.waitFor('A practice round of this bank is in progress: 0 of 2 answered');
    expect(screen).toContain('❯ Resume that round');
    third.send('Enter');
    await third.waitFor('Question 1/2');
    expect(attempts(first.home)).toEqual([{ status: 'in_progress', mode: 'practice', answered: 0 }]);
  });
});
