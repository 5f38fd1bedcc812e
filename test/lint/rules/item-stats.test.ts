import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/library/load.js';
import { lintContent, RULES } from '../../../src/lint/index.js';
import { normalizeResponse, type Response } from '../../../src/scoring/response.js';
import type { PooledAttempt } from '../../../src/stats/item-stats.js';
import { bankYaml, GUIDELINE, tempTree } from '../../helpers.js';

// Needs attempts, which the table tester cannot give, so the cases are written out here.

const QUESTIONS = `  - {id: q1, type: true-false, sections: ["1"], prompt: One is true., answer: true}
  # qualify-lint-disable-next-line item-stats
  - {id: q2, type: true-false, sections: ["2"], prompt: Two is true., answer: true}
  - id: q3
    type: true-false
    sections: ["3"]
    prompt: Three is true.
    answer: true
  - {id: q4, type: true-false, sections: ["1.1"], prompt: Four is true., answer: true}
  - {id: q5, type: true-false, sections: ["2"], prompt: Five is true., answer: true}
`;

const attempt = (answers: Record<string, boolean>): PooledAttempt => ({
  questionIds: Object.keys(answers),
  responses: new Map(Object.entries(answers).map(([id, a]) => [id, normalizeResponse(a) as Response])),
});

function lint(pooled?: Map<string, PooledAttempt[]>) {
  const dir = tempTree({ 'guideline.yaml': GUIDELINE, 'bank.yaml': bankYaml(QUESTIONS) });
  const content = loadContent([dir]);
  const result = lintContent(
    content,
    content.files.map((f) => f.file),
    RULES,
    pooled,
  );
  return result.problems
    .filter((p) => p.ruleId === 'item-stats')
    .map((p) => `${path.relative(dir, p.file)}:${p.line}:${p.column} ${p.severity} ${p.message}`);
}

describe('rule item-stats', () => {
  it('says nothing without --stats, or without attempts at the bank', () => {
    expect(lint()).toEqual([]);
    expect(lint(new Map([['another-bank', [attempt({ q1: false })]]]))).toEqual([]);
  });

  it('warns at the line of each flagged question, with its guideline section, and obeys disable comments', () => {
    // q1 always right (too easy); q2 always wrong (too hard, but silenced by its comment);
    // q3 right only for the learner weakest on the rest (negative discrimination: check the key);
    // q4 and q5 right for the strongest learners (positive discrimination: fine).
    const pooled = new Map([
      [
        'b',
        [
          attempt({ q1: true, q2: false, q3: true, q4: false, q5: false }),
          attempt({ q1: true, q2: false, q3: false, q4: true, q5: true }),
          attempt({ q1: true, q2: false, q3: false, q4: false, q5: false }),
          attempt({ q1: true, q2: false, q3: false, q4: true, q5: true }),
        ],
      ],
    ]);
    const found = lint(pooled);
    expect(found, found.join('\n')).toHaveLength(2);
    expect(found[0]).toMatch(
      /^bank\.yaml:7:5 warning question "q1": too easy: 100% .* over 4 attempts .*\(guideline section 1 One\)$/,
    );
    expect(found[1]).toMatch(
      /^bank\.yaml:10:5 warning question "q3": discrimination -0\.58: .*check the key \(guideline section 3 Three\)$/,
    );
  });
});
