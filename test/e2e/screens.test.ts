import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURES } from '../cli/run-cli.js';
import { TmuxTerminal } from './tmux.js';

const CONTENT = ['--content', path.join(FIXTURES, 'basic'), '--content', path.join(FIXTURES, 'interactive')];
const terminals: TmuxTerminal[] = [];
afterEach(() => {
  while (terminals.length) terminals.pop()!.kill();
});

function terminal(): TmuxTerminal {
  const t = new TmuxTerminal();
  terminals.push(t);
  return t;
}

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
});
