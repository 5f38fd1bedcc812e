import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import stringWidth from 'string-width';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VERSION } from '../../src/cli/version.js';
import { GUIDELINE, bankYaml } from '../helpers.js';
import { BIN, FIXTURES, builtBin, spawnCli, tempHome, writeTemp } from './run-cli.js';

// The launcher itself, in its own process: what the in-process tests (run(argv, io)) cannot show.
let home: string;
beforeEach(() => {
  // As on the very first run: no content cache yet.
  home = tempHome({ cold: true });
});
afterEach(() => fs.rmSync(home, { recursive: true, force: true }));

const BASIC = ['--content', path.join(FIXTURES, 'basic')];

describe('bin/qualify.js', () => {
  it('turns each outcome into its exit code: 0 ok, 1 problems, 2 usage or content error, 3 retake refused', () => {
    expect(spawnCli(['--version'], { home })).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
    expect(spawnCli([...BASIC, 'list'], { home }).code).toBe(0);

    const broken = writeTemp(home, 'broken/bank.yaml', 'kind: bank\nid: broken\ntitle: [unclosed\n');
    const lint = spawnCli(['lint', broken], { home });
    expect(lint.code).toBe(1);
    expect(lint.stdout).toMatch(/bank\.yaml\n +\d+:\d+ +error +YAML syntax/);

    const unknown = spawnCli([...BASIC, 'exam', 'no-such-bank', '--answers', broken], { home });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('There is no question bank with id "no-such-bank"');
    const usage = spawnCli(['no-such-command'], { home });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('(run "qualify --help" for usage)');

    const empty = writeTemp(home, 'empty.yaml', '');
    const now = '2026-11-01T09:00:00.000Z';
    expect(spawnCli([...BASIC, 'exam', 'fixture-bank', '--answers', empty], { home, now }).code).toBe(0);
    const refused = spawnCli([...BASIC, 'exam', 'fixture-bank', '--answers', empty], { home, now });
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('Mon, 2 Nov 2026, 09:00 UTC');
    for (const result of [lint, unknown, usage, refused]) expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('wraps wide text the same on a Node whose require() cannot load ES modules (as 20.17 and 20.18)', () => {
    // string-width and wrap-ansi are loaded on first use by require() where Node allows it, and
    // imported before the command runs where it does not: both must measure CJK and emoji alike.
    const guideline = fs
      .readFileSync(path.join(FIXTURES, 'basic', 'guideline.yaml'), 'utf8')
      .replace(
        'body: Read the whole task before answering.',
        `body: "${'読む前に全部読んでください 🙂 '.repeat(6)}then answer."`,
      );
    writeTemp(home, 'wide/guideline.yaml', guideline);
    const args = ['--content', path.join(home, 'wide'), 'read', 'fixture-guide', '1'];
    const env = { COLUMNS: '40' };
    const lazy = spawnCli(args, { home, env });
    const preloaded = spawnCli(args, { home, env: { ...env, NODE_OPTIONS: '--no-experimental-require-module' } });
    expect(lazy.code).toBe(0);
    expect(lazy.stdout).toContain('読む前に');
    // Wrapped at 40 columns by width: each double-width character takes two.
    for (const line of lazy.stdout.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(40);
    expect(preloaded).toEqual(lazy);
  });

  it('stops quietly, with no stack trace, when the reader stops reading', () => {
    // `head -1` closes the pipe after one line; the key of a shipped bank is hundreds of lines.
    const key = `"${process.execPath}" "${builtBin()}" key search-evaluation-basics`;
    const script = `${key} | head -1; echo "exit \${PIPESTATUS[0]}" >&2`;
    const result = spawnSync('bash', ['-c', script], { env: { ...process.env, QUALIFY_HOME: home }, encoding: 'utf8' });
    expect(result.stdout).toMatch(/^# Answer key of search-evaluation-basics/);
    expect(result.stderr.trim()).toBe('exit 0');
  });

  it('colours and charts the same on a Node whose require() cannot load ES modules', () => {
    // chalk and sparkly are loaded on first use too (JSON and answers-file exams need neither).
    const wrong = writeTemp(home, 'wrong.yaml', 'q-single: a\nq-tf: false\n');
    const right = writeTemp(home, 'right.yaml', 'q-single: b\nq-tf: true\n');
    for (const answers of [wrong, right, wrong])
      expect(spawnCli([...BASIC, 'exam', 'fixture-bank', '--practice', '--answers', answers], { home }).code).toBe(0);
    const env = { NO_COLOR: '', FORCE_COLOR: '1', COLUMNS: '80' };
    const lazy = spawnCli([...BASIC, 'history'], { home, env });
    const preloaded = spawnCli([...BASIC, 'history'], {
      home,
      env: { ...env, NODE_OPTIONS: '--no-experimental-require-module' },
    });
    expect(lazy.code).toBe(0);
    expect(lazy.stdout).toContain('\u001b[1mFixture Bank\u001b[22m');
    expect(lazy.stdout).toMatch(/ {4}1 +[▁▂▃▄▅▆▇█]{3} /);
    expect(preloaded).toEqual(lazy);
  });

  it('records the attempt and prints its report when the reader of stderr has gone', () => {
    // The answers file names a question the bank lacks: its warning is the first write to stderr.
    const answers = writeTemp(home, 'answers.yaml', 'q-single: b\nq-tf: true\nq-gone: true\n');
    const closedStderr = [
      'import os, subprocess, sys',
      'r, w = os.pipe()',
      'os.close(r)',
      'child = subprocess.run(sys.argv[1:], stderr=w, stdout=subprocess.PIPE)',
      'sys.stdout.buffer.write(child.stdout)',
      'sys.exit(child.returncode)',
    ].join('\n');
    const args = [builtBin(), ...BASIC, 'exam', 'fixture-bank', '--practice', '--json', '--answers', answers];
    const result = spawnSync('python3', ['-c', closedStderr, process.execPath, ...args], {
      env: { ...process.env, QUALIFY_HOME: home },
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ bank: 'fixture-bank', mode: 'practice' });
    const history = spawnCli([...BASIC, 'history', '--json'], { home });
    expect((JSON.parse(history.stdout) as { attempts: unknown[] }).attempts).toHaveLength(1);
  });

  it('writes a long output whole through a full pipe, one left non-blocking too, and into a file', () => {
    // Over a pipe's 64 KB: the writer must wait for the reader, however the pipe was set up.
    const questions = Array.from(
      { length: 6000 },
      (_, i) =>
        `  - {id: question-${i}, type: true-false, sections: ["1"], prompt: "Is ${i} even?", answer: ${i % 2 === 0}}`,
    ).join('\n');
    const content = path.join(home, 'long');
    writeTemp(content, 'g.yaml', GUIDELINE);
    writeTemp(content, 'b.yaml', `${bankYaml(questions)}\n`);
    const args = [builtBin(), '--content', content, 'key', 'b'];
    const env = { ...process.env, QUALIFY_HOME: home };
    const file = path.join(home, 'key.yaml');
    const toFile = spawnSync(process.execPath, args, { env, stdio: ['ignore', fs.openSync(file, 'w'), 'pipe'] });
    expect(toFile.status).toBe(0);
    const whole = fs.readFileSync(file, 'utf8');
    expect(whole.length).toBeGreaterThan(100_000);
    expect(whole.trimEnd().split('\n').at(-1)).toBe('question-5999: false');

    const slow = spawnSync(
      'bash',
      ['-c', `"${process.execPath}" ${args.map((a) => `"${a}"`).join(' ')} | (sleep 0.3; cat)`],
      {
        env,
        encoding: 'utf8',
        maxBuffer: 1 << 24,
      },
    );
    expect(slow.stdout).toBe(whole);

    // A pipe left non-blocking by the program that made it (Python here, as some tools do): a full
    // pipe refuses a write for a moment instead of waiting.
    const nonBlocking = [
      'import os, subprocess, sys, time',
      'r, w = os.pipe()',
      'os.set_blocking(w, False)',
      'child = subprocess.Popen(sys.argv[1:], stdout=w)',
      'os.close(w)',
      'time.sleep(0.3)',
      'sys.stdout.buffer.write(os.fdopen(r, "rb").read())',
      'sys.exit(child.wait())',
    ].join('\n');
    const python = spawnSync('python3', ['-c', nonBlocking, process.execPath, ...args], {
      env,
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    });
    expect(python.stderr).toBe('');
    expect(python.status).toBe(0);
    expect(python.stdout).toBe(whole);
  });

  it('runs from the bundle alone: no module of the unbundled build is needed', () => {
    // The package as the launcher sees it, with dist/ holding only the bundle.
    const root = path.join(home, 'package');
    const ROOT = path.dirname(path.dirname(BIN));
    for (const part of ['bin', 'dist/bundle', 'guidelines', 'question-banks', 'src/content/schema', 'package.json'])
      fs.cpSync(path.join(ROOT, part), path.join(root, part), { recursive: true });
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(root, 'node_modules'));
    const bin = path.join(root, 'bin', 'qualify.js');
    const env = { ...process.env, QUALIFY_HOME: path.join(home, 'data'), QUALIFY_NOW: '2026-11-01T09:00:00.000Z' };
    const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8' });

    const list = run('list');
    expect(list.stderr).toBe('');
    expect(list.stdout).toContain('search-evaluation-basics');
    // An exam scores free text with the language model and records the attempt in SQLite.
    const answers = writeTemp(home, 'answers.yaml', run('key', 'search-evaluation-basics').stdout);
    const exam = run('exam', 'search-evaluation-basics', '--answers', answers, '--json');
    expect(exam.stderr).toBe('');
    expect(JSON.parse(exam.stdout)).toMatchObject({
      bank: 'search-evaluation-basics',
      status: 'submitted',
      percent: 100,
    });
    expect(run('lint', path.join(root, 'question-banks')).status).toBe(0);
    expect(run('history').stdout).toContain('search-evaluation-basics');
  });

  it('says how to build it when dist/ is missing, with exit 2 and no stack trace', () => {
    // The launcher as a fresh clone has it: a bin/ folder without dist/ beside it.
    const clone = path.join(home, 'clone');
    fs.cpSync(path.dirname(BIN), path.join(clone, 'bin'), { recursive: true });
    fs.writeFileSync(path.join(clone, 'package.json'), '{"type": "module"}\n');
    for (const args of [['list'], ['--version'], ['--help']]) {
      const result = spawnSync(process.execPath, [path.join(clone, 'bin', 'qualify.js'), ...args], {
        encoding: 'utf8',
      });
      expect(result.status).toBe(2);
      expect(result.stderr).toBe(
        'qualify is not built yet: run "npm install" (or "npm run build") in its folder first.\n',
      );
    }
  });
});
