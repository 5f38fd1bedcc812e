import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, ROOT, tempHome } from '../cli/run-cli.js';
import { GUIDELINE, bankYaml, loadTree } from '../helpers.js';

const home = tempHome();
afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

const AJV = path.join(ROOT, 'node_modules', '.bin', 'ajv');
const shipped = (folder: string) =>
  fs
    .readdirSync(path.join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => path.join(ROOT, folder, f));

/** `qualify schema --write` into a fresh folder; returns that folder. */
async function writtenSchemas(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(home, 'schemas-'));
  const result = await cli(['schema', '--write', dir], { home });
  expect(result.code).toBe(0);
  return dir;
}

describe('the schemas are standard JSON Schema', () => {
  it('ajv-cli compiles both with its default (strict) settings, without a warning', async () => {
    const dir = await writtenSchemas();
    for (const kind of ['bank', 'guideline']) {
      const printed = path.join(dir, `printed-${kind}.json`);
      fs.writeFileSync(printed, (await cli(['schema', kind], { home })).stdout);
      for (const file of [printed, path.join(dir, `${kind}.schema.json`)]) {
        const result = spawnSync(AJV, ['compile', '-s', file], { encoding: 'utf8' });
        expect(result.stderr).not.toMatch(/strict|unknown keyword/i);
        expect(result.status).toBe(0);
      }
    }
  });

  it('ajv-cli validates every shipped guideline and bank against the written schemas', async () => {
    const dir = await writtenSchemas();
    for (const [kind, folder] of [
      ['guideline', 'guidelines'],
      ['bank', 'question-banks'],
    ] as const) {
      const files = shipped(folder);
      expect(files.length).toBeGreaterThan(0);
      const result = spawnSync(
        AJV,
        ['validate', '-s', path.join(dir, `${kind}.schema.json`), ...files.flatMap((f) => ['-d', f])],
        { encoding: 'utf8' },
      );
      expect(result.stderr + result.stdout).not.toContain('invalid');
      expect(result.status).toBe(0);
    }
  });

  it("Python's jsonschema accepts the schemas, passes the shipped banks, points at a broken option list", async () => {
    const dir = await writtenSchemas();
    const banks = shipped('question-banks').map(
      (f) => parse(fs.readFileSync(f, 'utf8')) as { questions: Record<string, unknown>[] },
    );
    const broken = structuredClone(banks[0]!);
    const choice = broken.questions.findIndex((q) => q.type === 'single-choice');
    broken.questions[choice]!.options = 'a, b, c';
    const script = [
      'import json, sys, jsonschema',
      'data = json.load(sys.stdin)',
      'schema = json.load(open(sys.argv[1]))',
      'jsonschema.validators.validator_for(schema).check_schema(schema)',
      'validator = jsonschema.validators.validator_for(schema)(schema)',
      'print(json.dumps([[list(e.absolute_path) for e in validator.iter_errors(doc)] for doc in data]))',
    ].join('\n');
    const result = spawnSync('python3', ['-c', script, path.join(dir, 'bank.schema.json')], {
      input: JSON.stringify([...banks, broken]),
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    const errorPaths = JSON.parse(result.stdout) as unknown[][][];
    expect(errorPaths.slice(0, -1).every((paths) => paths.length === 0)).toBe(true);
    expect(errorPaths.at(-1)).toEqual([['questions', choice, 'options']]);
  });

  it('has no vendor keywords such as "discriminator"', async () => {
    expect((await cli(['schema', 'bank'], { home })).stdout).not.toContain('discriminator');
  });
});

describe('schema errors inside a question point at its field', () => {
  it('a wrong option list is reported on "options", not as "not valid under any" of the question types', () => {
    const bank = bankYaml(
      `  - {id: q1, type: single-choice, sections: ["1"], prompt: P, options: "a or b", answer: a}\n`,
    );
    const found = loadTree({ 'g.yaml': GUIDELINE, 'b.yaml': bank }).diagnostics.map((d) => d.message);
    expect(found).toEqual(['question "q1" › options: must be a list']);
  });
});
