import { describe, expect, it } from 'vitest';
import type { Question } from '../../src/content/types.js';
import { attemptOrder, displayOrder, inDisplayOrder } from '../../src/exam/shuffle.js';
import { bankYaml, loadBank, question } from '../helpers.js';

const OPTIONS = ['a', 'b', 'c', 'd', 'e'];
const choice = (id: string, extra = '') => `  - id: ${id}
    type: single-choice
    sections: ["1"]
    prompt: Which one?
    options:
${OPTIONS.map((o) => `      - {id: ${o}, text: Option ${o.toUpperCase()}}`).join('\n')}
    answer: c
${extra}`;

const resolved = loadBank(
  bankYaml(
    [1, 2, 3, 4, 5, 6].map((n) => choice(`c${n}`)).join('') +
      choice('fixed', '    shuffle: false\n') +
      `  - id: multi
    type: multi-select
    sections: ["1"]
    prompt: Which apply?
    options:
${OPTIONS.map((o) => `      - {id: ${o}, text: Option ${o.toUpperCase()}}`).join('\n')}
    answer: [a, d]
  - id: rank
    type: ranking
    sections: ["1"]
    prompt: Order them.
    items:
      - {id: x, text: Item X}
      - {id: y, text: Item Y}
      - {id: z, text: Item Z}
      - {id: w, text: Item W}
    answer: [w, x, y, z]
  - id: label
    type: label-each
    sections: ["1"]
    prompt: Label each.
    labels: [Safe, Unsafe]
    items:
      - {id: i1, text: First item}
      - {id: i2, text: Second item}
      - {id: i3, text: Third item}
      - {id: i4, text: Fourth item}
    answer: {i1: Safe, i2: Unsafe, i3: Safe, i4: Unsafe}
  - id: rate
    type: rating
    sections: ["1"]
    prompt: How good?
    scale: quality
    answer: High
  - id: pref
    type: preference
    sections: ["1"]
    prompt: Which response?
    answer: About the same
`,
  ),
);
const { questions } = resolved.bank;
const ids = (q: Question) =>
  (q.type === 'ranking' || q.type === 'label-each' ? q.items : 'options' in q ? q.options : []).map((c) => c.id);

describe('the order an attempt shows options in', () => {
  it('is the same for the same seed and question, and a permutation of the options', () => {
    for (const q of questions.filter((x) => x.id !== 'fixed' && 'shuffle' in x)) {
      const order = displayOrder(42, q)!;
      expect(order).toEqual(displayOrder(42, q));
      expect([...order].sort()).toEqual([...ids(q)].sort());
    }
    expect(attemptOrder(7, questions)).toEqual(attemptOrder(7, questions));
  });

  it('differs between seeds across a bank, and leaves the author order on some but not all questions', () => {
    const orders = [1, 2, 3, 4, 5].map((seed) => JSON.stringify(attemptOrder(seed, questions)));
    expect(new Set(orders).size).toBe(5);
    // Over a bank, a seed moves options: not every question keeps the author's order.
    const moved = Object.entries(attemptOrder(1, questions)).filter(
      ([id, order]) => JSON.stringify(order) !== JSON.stringify(ids(question(resolved, id))),
    );
    expect(moved.length).toBeGreaterThan(3);
    // And one question differs between seeds: its own stream is not the same for every attempt.
    const c1 = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((seed) => displayOrder(seed, question(resolved, 'c1'))!.join('')));
    expect(c1.size).toBeGreaterThan(4);
  });

  it('gives two questions of one attempt their own orders, not one permutation for all', () => {
    const order = attemptOrder(3, questions);
    const singleChoice = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'].map((id) => order[id]!.join(''));
    expect(new Set(singleChoice).size).toBeGreaterThan(1);
  });

  it('keeps the author order for shuffle: false and never shuffles a rating or preference scale', () => {
    expect(question(resolved, 'fixed')).toMatchObject({ shuffle: false });
    expect(question(resolved, 'c1')).toMatchObject({ shuffle: true });
    for (const seed of [1, 2, 3]) {
      const order = attemptOrder(seed, questions);
      expect(Object.keys(order).sort()).toEqual(['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'label', 'multi', 'rank']);
      expect(inDisplayOrder(question(resolved, 'fixed'), order.fixed)).toBe(question(resolved, 'fixed'));
      expect(inDisplayOrder(question(resolved, 'rate'), ['High'])).toBe(question(resolved, 'rate'));
    }
  });

  it('rearranges only the options: ids, texts and the key stay, so scoring by id is unchanged', () => {
    const multi = question(resolved, 'multi');
    const shown = inDisplayOrder(multi, ['e', 'd', 'c', 'b', 'a']);
    expect(shown).toMatchObject({ answer: ['a', 'd'], id: 'multi' });
    expect(shown.type === 'multi-select' && shown.options.map((o) => `${o.id}:${o.text}`)).toEqual([
      'e:Option E',
      'd:Option D',
      'c:Option C',
      'b:Option B',
      'a:Option A',
    ]);
    // The bank's question is not changed.
    expect(ids(multi)).toEqual(OPTIONS);
    const label = inDisplayOrder(question(resolved, 'label'), ['i3', 'i1', 'i4', 'i2']);
    expect(ids(label)).toEqual(['i3', 'i1', 'i4', 'i2']);
  });

  it('puts options the recorded order does not name (added since) after it, and drops ids no longer there', () => {
    const shown = inDisplayOrder(question(resolved, 'c1'), ['d', 'gone', 'b']);
    expect(ids(shown)).toEqual(['d', 'b', 'a', 'c', 'e']);
  });
});
