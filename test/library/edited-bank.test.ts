import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { describe, expect, it, vi } from 'vitest';
import { CacheDamagedError } from '../../src/content/cache-damaged.js';
import { openContentCache } from '../../src/content/cache.js';
import * as resolve from '../../src/content/resolve.js';
import { loadContent } from '../../src/library/load.js';
import { GUIDELINE, bankYaml, tempTree } from '../helpers.js';

// Counts the questions resolved, which reading an edit spares.
vi.mock('../../src/content/resolve.js', { spy: true });

const question = (n: number, extra = '') => {
  const section = 1 + (n % 3);
  const answer = n % 2 === 0;
  const head = `id: q${n}, type: true-false, sections: ["${section}"]`;
  return `  - {${head}, prompt: "Question ${n}.", answer: ${answer}${extra}}\n`;
};
const questions = (count: number) => Array.from({ length: count }, (_, i) => question(i + 1)).join('');

function setup(bank = bankYaml(questions(40))) {
  const dir = tempTree({ 'content/g.yaml': GUIDELINE, 'content/b.yaml': bank, 'content/img.png': 'png' });
  const content = path.join(dir, 'content');
  const file = path.join(content, 'b.yaml');
  let clock = Date.now();
  const rewrite = (name: string, edit: (text: string) => string | Buffer) => {
    const at = path.join(content, name);
    fs.writeFileSync(at, edit(fs.readFileSync(at, 'utf8')));
    const later = new Date((clock += 5000));
    fs.utimesSync(at, later, later);
  };
  const cached = () => loadContent([content], [], openContentCache(path.join(dir, 'cache')));
  /** A cached load, checked against a load that reads every file afresh; what it resolved. */
  const load = () => {
    vi.mocked(resolve.resolveBank).mockClear();
    const remembered = cached();
    const resolvedCounts = vi
      .mocked(resolve.resolveBank)
      .mock.results.map((r) => (r.value as ReturnType<typeof resolve.resolveBank>).bank.questions.length);
    const fresh = loadContent([content], []);
    expect(JSON.stringify([...remembered.banks.values()])).toBe(JSON.stringify([...fresh.banks.values()]));
    expect(remembered.diagnostics).toEqual(fresh.diagnostics);
    expect(remembered.files.map((f) => f.mediaFiles)).toEqual(fresh.files.map((f) => f.mediaFiles));
    return { content: remembered, resolvedCounts };
  };
  return { file, rewrite, load };
}

describe('a bank changed since it was remembered', () => {
  it('is read as an edit: only new and edited questions are resolved, and the bank is what a fresh read gives', () => {
    const { rewrite, load } = setup();
    expect(load().resolvedCounts).toEqual([40]);
    rewrite('b.yaml', (text) => text.replace('prompt: "Question 7."', 'prompt: "Question 7, edited."'));
    expect(load().resolvedCounts).toEqual([1]);
    // Two added (one at the top), one removed, two swapped.
    rewrite('b.yaml', (text) =>
      text
        .replace(question(1), `${question(41)}${question(1)}`)
        .replace(question(40), question(42))
        .replace(`${question(10)}${question(11)}`, `${question(11)}${question(10)}`),
    );
    expect(load().resolvedCounts).toEqual([2]);
    expect(load().resolvedCounts).toEqual([]); // unchanged since: remembered as it is
  });

  it('reads an edit of a file whose bytes are not all UTF-8, or whose questions moved, as a fresh read does', () => {
    const { file, rewrite, load } = setup();
    let text = fs.readFileSync(file, 'utf8').replace('Question 3.', 'Question 3 \u00e9.');
    // Written with a Latin-1 é (0xe9) where UTF-8 wants two bytes: it reads as U+FFFD, three bytes.
    const write = (edit: (text: string) => string) =>
      rewrite('b.yaml', () => Buffer.from((text = edit(text)), 'latin1'));
    write((t) => t);
    expect(load().resolvedCounts).toEqual([40]);
    write((t) => t.replace('prompt: "Question 7."', 'prompt: "Question 7, edited."'));
    expect(load().resolvedCounts).toEqual([1]);
    // Moved: the first question last, where comparing byte for byte at each place finds no match,
    // so questions are found by their text. The last question's text ends with the file's last
    // line end, so the two that trade the end of the file are read again.
    write((t) => {
      const first = t.slice(t.indexOf('  - {id: q1,'), t.indexOf('  - {id: q2,'));
      return t.replace(first, '') + first;
    });
    expect(load().resolvedCounts).toEqual([2]);
  });

  it('keeps the media of the questions it did not read, at their new places', () => {
    const { rewrite, load } = setup(bankYaml(`${questions(5)}${question(6, ', media: [{path: img.png}]')}`));
    load();
    rewrite('b.yaml', (text) => text.replace(question(1), `${question(7)}${question(1)}`));
    const { content, resolvedCounts } = load();
    expect(resolvedCounts).toEqual([1]);
    expect(content.banks.get('b')!.bank.questions[6]!.media[0]!.path).toBe('img.png');
    rewrite('img.png', () => 'png again');
    fs.rmSync(path.join(path.dirname(content.files[0]!.file), 'img.png'));
    rewrite('b.yaml', (text) => text.replace('prompt: "Question 2."', 'prompt: "Question 2, edited."'));
    expect(load().content.diagnostics.map((d) => d.message)).toEqual([
      'question "q6": media file "img.png" does not exist',
    ]);
  });

  it('is read afresh, every problem where it is, when an edit is not only to its questions or has a problem', () => {
    const { rewrite, load } = setup();
    load();
    const problems = () => load().content.diagnostics.map((d) => `${d.line}:${d.column} ${d.ruleId}`);
    rewrite('b.yaml', (text) => text.replace('title: Test Bank', 'title: Test Bank, renamed'));
    expect(load().resolvedCounts).toEqual([40]);
    rewrite('b.yaml', (text) => text.replace('id: q9,', 'id: q3,'));
    expect(problems()).toEqual([expect.stringMatching(/^15:\d+ unique-ids$/)]);
    rewrite('b.yaml', (text) =>
      text.replace('id: q3, type: true-false, sections: ["1"]', 'id: q9, type: true-false, sections: ["9"]'),
    );
    expect(problems()).toEqual([expect.stringMatching(/^9:\d+ unknown-section$/)]);
    rewrite('b.yaml', (text) =>
      text.replace('sections: ["9"]', 'sections: ["1"]').replace('answer: false}', 'answer: maybe}'),
    );
    expect(problems()).toEqual([expect.stringMatching(/^\d+:\d+ schema$/)]);
    rewrite('b.yaml', (text) => text.replaceAll('answer: maybe}', 'answer: false}'));
    expect(problems()).toEqual([]);
    // The guideline changed: every question is resolved against it again.
    rewrite('g.yaml', (text) => text.replace('title: Three', 'title: Three, renamed'));
    rewrite('b.yaml', (text) => text.replace('prompt: "Question 8."', 'prompt: "Question 8, edited."'));
    expect(load().resolvedCounts).toEqual([40]);
  });
});

describe('a remembered bank', () => {
  it("is loaded without its questions' index, which is read when a question is first used", () => {
    const { file, load } = setup();
    load();
    const cacheDir = path.join(path.dirname(path.dirname(file)), 'cache');
    const { bank } = loadContent([path.dirname(file)], [], openContentCache(cacheDir)).banks.get('b')!;
    // Until then the bank has its place for them, built on first read.
    expect('get' in Object.getOwnPropertyDescriptor(bank, 'questions')!).toBe(true);
    const keys = Object.keys(bank);
    expect(keys.indexOf('questions')).toBe(keys.indexOf('file') - 1);
    const ids = bank.questions.map((q) => q.id);
    expect(ids).toEqual(Array.from({ length: 40 }, (_, i) => `q${i + 1}`));
    expect(Object.getOwnPropertyDescriptor(bank, 'questions')?.value).toHaveLength(40);
  });

  it('whose index does not fit its questions stops the command that uses them, and is read afresh after', () => {
    const { file, load } = setup();
    load();
    const cacheDir = path.join(path.dirname(path.dirname(file)), 'cache');
    const cache = openContentCache(cacheDir);
    const stat = fs.statSync(file);
    const kept = cache.lookup(file, stat, 'resolved')!;
    const value = kept.value as { index: Uint8Array };
    // A checksum-valid entry whose index names fewer questions than its bytes hold.
    value.index = v8.serialize({ ids: ['q1'], ends: new Uint32Array([1]) });
    cache.remember(file, stat, 'bank', value, 'resolved', kept.bytes.slice(0, kept.bytes.length));
    const damaged = loadContent([path.dirname(file)], [], openContentCache(cacheDir)).banks.get('b')!;
    expect(() => damaged.bank.questions).toThrow(CacheDamagedError);
    expect(cache.lookup(file, stat, 'resolved')).toBeUndefined();
    expect(load().content.banks.get('b')!.bank.questions).toHaveLength(40);
  });
});
