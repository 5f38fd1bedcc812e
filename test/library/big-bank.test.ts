import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openContentCache } from '../../src/content/cache.js';
import { MAX_CONTENT_BYTES } from '../../src/content/parse.js';
import { loadContent } from '../../src/library/load.js';
import { cli } from '../cli/run-cli.js';
import { GUIDELINE, bankYaml, tempTree } from '../helpers.js';

// A bank just over the whole-parse limit: 1,100 questions of about 4 KB, in the plain layout.
const WORDS = ['rater', 'query', 'intent', 'snippet', 'evidence', 'claim', 'source', 'label', 'rubric', 'harm'];
const prompt = (i: number) =>
  Array.from({ length: 560 }, (_, w) => WORDS[(i * 7 + w * 3) % WORDS.length]).join(' ') + ` (${i})`;
const questions = Array.from(
  { length: 1100 },
  (_, i) => `  - id: q${i}\n    type: true-false\n    sections: ["1"]\n    prompt: "${prompt(i)}"\n    answer: true\n`,
);
const lineOf = (index: number) => 7 + index * 5; // bankYaml's six lines, then five per question

function setup() {
  const dir = tempTree({ 'content/g.yaml': GUIDELINE, 'content/b.yaml': bankYaml(questions.join('')) });
  const file = path.join(dir, 'content', 'b.yaml');
  const load = (cached = true) =>
    loadContent([path.join(dir, 'content')], [], cached ? openContentCache(path.join(dir, 'cache')) : undefined);
  return { file, load };
}

describe('a bank over the whole-parse limit', () => {
  it('is read one question at a time, with or without a cache, and remembered', () => {
    const { file, load } = setup();
    expect(fs.statSync(file).size).toBeGreaterThan(MAX_CONTENT_BYTES);
    for (const content of [load(false), load(), load()]) {
      expect(content.diagnostics).toEqual([]);
      const { bank } = content.banks.get('b')!;
      expect(bank.questions).toHaveLength(1100);
      expect(bank.questions[1099]!.prompt).toBe(prompt(1099));
    }
  });

  it('is linted the same from the cache as on its first read', async () => {
    const { file } = setup();
    const home = path.join(path.dirname(path.dirname(file)), 'home');
    const lint = () => cli(['lint', path.dirname(file)], { home });
    const first = await lint();
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/b\.yaml\n {2}6:1 +warning +the key is true in 1100 of the 1100 true-false questions/);
    expect(await lint()).toEqual(first);
  });

  it('reports a question that does not parse at its own line and column', () => {
    const { file, load } = setup();
    load();
    const broken = [...questions];
    broken[700] = broken[700]!.replace('answer: true', 'answer: [true');
    fs.writeFileSync(file, bankYaml(broken.join('')));
    for (const content of [load(), load(false)]) {
      expect(content.banks.has('b')).toBe(false);
      const [problem] = content.diagnostics;
      expect(problem).toMatchObject({ line: lineOf(700) + 4, ruleId: 'yaml-syntax' });
    }
  });

  it('says why an alias to an anchor in another question is refused, where a smaller bank takes it', () => {
    const { file, load } = setup();
    const linked = [...questions];
    linked[3] = linked[3]!.replace('sections: ["1"]', 'sections: &first ["1"]');
    linked[900] = linked[900]!.replace('sections: ["1"]', 'sections: *first');
    fs.writeFileSync(file, bankYaml(linked.join('')));
    const problems = load().diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`);
    expect(problems).toEqual([
      `${lineOf(900) + 2}:15 YAML syntax: this alias (*name) does not refer to an anchor (&name) ` +
        'defined earlier (*first)',
      expect.stringMatching(
        /^1:1 the file is 4\.\d\d MB; a bank over 4\.0 MB is read one question at a time, .*anchor/,
      ),
    ]);
  });

  it('is refused with a plain message when it is not in the plain layout', () => {
    const { file, load } = setup();
    fs.writeFileSync(file, bankYaml(questions.join('')).replace('questions:\n', 'questions: !!seq\n'));
    const [problem] = load().diagnostics;
    expect(problem).toMatchObject({ line: 1, column: 1 });
    expect(problem!.message).toMatch(/^the file is 4\.\d+ MB; a bank over 4\.0 MB is read one question at a time/);
  });
});
