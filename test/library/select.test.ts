import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openContentCache, type ContentCache } from '../../src/content/cache.js';
import { openContentIndex } from '../../src/content/index.js';
import { selectContent } from '../../src/library/select.js';
import { GUIDELINE, bankYaml, tempTree } from '../helpers.js';

const bank = bankYaml(`  - {id: q1, type: true-false, sections: ["2"], prompt: First, answer: true}
  - {id: q2, type: true-false, sections: ["3"], prompt: Second, answer: false}
`);
const other = bank.replace('id: b\n', 'id: c\n').replace('title: Test Bank', 'title: Other Bank');

function setup(
  files: Record<string, string> = { 'content/g.yaml': GUIDELINE, 'content/b.yaml': bank, 'content/c.yaml': other },
) {
  const dir = tempTree(files);
  const cacheDir = path.join(dir, 'cache', 'content');
  /** Files whose cache entries (value or resolved bank) the last selection asked for: the files it read. */
  let looked: string[] = [];
  const real = openContentCache(cacheDir);
  const cache: ContentCache = {
    lookup: (file, stat, variant) => {
      looked.push(path.basename(file));
      return real.lookup(file, stat, variant);
    },
    remember: (...args) => real.remember(...args),
    save: () => real.save(),
    items: (file) => real.items(file),
    rememberItems: (...args) => real.rememberItems(...args),
  };
  const select = (dirs = [path.join(dir, 'content')]) => {
    looked = [];
    return selectContent(dirs, [], cache, openContentIndex(cacheDir));
  };
  const rewrite = (name: string, text: string) => {
    const file = path.join(dir, 'content', name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    // Editing a file must change its size or time stamp; a later time keeps the stamp honest.
    const later = new Date(Date.now() + 5000);
    fs.utimesSync(file, later, later);
  };
  const errors = (selection: ReturnType<typeof select>) =>
    selection.errors.map((d) => `${path.basename(d.file)}:${d.line}:${d.column} ${d.message}`);
  return { dir, cacheDir, select, rewrite, errors, read: () => [...new Set(looked)].sort() };
}

describe('content index', () => {
  it('lists banks from the index without reading any file once nothing changed', () => {
    const { select, read } = setup();
    const first = select();
    expect(read()).toEqual(['b.yaml', 'c.yaml', 'g.yaml']);
    expect(first.banks.map((b) => [b.id, b.title, b.guideline!.id, b.questions])).toEqual([
      ['b', 'Test Bank', 'g', 2],
      ['c', 'Other Bank', 'g', 2],
    ]);
    const second = select();
    expect(read()).toEqual([]);
    expect(second.banks).toEqual(first.banks);
    expect(second.errors).toEqual([]);
  });

  it('loads only the bank asked for and its guideline', () => {
    const { select, read } = setup();
    select();
    const selection = select();
    const content = selection.load(['c']);
    expect(read()).toEqual(['c.yaml', 'g.yaml']);
    expect([...content.banks.keys()]).toEqual(['c']);
    expect([...content.guidelines.keys()]).toEqual(['g']);
    expect(content.banks.get('c')!.bank.questions.map((q) => q.prompt)).toEqual(['First', 'Second']);
    expect([...selection.loadAll().banks.keys()]).toEqual(['b', 'c']);
  });

  it('re-reads a changed file alone (with the guidelines), and its record follows it', () => {
    const { select, read, rewrite } = setup();
    select();
    rewrite('b.yaml', bank.replace('title: Test Bank', 'title: Renamed').replace(/  - \{id: q2.*\n/, ''));
    const selection = select();
    expect(read()).toEqual(['b.yaml', 'g.yaml']);
    expect(selection.banks.find((b) => b.id === 'b')).toMatchObject({ title: 'Renamed', questions: 1 });
    expect(selection.load(['b']).banks.get('b')!.bank.questions).toHaveLength(1);
    select();
    expect(read()).toEqual([]);
  });

  it('re-reads the banks of a changed guideline, and reports what no longer resolves', () => {
    const { select, rewrite, errors } = setup();
    select();
    rewrite('g.yaml', GUIDELINE.replace('  - id: "3"\n    title: Three\n', ''));
    expect(errors(select())).toEqual([
      'b.yaml:8:43 question "q2" › sections[0]: section "3" is not in guideline "g"',
      'c.yaml:8:43 question "q2" › sections[0]: section "3" is not in guideline "g"',
    ]);
  });

  it('reports a broken file with its line and column on every run, and never records it', () => {
    const { select, rewrite, errors, read } = setup();
    select();
    rewrite('b.yaml', bank.replace('prompt: First', 'prompt: "First'));
    for (let run = 0; run < 3; run++) {
      const selection = select();
      expect(errors(selection)[0]).toMatch(/^b\.yaml:7:\d+ YAML syntax: /);
      expect(read()).toContain('b.yaml');
      expect(selection.banks.map((b) => b.id)).toEqual(['c']);
    }
    rewrite('b.yaml', bank);
    expect(errors(select())).toEqual([]);
    expect(select().banks.map((b) => b.id)).toEqual(['b', 'c']);
  });

  it('reports a bank id used by two files, whichever was read first, on every run', () => {
    const { select, rewrite, errors } = setup();
    select();
    rewrite('d.yaml', bank.replace('title: Test Bank', 'title: Copy'));
    for (let run = 0; run < 2; run++)
      expect(errors(select())).toEqual([
        expect.stringMatching(/^d\.yaml:2:5 bank id "b" is already used by .*b\.yaml$/),
      ]);
  });

  it('reports a duplicate id between two files that were each recorded without a problem', () => {
    const { dir, select, rewrite, errors } = setup({ 'content/g.yaml': GUIDELINE, 'content/b.yaml': bank });
    rewrite('../more/g2.yaml', GUIDELINE.replace('id: g\n', 'id: g2\n'));
    rewrite('../more/e.yaml', bank.replace('guideline: g\n', 'guideline: g2\n'));
    // Each folder alone is fine, and both are recorded in the index.
    expect(errors(select([path.join(dir, 'content')]))).toEqual([]);
    expect(errors(select([path.join(dir, 'more')]))).toEqual([]);
    // Together, bank "b" is in two files: found from the index, reported with its position.
    const both = select([path.join(dir, 'content'), path.join(dir, 'more')]);
    expect(errors(both)).toEqual([expect.stringMatching(/^e\.yaml:2:5 bank id "b" is already used by .*b\.yaml$/)]);
  });

  it('ignores a damaged index and reads the files again', () => {
    const { cacheDir, select, read } = setup();
    const first = select();
    const index = path.join(cacheDir, 'index.v8');
    const bytes = fs.readFileSync(index);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 10) ^ 0xff, bytes.length - 10);
    fs.writeFileSync(index, bytes);
    expect(select().banks).toEqual(first.banks);
    expect(read()).toEqual(['b.yaml', 'c.yaml', 'g.yaml']);
    fs.writeFileSync(index, 'not v8 at all');
    expect(select().banks).toEqual(first.banks);
  });
});
