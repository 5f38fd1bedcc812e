import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/content/parse.js';

const problems = (source: string) =>
  parseYaml('/x/file.yaml', source).syntaxProblems.map((p) => `${p.line}:${p.column} ${p.messageId}`);

describe('aliases and anchors', () => {
  it('accepts an alias after its anchor, however deep either one sits', () => {
    const parsed = parseYaml('/x/file.yaml', 'a:\n  - &one {k: [1, 2]}\nb:\n  c: [*one, *one]\n');
    expect(parsed.syntaxProblems).toEqual([]);
    expect(parsed.value).toEqual({ a: [{ k: [1, 2] }], b: { c: [{ k: [1, 2] }, { k: [1, 2] }] } });
  });

  it('points at an alias nested above the anchor it names', () => {
    expect(problems('a:\n  - x: [1, *later]\nb: &later 1\n')).toEqual(['2:12 aliasBeforeAnchor']);
  });

  it('reads keys before their values: an alias as a key before the anchor in its value is refused', () => {
    expect(problems('? *k\n: &k v\n')).toEqual(['1:3 aliasBeforeAnchor']);
  });
});
