import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openContentCache, type ContentCache } from '../../src/content/cache.js';
import { openContentIndex } from '../../src/content/index.js';
import { loadContent } from '../../src/library/load.js';
import { planSelection, readsNothing, selectContent } from '../../src/library/select.js';
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
    previous: (file, variant) => {
      looked.push(path.basename(file));
      return real.previous(file, variant);
    },
    remember: (...args) => real.remember(...args),
    save: () => real.save(),
    forget: (...args) => real.forget(...args),
    items: (file) => real.items(file),
    rememberItems: (...args) => real.rememberItems(...args),
  };
  const select = (dirs = [path.join(dir, 'content')]) => {
    looked = [];
    return selectContent(dirs, [], cache, openContentIndex(cacheDir), loadContent);
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
  /** Whether the index alone answers for the content now (what `list` needs to skip the loader). */
  const indexAnswers = () => readsNothing(planSelection([path.join(dir, 'content')], [], openContentIndex(cacheDir)));
  return { dir, cacheDir, select, rewrite, errors, indexAnswers, read: () => [...new Set(looked)].sort() };
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

  it('knows before reading anything whether the index answers for every file', () => {
    const { select, rewrite, indexAnswers } = setup();
    expect(indexAnswers()).toBe(false);
    select();
    expect(indexAnswers()).toBe(true);
    rewrite('c.yaml', other.replace('title: Other Bank', 'title: Renamed'));
    expect(indexAnswers()).toBe(false);
    select();
    expect(indexAnswers()).toBe(true);
    rewrite('b.yaml', bank.replace('prompt: First', 'prompt: "First'));
    for (let run = 0; run < 2; run++) {
      select();
      // A broken file is never recorded, so it is read (and reported) every time.
      expect(indexAnswers()).toBe(false);
    }
    rewrite('b.yaml', bank);
    select();
    expect(indexAnswers()).toBe(true);
    rewrite('d.yaml', bank.replace('title: Test Bank', 'title: Copy'));
    select();
    expect(indexAnswers()).toBe(false);
  });

  it('takes a bank with media from the index while each media file is as it was, reads it when one changes', () => {
    const withMedia = bank.replace(
      'prompt: First, answer: true}',
      'prompt: First, answer: true, media: [{path: a.png}]}',
    );
    const { dir, select, read, errors, indexAnswers } = setup({
      'content/g.yaml': GUIDELINE,
      'content/b.yaml': withMedia,
      'content/a.png': 'picture',
      'elsewhere.png': 'outside',
    });
    select();
    select();
    expect(read()).toEqual([]);
    expect(indexAnswers()).toBe(true);
    const media = path.join(dir, 'content', 'a.png');
    // Replaced by a link that leads out of the bank's folder: read again, and refused.
    fs.rmSync(media);
    fs.symlinkSync(path.join(dir, 'elsewhere.png'), media);
    expect(indexAnswers()).toBe(false);
    expect(errors(select())).toEqual([
      expect.stringMatching(/^b\.yaml:\d+:\d+ question "q1": media file "a\.png" links outside/),
    ]);
    expect(read()).toContain('b.yaml');
    // Put back: recorded again, then taken from the index.
    fs.rmSync(media);
    fs.writeFileSync(media, 'picture');
    expect(errors(select())).toEqual([]);
    select();
    expect(read()).toEqual([]);
    // Removed: the bank is read again (its warning is the loader's to give when it is loaded).
    fs.rmSync(media);
    expect(indexAnswers()).toBe(false);
    select();
    expect(read()).toContain('b.yaml');
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
