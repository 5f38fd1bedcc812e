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
});
