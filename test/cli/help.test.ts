import { describe, expect, it } from 'vitest';
import { HELP } from '../../src/cli/help.generated.js';
import { buildProgram } from '../../src/cli/main.js';
import { cli, spawnCli, tempHome } from './run-cli.js';

/** The help as the program itself prints it into a pipe (commander's 80 columns). */
function programHelp(): string {
  let text = '';
  const program = buildProgram({
    out: (s) => (text += s),
    err: () => {},
    env: {},
    color: false,
    colorErr: false,
    width: 80,
    cwd: '/',
  });
  program.configureOutput({ getOutHelpWidth: () => 80, getOutHasColors: () => false });
  program.outputHelp();
  return text;
}

describe('qualify --help into a pipe', () => {
  it('is the generated text, which is what the program prints (run "npm run generate" when not)', () => {
    expect(HELP).toBe(programHelp());
    expect(HELP).toContain('Usage: qualify [options] [command]');
    const home = tempHome();
    // The launcher answers `--help` into a pipe from the generated text, without loading the program.
    for (const flag of ['--help', '-h']) {
      const result = spawnCli([flag], { home });
      expect(result).toEqual({ code: 0, stdout: HELP, stderr: '' });
    }
  });

  it("a command's help still comes from the program", async () => {
    const result = await cli(['list', '--help'], { home: tempHome() });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: qualify list [options]');
  });
});
