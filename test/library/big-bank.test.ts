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
      `${lineOf(900) + 2}:15 YAML syntax: a bank over 4 MB is read one question at a time, so an alias cannot ` +
        'refer to an anchor in another question; write the value out again here',
    ]);
  });

  it('reports a problem in the lines after the questions at its own line', () => {
    const { file, load } = setup();
    fs.writeFileSync(file, `${bankYaml(questions.join(''))}exam:\n  pass_mark: [80\n`);
    const [problem] = load().diagnostics;
    expect(problem).toMatchObject({ ruleId: 'yaml-syntax' });
    expect(problem!.line).toBeGreaterThanOrEqual(lineOf(1100));
  });

  it('reads what YAML reads alike: CRLF line ends, a byte-order mark, a leading ---, items at column 0', () => {
    const { file, load } = setup();
    const flush = questions.map((q) => q.replace(/^ {2}/gm, ''));
    fs.writeFileSync(file, `\ufeff---\r\n${bankYaml(flush.join('')).replace(/\n/g, '\r\n')}`);
    for (const content of [load(false), load()]) {
      expect(content.diagnostics).toEqual([]);
      expect(content.banks.get('b')!.bank.questions).toHaveLength(1100);
    }
  });

  it('is refused at the line that breaks the plain layout', () => {
    const { file, load } = setup();
    const tabbed = [...questions];
    tabbed[500] = tabbed[500]!.replace('    answer: true', '\tanswer: true');
    fs.writeFileSync(file, bankYaml(tabbed.join('')));
    const [problem] = load().diagnostics;
    expect(problem).toMatchObject({ line: lineOf(500) + 4, column: 1 });
    expect(problem!.message).toMatch(
      /^the file is 4\.\d+ MB; a bank over 4\.0 MB is read one question at a time, .*which this line breaks/,
    );
  });

  it('leaves a file over 4 MB that is not a bank refused for its size', () => {
    const { file, load } = setup();
    fs.writeFileSync(file, `kind: guideline\nid: huge\ntitle: "${'x'.repeat(4_300_000)}"\n`);
    const [problem] = load().diagnostics;
    expect(problem).toMatchObject({ line: 1, column: 1 });
    expect(problem!.message).toMatch(/^the file is 4\.\d+ MB, over the 4\.0 MB limit for such a file$/);
  });
});
