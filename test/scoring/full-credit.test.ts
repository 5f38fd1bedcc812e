import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.js';
import { keyResponse } from '../../src/scoring/key-response.js';
import { normalizeResponse, type Response } from '../../src/scoring/response.js';
import { fullCredit, scoreQuestion } from '../../src/scoring/rubric.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const content = loadContent(
  [
    path.join(ROOT, 'guidelines'),
    path.join(ROOT, 'question-banks'),
    path.join(ROOT, 'test', 'fixtures', 'basic'),
    path.join(ROOT, 'test', 'fixtures', 'typed'),
  ],
  [],
);
const questions = [...content.banks.values()].flatMap((b) => b.bank.questions);

/** What scoreQuestion calls full credit. */
const fullByScore = (question: (typeof questions)[number], response: Response | undefined) => {
  const score = scoreQuestion(question, response);
  return score.earned >= score.max - 1e-9 && !score.criticalMissed;
};

describe('fullCredit', () => {
  it('agrees with scoreQuestion on every shipped and fixture question: key, wrong answers, no answer', () => {
    expect(questions.length).toBeGreaterThan(20);
    const types = new Set(questions.map((q) => q.type));
    expect(types.size).toBeGreaterThanOrEqual(10);
    let keysInFull = 0;
    for (const question of questions) {
      const key = normalizeResponse(keyResponse(question));
      const variants: (Response | undefined)[] = [
        undefined,
        key,
        key && { ...key, self: [] },
        key && { ...key, rationale: undefined, text: undefined },
        normalizeResponse('zzz'),
        normalizeResponse(['zzz']),
        normalizeResponse(0),
        normalizeResponse({ text: 'because the intent matters', self: question.rubric.map((c) => c.id) }),
      ];
      for (const response of variants)
        expect(fullCredit(question, response), `${question.id} ${JSON.stringify(response)}`).toBe(
          fullByScore(question, response),
        );
      if (fullCredit(question, key)) keysInFull += 1;
    }
    // The key earns full credit (lint proves it of every shipped bank): the agreement above covers both outcomes.
    expect(keysInFull).toBeGreaterThan(questions.length / 2);
  });
});
