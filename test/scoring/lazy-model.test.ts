import { expect, it } from 'vitest';
import { languageModelLoaded } from '../../src/scoring/concepts.js';
import { scoreQuestion } from '../../src/scoring/rubric.js';
import { bankYaml, loadBank, question } from '../helpers.js';

// The language model takes about a second to load: only scoring a `concepts` criterion may pay it.
it('loads the language model only when a concepts criterion is scored', () => {
  const resolved = loadBank(
    bankYaml(`  - id: plain
    type: free-text
    sections: ["1"]
    prompt: Why?
    rubric:
      - {id: any, text: Says stale, points: 1, check: {any: [stale]}}
      - {id: self, text: Compared, points: 1, check: self}
  - id: meaning
    type: free-text
    sections: ["1"]
    prompt: Why?
    rubric:
      - {id: stale, text: Says stale, points: 1, check: {concepts: [stale]}}
`),
  );
  expect(scoreQuestion(question(resolved, 'plain'), { text: 'The page is stale.', self: [] }).earned).toBe(1);
  expect(languageModelLoaded()).toBe(false);
  expect(scoreQuestion(question(resolved, 'meaning'), { text: 'The page is stale now.', self: [] }).earned).toBe(1);
  expect(languageModelLoaded()).toBe(true);
});
