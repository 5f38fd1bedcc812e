import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, FIXTURES } from '../cli/run-cli.js';
import { attempts, terminalsClosedAfterEach } from './tmux.js';

const CONTENT = ['--content', path.join(FIXTURES, 'basic')];
const terminal = terminalsClosedAfterEach();

describe('the terminal exam and a clock turned back (tmux)', () => {
  it('refuses --resume with a clock earlier than the attempt: neither wait nor exam time can grow', async () => {
    const t = terminal();
    // An exam in progress, started and answered on 10 January (driven without a terminal).
    const env = { ...process.env, QUALIFY_HOME: t.home, NO_COLOR: '1', QUALIFY_NOW: '2031-01-10T10:00:00Z' };
    spawnSync(process.execPath, [BIN, ...CONTENT, 'exam', 'fixture-bank', '--answers', '-', '--stream'], {
      env,
      input: '{"id": "q-single", "answer": "a"}\n',
    });
    expect(attempts(t.home)).toEqual([{ status: 'in_progress', mode: 'exam', answered: 1 }]);

    t.start([...CONTENT, 'exam', 'fixture-bank', '--resume'], { QUALIFY_NOW: '2031-01-08T10:00:00Z' });
    const screen = await t.waitFor('[exited');
    expect(screen).toContain('earlier than an attempt already');
    expect(screen).toContain('[exited 3]');
    expect(attempts(t.home)).toEqual([{ status: 'in_progress', mode: 'exam', answered: 1 }]);
  });
});
