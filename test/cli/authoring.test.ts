import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { parseDocument } from 'yaml';
import bankSchema from '../../src/content/schema/bank.schema.json' with { type: 'json' };
import { parseJson } from '../helpers.js';
import { cli, FIXTURES, ROOT, spawnCli, tempHome, writeTemp } from './run-cli.js';

const home = tempHome();
afterAll(() => fs.rmSync(home, { recursive: true, force: true }));
const fresh = (name: string) => fs.mkdtempSync(path.join(home, `${name}-`));

/** The key of a bank file, then an exam with it over every question: what a learner who answers like the key gets. */
async function keyScore(bankFile: string): Promise<{ percent: number; passed: boolean }> {
  const key = await cli(['key', bankFile], { home });
  expect(key.code).toBe(0);
  const answers = writeTemp(path.dirname(bankFile), 'key.answers.yml', key.stdout.replace(/^#.*\n/, ''));
  const exam = await cli(['exam', bankFile, '--answers', answers, '--practice', '--all', '--json'], { home });
  fs.rmSync(answers);
  expect(exam.code).toBe(0);
  return parseJson<{ percent: number; passed: boolean }>(exam.stdout);
}

describe('qualify schema', () => {
  it('prints the JSON Schema the loader validates with, so editors and tools agree with qualify', async () => {
    const result = await cli(['schema', 'bank'], { home });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(bankSchema);
    expect(parseJson<{ title: string }>((await cli(['schema', 'guideline'], { home })).stdout).title).toContain(
      'guideline',
    );
  });

  it('refuses an unknown kind with exit 2', async () => {
    const result = await cli(['schema', 'quiz'], { home });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('quiz');
  });

  // So the editor line survives sharing the folder.
  it('--write puts both schemas into a content folder; new and import point their editor line there', async () => {
    const content = fresh('shared');
    const written = await cli(['schema', '--write', content], { home });
    expect(written.code).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(content, 'bank.schema.json'), 'utf8'))).toEqual(bankSchema);
    expect(fs.existsSync(path.join(content, 'guideline.schema.json'))).toBe(true);
    const week = path.join(content, 'week-1');
    expect((await cli(['new', 'guideline', 'wk', '--dir', week], { home, cwd: content })).code).toBe(0);
    expect(
      (
        await cli(
          [
            'import',
            'aiken',
            path.join(FIXTURES, 'import', 'search-basics.aiken.txt'),
            '--guideline',
            'wk',
            '--dir',
            week,
          ],
          { home, cwd: content },
        )
      ).code,
    ).not.toBe(2);
    // The nearest schema in the content folder is used; none is copied into week-1.
    expect(fs.existsSync(path.join(week, 'bank.schema.json'))).toBe(false);
    const moved = path.join(fresh('elsewhere'), 'copy');
    fs.cpSync(content, moved, { recursive: true });
    fs.rmSync(content, { recursive: true });
    for (const name of ['wk.yaml', 'search-basics.yaml']) {
      const first = fs.readFileSync(path.join(moved, 'week-1', name), 'utf8').split('\n')[0]!;
      const target = /^# yaml-language-server: \$schema=(\S+)$/.exec(first)![1]!;
      expect(target).not.toContain(ROOT);
      expect(path.resolve(moved, 'week-1', target).startsWith(moved)).toBe(true);
      expect(fs.existsSync(path.resolve(moved, 'week-1', target))).toBe(true);
    }
  });

  it('new writes the schema beside the file when the content folder has none', async () => {
    const dir = fresh('lonely');
    expect((await cli(['new', 'guideline', 'solo', '--dir', dir], { home, cwd: dir })).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'solo.yaml'), 'utf8').split('\n')[0]).toBe(
      '# yaml-language-server: $schema=guideline.schema.json',
    );
    expect(fs.existsSync(path.join(dir, 'guideline.schema.json'))).toBe(true);
  });

  it('without a kind and without --write is a usage error', async () => {
    expect((await cli(['schema'], { home })).code).toBe(2);
  });

  it('every shipped content file starts with a modeline whose schema path exists', () => {
    const files = ['guidelines', 'question-banks'].flatMap((dir) =>
      fs
        .readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.yaml'))
        .map((f) => path.join(ROOT, dir, f)),
    );
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const first = fs.readFileSync(file, 'utf8').split('\n')[0]!;
      const match = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
      expect(match, file).not.toBeNull();
      expect(fs.existsSync(path.resolve(path.dirname(file), match![1]!)), file).toBe(true);
    }
  });
});

describe('qualify new', () => {
  it('scaffolds a guideline and a bank that lint clean, validate by their schema, whose key scores 100%', async () => {
    const dir = fresh('new');
    expect((await cli(['new', 'guideline', 'my-task', '--dir', dir], { home })).code).toBe(0);
    const created = await cli(['new', 'bank', 'my-task-basics', '--guideline', 'my-task', '--dir', dir], { home });
    expect(created.code).toBe(0);
    expect(created.stderr).toContain('Created');

    const lint = await cli(['lint', dir, '--max-warnings', '0'], { home });
    expect(lint.stdout).toContain('✔ no problems in 2 files');
    expect(lint.code).toBe(0);

    const bankFile = path.join(dir, 'my-task-basics.yaml');
    const text = fs.readFileSync(bankFile, 'utf8');
    const schemaPath = /^# yaml-language-server: \$schema=(\S+)/.exec(text)![1]!;
    const schema = parseJson<object>(fs.readFileSync(path.resolve(dir, schemaPath), 'utf8'));
    expect(new Ajv({ strict: false }).validate(schema, parseDocument(text).toJS())).toBe(true);
    expect((await keyScore(bankFile)).percent).toBe(100);
  });

  it('never overwrites a file, and needs --guideline for a bank (exit 2)', async () => {
    const dir = fresh('new');
    expect((await cli(['new', 'guideline', 'g1', '--dir', dir], { home })).code).toBe(0);
    const again = await cli(['new', 'guideline', 'g1', '--dir', dir], { home });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
    const noGuideline = await cli(['new', 'bank', 'b1', '--dir', dir], { home });
    expect(noGuideline.code).toBe(2);
    expect(noGuideline.stderr).toContain('add --guideline <id>');
    expect((await cli(['new', 'bank', 'Bad Id', '--guideline', 'g1', '--dir', dir], { home })).code).toBe(2);
  });
});

describe('qualify import', () => {
  it('reads standard input for "-", which needs --id to name the bank', () => {
    const dir = fresh('stdin');
    const gift = '::q1:: The sky on a clear day is {=blue ~green ~red}\n';
    const named = spawnCli(['import', 'gift', '-', '--id', 'piped', '--dir', dir], { home, input: gift });
    expect(named.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'piped.yaml'), 'utf8')).toContain('The sky on a clear day is');
    const unnamed = spawnCli(['import', 'gift', '-', '--dir', dir], { home, input: gift });
    expect(unnamed.code).toBe(2);
    expect(unnamed.stderr).toContain('add --id <id>');
  });

  // Their key scores 100%.
  it('GIFT: converts the Moodle-style examples into a bank and stub guideline that lint clean', async () => {
    const dir = fresh('gift');
    const result = await cli(['import', 'gift', path.join(FIXTURES, 'import', 'page-quality.gift.txt'), '--dir', dir], {
      home,
      cwd: ROOT,
    });
    // The essay has no model answer: reported with its line, and exit 1 so a script notices.
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'test/fixtures/import/page-quality.gift.txt:36  an essay question without general feedback',
    );
    expect(result.stderr).toContain('Imported 8 questions');

    const lint = await cli(['lint', dir, '--max-warnings', '0'], { home });
    expect(lint.code).toBe(0);
    expect(lint.stdout).toContain('page-quality-guideline: 2/2 sections tested');
    const score = await keyScore(path.join(dir, 'page-quality.yaml'));
    expect(score).toMatchObject({ percent: 100, passed: true });

    const bank = parseDocument(fs.readFileSync(path.join(dir, 'page-quality.yaml'), 'utf8')).toJS() as {
      questions: { type: string }[];
    };
    expect(bank.questions.map((q) => q.type)).toEqual([
      'single-choice',
      'true-false',
      'true-false',
      'multi-select',
      'short-answer',
      'label-each',
      'numeric',
      'numeric',
    ]);
    expect(bank.questions[7]).toMatchObject({ accept: [{ value: 1993, tolerance: 2 }] });
  });

  it('reads a file that is not UTF-8 as Windows-1252 with a warning, never as replacement characters', async () => {
    const dir = fresh('cp1252');
    const source = writeTemp(dir, 'accents.txt', '');
    // "Which café serves “espresso”?" saved by an old Windows editor.
    fs.writeFileSync(
      source,
      Buffer.concat([
        Buffer.from('Which caf'),
        Buffer.from([0xe9]),
        Buffer.from(' serves '),
        Buffer.from([0x93]),
        Buffer.from('espresso'),
        Buffer.from([0x94]),
        Buffer.from('?\nA. One\nB. Two\nANSWER: A\n'),
      ]),
    );
    const result = await cli(['import', 'aiken', source, '--dir', dir], { home });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('is not UTF-8; it was read as Windows-1252');
    const text = fs.readFileSync(path.join(dir, 'accents.yaml'), 'utf8');
    expect(text).toContain('Which café serves “espresso”?');
    expect(text).not.toContain('\uFFFD');
  });

  // A bad answer line is reported.
  it('Aiken: converts into a bank under a named guideline, lint clean, scoring 100%', async () => {
    const dir = fresh('aiken');
    const result = await cli(
      [
        'import',
        'aiken',
        path.join(FIXTURES, 'import', 'search-basics.aiken.txt'),
        '--guideline',
        'search-evaluation',
        '--dir',
        dir,
      ],
      { home, cwd: ROOT },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('search-basics.aiken.txt:16  "ANSWER: D" is not one of the option letters (A, B)');
    expect(result.stderr).toContain("filed under the guideline's first section");
    expect(fs.readdirSync(dir).sort()).toEqual(['bank.schema.json', 'search-basics.yaml']);

    const lint = await cli(['lint', path.join(dir, 'search-basics.yaml'), '--max-warnings', '0'], { home });
    expect(lint.code).toBe(0);
    expect(await keyScore(path.join(dir, 'search-basics.yaml'))).toMatchObject({ percent: 100, passed: true });
  });

  it('refuses a missing file or an unknown guideline with exit 2', async () => {
    expect((await cli(['import', 'gift', 'no-such.gift'], { home })).code).toBe(2);
    const unknown = await cli(
      [
        'import',
        'aiken',
        path.join(FIXTURES, 'import', 'search-basics.aiken.txt'),
        '--guideline',
        'nope',
        '--dir',
        fresh('x'),
      ],
      { home },
    );
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('There is no guideline with id "nope"');
  });
});
