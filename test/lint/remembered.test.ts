import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bankYaml, tempTree } from '../helpers.js';
import { cli, tempHome } from '../cli/run-cli.js';

// What lint found in a bank is remembered between runs (keyed by the bank file, its guideline
// file and qualify's own code); these show that any change to what a finding depends on is seen.
const GUIDELINE = (body: string) => `kind: guideline
id: g
title: Test Guideline
version: 1.0.0
sections:
  - id: "1"
    title: Copied pages
    examples:
      - title: A worked example
        body: ${body}
        verdict: Rate it low, because copying adds nothing a reader could not find at the source.
`;
const PROMPT = 'The answer pastes the whole hotel listing and says nothing of its own about the stay. Rate it?';
const BANK = bankYaml(`  - id: q1
    type: single-choice
    sections: ["1"]
    prompt: "${PROMPT}"
    options:
      - {id: a, text: Rate it low because it adds nothing}
      - {id: b, text: Rate it high because it is complete}
    answer: a
  - id: q2
    type: true-false
    sections: ["1"]
    prompt: A pasted listing with no comment of its own is worth a low rating.
    answer: true
  - id: q3
    type: true-false
    sections: ["1"]
    prompt: A copied page earns a high rating when the source is well known.
    answer: false
`);

const home = tempHome();
afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

/** A folder with the guideline and the bank (made afresh for each test), and lint run on it. */
function folder() {
  const dir = tempTree({ 'g.yaml': GUIDELINE('A response copies a product page word for word.'), 'b.yaml': BANK });
  let tick = Date.now() / 1000 + 10;
  const rewrite = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    fs.utimesSync(file, ++tick, tick);
  };
  const lint = async () => {
    const result = await cli(['lint', '.', '--format', 'json'], { home, cwd: dir });
    const files = JSON.parse(result.stdout) as { filePath: string; messages: { line: number; ruleId: string }[] }[];
    return files.flatMap((f) => f.messages.map((m) => `${path.basename(f.filePath)}:${m.line} ${m.ruleId}`));
  };
  return { rewrite, lint };
}

describe('lint remembers what it found in a bank', () => {
  it('finds the same on a second run, and sees an edit to the bank', async () => {
    const { rewrite, lint } = folder();
    expect(await lint()).toEqual([]);
    expect(await lint()).toEqual([]);
    rewrite('b.yaml', BANK.replace('questions:\n', 'exam:\n  draw: 9\nquestions:\n'));
    // The exam now draws more questions than the bank has: the bank changed, so it is linted again.
    expect(await lint()).toEqual(['b.yaml:7 draw-count']);
    expect(await lint()).toEqual(['b.yaml:7 draw-count']);
    rewrite('b.yaml', BANK);
    expect(await lint()).toEqual([]);
  });

  it('sees an edit to the guideline alone: a worked example that the bank now restates', async () => {
    const { rewrite, lint } = folder();
    expect(await lint()).toEqual([]);
    rewrite('g.yaml', GUIDELINE(PROMPT));
    expect(await lint()).toEqual(['b.yaml:10 restates-example']);
    rewrite('g.yaml', GUIDELINE('A response copies a product page word for word.'));
    expect(await lint()).toEqual([]);
  });
});
