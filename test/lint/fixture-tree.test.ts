import fs from 'node:fs';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, FIXTURES, spawnCli, tempHome } from '../cli/run-cli.js';

const FOLDER = path.join(FIXTURES, 'lint');
const EXPECTED = fs
  .readFileSync(path.join(FOLDER, 'expected.txt'), 'utf8')
  .split('\n')
  .filter((line) => line && !line.startsWith('#'));

const home = tempHome();
afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

const lint = (...args: string[]) => cli(['lint', 'tree', ...args], { home, cwd: FOLDER });

/** `file:line:col rule-id` of every problem the stylish output shows under its file header. */
function fromStylish(text: string): string[] {
  const found: string[] = [];
  let file = '';
  for (const line of text.split('\n')) {
    const problem = /^ {2}(\d+:\d+)\s+(?:error|warning)\s+.*\s(\S+)$/.exec(line);
    if (problem) found.push(`${file}:${problem[1]} ${problem[2]}`);
    else if (/^(\S+\.ya?ml|<stdin>)$/.test(line)) file = line;
  }
  return found;
}

function fromJson(text: string): string[] {
  const results = JSON.parse(text) as {
    filePath: string;
    messages: { line: number; column: number; ruleId: string }[];
  }[];
  return results.flatMap((r) =>
    r.messages.map((m) => `${path.relative(FOLDER, r.filePath)}:${m.line}:${m.column} ${m.ruleId}`),
  );
}

function fromGithub(text: string): string[] {
  return text
    .split('\n')
    .map((line) => /^::(?:error|warning) file=([^,]+),line=(\d+),col=(\d+),title=([^:]+)::/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => `${m[1]}:${m[2]}:${m[3]} ${m[4]}`);
}

describe('qualify lint on the fixture tree (one instance of every problem)', () => {
  // "file" needs an unreadable file and "item-stats" attempts: their own tests cover them.
  it('the fixture covers every rule but "file" and "item-stats"', () => {
    const ids = new Set(EXPECTED.map((line) => line.split(' ')[1]));
    const docs = fs
      .readdirSync(path.join(FIXTURES, '..', '..', 'docs', 'rules'))
      .filter((f) => f !== 'README.md')
      .map((f) => f.replace(/\.md$/, ''));
    expect(docs.filter((id) => !ids.has(id))).toEqual(['file', 'item-stats']);
  });

  it('lists the same problems at the same places when the clean files come from the cache', async () => {
    const warm = tempHome();
    try {
      const first = await cli(['lint', 'tree'], { home: warm, cwd: FOLDER });
      const cached = fs.readdirSync(path.join(warm, 'cache', 'content'));
      expect(cached.length).toBeGreaterThan(2); // the files without an error were remembered
      const second = await cli(['lint', 'tree'], { home: warm, cwd: FOLDER });
      expect(fromStylish(second.stdout)).toEqual(fromStylish(first.stdout));
      expect(fromStylish(second.stdout).sort()).toEqual([...EXPECTED].sort());
      expect(second.code).toBe(1);
    } finally {
      fs.rmSync(warm, { recursive: true, force: true });
    }
  });

  it('stylish (the default) lists exactly the expected problems, grouped by file, and exits 1', async () => {
    const result = await lint();
    expect(result.code).toBe(1);
    expect(fromStylish(result.stdout)).toEqual(EXPECTED);
    expect(result.stdout).toContain('coverage  fx: 2/3 sections tested  tree/guideline.yaml');
    expect(result.stdout).toContain(`✖ ${EXPECTED.length} problems (16 errors, 11 warnings)`);
  });

  it('json lists exactly the expected problems, with the coverage on the guideline', async () => {
    const result = await lint('--format', 'json');
    expect(result.code).toBe(1);
    expect(fromJson(result.stdout)).toEqual(EXPECTED);
    const results = JSON.parse(result.stdout) as { filePath: string; coverage?: unknown }[];
    const guideline = results.find((r) => r.filePath === path.join(FOLDER, 'tree', 'guideline.yaml'));
    expect(guideline?.coverage).toEqual({ guideline: 'fx', tested: 2, total: 3 });
  });

  it("json is ESLint's shape: absolute paths, numeric severities, every count ESLint's formatters read", async () => {
    const results = JSON.parse((await lint('--format', 'json')).stdout) as Record<string, unknown>[];
    for (const entry of results) {
      expect(path.isAbsolute(entry.filePath as string)).toBe(true);
      for (const key of ['errorCount', 'warningCount', 'fatalErrorCount', 'fixableErrorCount', 'fixableWarningCount'])
        expect(typeof entry[key]).toBe('number');
      expect(entry.suppressedMessages).toEqual([]);
      expect(entry.usedDeprecatedRules).toEqual([]);
      for (const message of entry.messages as Record<string, unknown>[]) {
        expect([1, 2]).toContain(message.severity);
        for (const key of ['line', 'column', 'endLine', 'endColumn']) expect(typeof message[key]).toBe('number');
        // Every problem comes from a rule's meta.messages, named as ESLint names it.
        expect(message.messageId).toMatch(/^[A-Za-z_]+$/);
      }
    }
    const messages = results.flatMap((r) => r.messages as { severity: number }[]);
    expect(messages.filter((m) => m.severity === 2)).toHaveLength(16);
    expect(messages.filter((m) => m.severity === 1)).toHaveLength(11);
    const broken = results.find((r) => (r.messages as { ruleId: string }[]).some((m) => m.ruleId === 'yaml-syntax'))!;
    expect(broken.fatalErrorCount).toBe(1);
  });

  it("ESLint's own stylish formatter reads the json output: errors print as errors, warnings as warnings", async () => {
    const output = (await lint('--format', 'json')).stdout;
    const formatter = await new ESLint({ cwd: FOLDER }).loadFormatter('stylish');
    const text = stripVTControlCharacters(await formatter.format(JSON.parse(output) as ESLint.LintResult[]));
    expect(text).toContain(path.join(FOLDER, 'tree', 'guideline.yaml'));
    expect(text).toMatch(/^\s+\d+:\d+\s+error\s+.*is not one of the option ids.*answer-shape$/m);
    expect(text).toMatch(/^\s+\d+:\d+\s+warning\s+.*section-coverage$/m);
    expect(text).toContain(`✖ ${EXPECTED.length} problems (16 errors, 11 warnings)`);
  });

  it('github lists exactly the expected problems as workflow annotations', async () => {
    const result = await lint('--format', 'github');
    expect(result.code).toBe(1);
    expect(fromGithub(result.stdout)).toEqual(EXPECTED);
    expect(result.stdout).toContain(
      '::notice file=tree/guideline.yaml,title=section-coverage::fx: 2/3 sections tested',
    );
  });

  it('skips a YAML file without `kind` in a folder (an answers file kept beside the banks)', async () => {
    expect((await lint()).stdout).not.toContain('answers.yaml');
  });
});

describe('qualify lint exit codes', () => {
  const clean = path.join(FOLDER, 'clean');

  it('exits 0 on clean content and says so', async () => {
    const result = await cli(['lint', clean], { home, cwd: FOLDER });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('✔ no problems in 2 files');
  });

  it('exits 1 when warnings exceed --max-warnings, 0 when within it', async () => {
    // The guideline's one warning (section 3 untested) needs its banks loaded: --content adds them.
    const lintGuideline = (max: string) =>
      cli(['lint', 'tree/guideline.yaml', '--content', 'tree', '--max-warnings', max], { home, cwd: FOLDER });
    const over = await lintGuideline('0');
    expect(over.stdout).toContain('section-coverage');
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('1 warning found; --max-warnings allows 0.');
    expect((await lintGuideline('1')).code).toBe(0);
    expect((await lintGuideline('-1')).code).toBe(0);
  });

  it('exits 2 on a usage error: a missing path, an unknown format, a bad --max-warnings', async () => {
    const missing = await cli(['lint', 'no-such-folder'], { home, cwd: FOLDER });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Nothing to lint at "no-such-folder"');
    expect((await cli(['lint', 'tree', '--format', 'xml'], { home, cwd: FOLDER })).code).toBe(2);
    const bad = await cli(['lint', 'tree', '--max-warnings', 'many'], { home, cwd: FOLDER });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--max-warnings must be a whole number');
  });

  it('reports a named file without `kind` instead of skipping it silently', async () => {
    const result = await cli(['lint', 'tree/answers.yaml'], { home, cwd: FOLDER });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('1:1  error    this file has no "kind"');
  });

  it('lints standard input for "-", named <stdin>, its guideline found on the content path', () => {
    const orphan = fs.readFileSync(path.join(FOLDER, 'tree', 'orphan.yaml'), 'utf8');
    const result = spawnCli(['lint', '-'], { home, cwd: FOLDER, input: orphan });
    expect(result.code).toBe(1);
    expect(fromStylish(result.stdout)).toEqual(['<stdin>:4:12 unknown-guideline']);
    const guideline = fs.readFileSync(path.join(FOLDER, 'clean', 'clean-guide.yaml'), 'utf8');
    const clean = spawnCli(['lint', '-'], { home, cwd: FOLDER, input: guideline });
    expect(clean.stdout).not.toContain('error');
    expect(clean.code).toBe(0);
  });

  it('lints the current folder by default', async () => {
    const result = await cli(['lint'], { home, cwd: clean });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('no problems in 2 files');
  });
});
