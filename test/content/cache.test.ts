import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openContentCache } from '../../src/content/cache.js';
import { loadContent } from '../../src/content/load.js';
import { GUIDELINE, bankYaml, tempTree } from '../helpers.js';

const bank = bankYaml(`  - {id: q1, type: true-false, sections: ["2"], prompt: First, answer: true}
  - {id: q2, type: true-false, sections: ["3"], prompt: Second, answer: false}
`);

function setup() {
  const dir = tempTree({ 'content/g.yaml': GUIDELINE, 'content/b.yaml': bank });
  const cacheFile = path.join(dir, 'cache', 'content.json');
  const load = () => loadContent([path.join(dir, 'content')], [], openContentCache(cacheFile));
  // Editing a file must change its size or time stamp; a short wait keeps the stamp honest.
  const rewrite = (name: string, text: string) => {
    const file = path.join(dir, 'content', name);
    fs.writeFileSync(file, text);
    const later = new Date(Date.now() + 5000);
    fs.utimesSync(file, later, later);
  };
  return { dir, cacheFile, load, rewrite };
}

const summary = (content: ReturnType<typeof loadContent>) => ({
  banks: [...content.banks.values()].map(({ bank: b }) => ({ id: b.id, questions: b.questions.map((q) => [q.id, q.prompt]) })),
  guidelines: [...content.guidelines.keys()],
  diagnostics: content.diagnostics.map((d) => `${path.basename(d.file)}:${d.line}:${d.column} ${d.message}`),
});

describe('content cache', () => {
  it('gives the same content on a second load as on the first', () => {
    const { load, cacheFile } = setup();
    const first = summary(load());
    expect(fs.existsSync(cacheFile)).toBe(true);
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
    expect(summary(load()).diagnostics).toEqual(['b.yaml:8:43 question "q2" › sections[0]: section "3" is not in guideline "g"']);
  });

  it('ignores a damaged cache file', () => {
    const { load, cacheFile } = setup();
    const first = summary(load());
    fs.writeFileSync(cacheFile, '{"version": "x", "entries": ');
    expect(summary(load())).toEqual(first);
  });
});
