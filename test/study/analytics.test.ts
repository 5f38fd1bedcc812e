import { describe, expect, it } from 'vitest';
import type { Question } from '../../src/content/types.js';
import { bankTrends, calibration, certaintyBasedMarks, rushing, sectionTrends } from '../../src/study/analytics.js';
import { questionOutcomes, sectionRecords, weakestSections, type QuestionOutcome } from '../../src/study/outcomes.js';

const NEEDS_MET = ['Fails to Meet', 'Slightly Meets', 'Moderately Meets', 'Highly Meets', 'Fully Meets'];

let n = 0;
function outcome(over: Partial<QuestionOutcome>): QuestionOutcome {
  return {
    attemptId: 1,
    bankId: 'b',
    questionId: `q${++n}`,
    sections: ['1'],
    answered: true,
    correct: true,
    at: 0,
    attemptEndedAt: 0,
    ...over,
  };
}
const rated = (expected: number, chosen: number) =>
  outcome({
    correct: chosen === expected,
    scale: { name: 'needs_met', kind: 'rating', labels: NEEDS_MET, chosen, expected },
  });

describe('calibration on a rating scale', () => {
  it('gives the mean signed error in steps and the confusion of chosen against expected labels', () => {
    // Expected -> chosen: Moderately->Highly (+1), Highly->Fully (+1), Highly->Highly (0), Slightly->Moderately (+1).
    // Signed: (1 + 1 + 0 + 1) / 4 = 0.75 steps too high; absolute the same.
    const [needsMet] = calibration([rated(2, 3), rated(3, 4), rated(3, 3), rated(1, 2), outcome({})]);
    expect(needsMet!.scale).toBe('needs_met');
    expect(needsMet!.answered).toBe(4);
    expect(needsMet!.meanSignedError).toBe(0.75);
    expect(needsMet!.meanAbsoluteError).toBe(0.75);
    expect(needsMet!.confusion[2]![3]).toBe(1); // expected Moderately, chose Highly
    expect(needsMet!.confusion[3]![4]).toBe(1);
    expect(needsMet!.confusion[3]![3]).toBe(1);
    expect(needsMet!.confusion[1]![2]).toBe(1);
    expect(needsMet!.confusion.flat().reduce((a, b) => a + b, 0)).toBe(4);
  });

  it('rating too low gives a negative mean; errors both ways cancel in the mean, not in the absolute', () => {
    const [low] = calibration([rated(4, 2), rated(3, 2)]); // -2, -1 -> -1.5
    expect(low!.meanSignedError).toBe(-1.5);
    const [mixed] = calibration([rated(2, 4), rated(2, 0)]); // +2, -2 -> 0; |.| -> 2
    expect(mixed!.meanSignedError).toBe(0);
    expect(mixed!.meanAbsoluteError).toBe(2);
  });
});

describe('rushing', () => {
  it('sets the fastest quarter against the rest and warns when quick answers are much worse', () => {
    // 8 answers: the 2 fastest (3 s, 4 s) are both wrong; of the other 6, 5 are right.
    // Fast accuracy 0/2 = 0; rest 5/6 = 0.83; gap 0.83 >= 0.2 -> warning.
    const times = [3, 4, 20, 25, 30, 35, 40, 45].map((s) => s * 1000);
    const rows = times.map((elapsedMs, i) => outcome({ elapsedMs, correct: i >= 2 && i !== 7 }));
    expect(rushing(rows)).toEqual({
      answers: 8,
      fastCount: 2,
      fastUpToMs: 4000,
      fastAccuracy: 0,
      restAccuracy: 0.83,
      warning: true,
    });
  });

  it('does not warn when the quick answers are about as good', () => {
    // 12 answers, fastest 3: 2 right (0.67); rest 9: 7 right (0.78); gap 0.11 < 0.2.
    const rows = Array.from({ length: 12 }, (_, i) =>
      outcome({ elapsedMs: (i + 1) * 1000, correct: ![0, 4, 5].includes(i) }),
    );
    const result = rushing(rows)!;
    expect(result.fastCount).toBe(3);
    expect(result.fastAccuracy).toBe(0.67);
    expect(result.restAccuracy).toBe(0.78);
    expect(result.warning).toBe(false);
  });

  it('says nothing with fewer than 8 timed answers', () => {
    expect(rushing(Array.from({ length: 7 }, (_, i) => outcome({ elapsedMs: i * 1000 })))).toBeUndefined();
  });
});

describe('certainty-based marking (Moodle CBM)', () => {
  it('scores +3/-6 sure, +2/-2 medium, +1/0 unsure and judges each level against its band', () => {
    // high: 3 right, 1 wrong -> 9 - 6 = 3, accuracy 0.75 < 0.8 -> over-confident
    // medium: 1 right, 1 wrong -> 2 - 2 = 0, accuracy 0.5 < 0.67 -> over-confident
    // low: 2 right, 0 wrong -> 2, accuracy 1 > 0.67 -> under-confident
    // total 5 over 8 answers -> 0.63 (0.625 rounded)
    const rows = [
      ...[true, true, true, false].map((correct) => outcome({ confidence: 'high', correct })),
      ...[true, false].map((correct) => outcome({ confidence: 'medium', correct })),
      ...[true, true].map((correct) => outcome({ confidence: 'low', correct })),
      outcome({}), // confidence not asked: left out
    ];
    const cbm = certaintyBasedMarks(rows)!;
    expect(cbm.total).toBe(5);
    expect(cbm.average).toBe(0.63);
    expect(cbm.levels).toEqual([
      { confidence: 'high', answered: 4, correct: 3, accuracy: 0.75, verdict: 'over-confident' },
      { confidence: 'medium', answered: 2, correct: 1, accuracy: 0.5, verdict: 'over-confident' },
      { confidence: 'low', answered: 2, correct: 2, accuracy: 1, verdict: 'under-confident' },
    ]);
  });

  it('is absent when confidence was never asked', () => {
    expect(certaintyBasedMarks([outcome({})])).toBeUndefined();
  });
});

describe('progress over attempts', () => {
  it('lists each bank’s scores in the order the attempts ended', () => {
    const attempt = (bankId: string, endedAt: number, percent: number) => ({
      attemptId: endedAt,
      bankId,
      mode: 'exam' as const,
      startedAt: endedAt - 1,
      endedAt,
      percent,
      timed: true,
      questionIds: [],
      answers: [],
    });
    expect(bankTrends([attempt('a', 30, 70), attempt('b', 10, 40), attempt('a', 20, 55)])).toEqual([
      { bankId: 'b', percents: [40] },
      { bankId: 'a', percents: [55, 70] },
    ]);
  });

  it('gives each section its accuracy per attempt, and ranks the weakest section first', () => {
    const rows = [
      outcome({ attemptId: 1, at: 100, sections: ['7'], correct: false }),
      outcome({ attemptId: 1, at: 100, sections: ['7'], correct: true }),
      outcome({ attemptId: 1, at: 100, sections: ['2'], correct: true }),
      outcome({ attemptId: 2, at: 200, sections: ['7'], correct: true }),
    ];
    expect(sectionTrends(rows).get('7')).toEqual([50, 100]);
    expect(weakestSections(sectionRecords(rows))[0]).toEqual({ sectionId: '7', accuracy: 2 / 3, tried: 3 });
  });
});

describe('question outcomes from stored attempts', () => {
  it('scores each drawn question again and times it from the previous answer', () => {
    const base = { sections: ['1'], rules: [], media: [], points: 1, critical: false, tags: [], rubric: [] };
    const questions = new Map<string, Question>([
      [
        'r',
        {
          ...base,
          id: 'r',
          type: 'rating',
          prompt: 'Rate',
          scale: NEEDS_MET,
          answer: 'Highly Meets',
          tolerance: [1, 0.5, 0],
        },
      ],
      ['t', { ...base, id: 't', type: 'true-false', prompt: 'True?', answer: true }],
      ['u', { ...base, id: 'u', type: 'true-false', prompt: 'Unanswered', answer: true }],
    ]);
    const outcomes = questionOutcomes(
      [
        {
          attemptId: 9,
          bankId: 'b',
          mode: 'exam',
          startedAt: 1000,
          endedAt: 90_000,
          percent: 50,
          timed: true,
          questionIds: ['r', 't', 'u', 'gone'],
          answers: [
            { questionId: 't', response: { answer: true, self: [], confidence: 'high' }, answeredAt: 41_000 },
            { questionId: 'r', response: { answer: 'Fully Meets', self: [] }, answeredAt: 11_000 },
          ],
        },
      ],
      () => questions,
    );
    expect(outcomes.map((o) => [o.questionId, o.correct, o.elapsedMs])).toEqual([
      ['r', false, 10_000],
      ['t', true, 30_000],
      ['u', false, undefined],
    ]);
    expect(outcomes[0]!.scale).toEqual({ name: 'rating', kind: 'rating', labels: NEEDS_MET, chosen: 4, expected: 3 });
    expect(outcomes[1]!.confidence).toBe('high');
  });
});
