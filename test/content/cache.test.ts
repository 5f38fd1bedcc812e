import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openContentCache, VERSION } from '../../src/content/cache.js';
import { loadContent } from '../../src/library/load.js';
import { GUIDELINE, bankYaml, tempTree } from '../helpers.js';

const bank = bankYaml(`  - {id: q1, type: true-false, sections: ["2"], prompt: First, answer: true}
  - {id: q2, type: true-false, sections: ["3"], prompt: Second, answer: false}
`);

function setup() {
  const dir = tempTree({ 'content/g.yaml': GUIDELINE, 'content/b.yaml': bank });
  const cacheDir = path.join(dir, 'cache', 'content');
  const load = () => loadContent([path.join(dir, 'content')], [], openContentCache(cacheDir));
  const entries = () =>
    fs.existsSync(cacheDir) ? fs.readdirSync(cacheDir).map((name) => path.join(cacheDir, name)) : [];
  // Editing a file must change its size or time stamp; a short wait keeps the stamp honest.
  const rewrite = (name: string, text: string) => {
    const file = path.join(dir, 'content', name);
    fs.writeFileSync(file, text);
    const later = new Date(Date.now() + 5000);
    fs.utimesSync(file, later, later);
  };
  return { dir, cacheDir, entries, load, rewrite };
}

const summary = (content: ReturnType<typeof loadContent>) => ({
  banks: [...content.banks.values()].map(({ bank: b }) => ({
    id: b.id,
    questions: b.questions.map((q) => [q.id, q.prompt]),
  })),
  guidelines: [...content.guidelines.keys()],
  diagnostics: content.diagnostics.map((d) => `${path.basename(d.file)}:${d.line}:${d.column} ${d.message}`),
});

describe('content cache', () => {
  it('gives the same content on a second load as on the first', () => {
    const { load, entries } = setup();
    const first = summary(load());
    // The guideline's value; the bank's value, and the bank as resolved against that guideline.
    expect(entries()).toHaveLength(3);
    expect(summary(load())).toEqual(first);
    expect(first.banks[0]!.questions).toHaveLength(2);
  });

  it('reads a file again once it has changed', () => {
    const { load, rewrite } = setup();
    load();
    rewrite('b.yaml', bank.replace('prompt: First', 'prompt: Edited'));
    expect(summary(load()).banks[0]!.questions[0]).toEqual(['q1', 'Edited']);
  });

  it('reports a file that broke after it was remembered, with its line and column', () => {
    const { load, rewrite } = setup();
    load();
    rewrite('b.yaml', bank.replace('prompt: First', 'prompt: "First'));
    expect(summary(load()).diagnostics[0]).toMatch(/^b\.yaml:7:\d+ YAML syntax: /);
  });

  it('still positions a problem found in a remembered file', () => {
    const { load, rewrite } = setup();
    load();
    // The bank is unchanged (and remembered) but the guideline loses section 3.
    rewrite('g.yaml', GUIDELINE.replace('  - id: "3"\n    title: Three\n', ''));
    expect(summary(load()).diagnostics).toEqual([
      'b.yaml:8:43 question "q2" › sections[0]: section "3" is not in guideline "g"',
    ]);
  });

  it('ignores a damaged or edited cache entry', () => {
    const { load, entries } = setup();
    const first = summary(load());
    const [one, ...others] = entries();
    fs.writeFileSync(one!, 'not v8 at all');
    // Flip one byte inside each remembered value: its checksum no longer matches, so it is a miss.
    for (const entry of others) {
      const bytes = fs.readFileSync(entry);
      bytes.writeUInt8(bytes.readUInt8(bytes.length - 20) ^ 0xff, bytes.length - 20);
      fs.writeFileSync(entry, bytes);
    }
    expect(summary(load())).toEqual(first);
  });

  it('re-reads only the changed file, and reports a broken file on every run', () => {
    const { load, rewrite, entries } = setup();
    load();
    const before = new Map(entries().map((e) => [e, fs.statSync(e).mtimeMs]));
    rewrite('b.yaml', bank.replace('prompt: Second', 'prompt: Again'));
    expect(summary(load()).banks[0]!.questions[1]).toEqual(['q2', 'Again']);
    const rewritten = entries().filter((e) => fs.statSync(e).mtimeMs !== before.get(e));
    // The bank's entry as resolved, now read as an edit of it (library/edited-bank.ts); the guideline's is untouched.
    expect(rewritten).toHaveLength(1);
    rewrite('b.yaml', bank.replace('answer: false', 'answer: maybe'));
    for (let run = 0; run < 3; run++)
      expect(summary(load()).diagnostics).toEqual([expect.stringMatching(/^b\.yaml:8:\d+ .*answer/)]);
  });

  it('keeps the entries of several content folders side by side', () => {
    const { dir, load, entries } = setup();
    load();
    const other = tempTree({ 'g.yaml': GUIDELINE, 'b.yaml': bank });
    loadContent([other], [], openContentCache(path.join(dir, 'cache', 'content')));
    expect(entries()).toHaveLength(6);
  });
});

describe('the content cache version', () => {
  it('names the schemas as they are now, so a changed schema never reuses what the old one validated', () => {
    // The digest is generated (scripts/generate.mjs); a schema edited without "npm run generate" fails here.
    const schemas = ['bank', 'guideline'].map((kind) =>
      JSON.stringify(
        JSON.parse(
          fs.readFileSync(path.join(import.meta.dirname, '../../src/content/schema', `${kind}.schema.json`), 'utf8'),
        ),
      ),
    );
    const digest = createHash('sha256').update(schemas.join('\n')).digest('hex').slice(0, 16);
    expect(VERSION).toMatch(new RegExp(`^\\d+-${digest}$`));
  });
});
