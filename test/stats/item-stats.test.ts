import { describe, expect, it } from 'vitest';
import { normalizeResponse, type Response } from '../../src/scoring/response.js';
import { computeItemStats, correlation, type PooledAttempt } from '../../src/stats/item-stats.js';
import { bankYaml, loadBank } from '../helpers.js';

const QUESTIONS = `  - {id: q1, type: true-false, sections: ["1"], prompt: One is true., answer: true}
  - {id: q2, type: true-false, sections: ["2"], prompt: Two is true., answer: true}
  - {id: q3, type: true-false, sections: ["3"], prompt: Three is true., answer: true}
  - id: q4
    type: single-choice
    sections: ["1.1"]
    prompt: Which?
    options: [{id: a, text: Ay}, {id: b, text: Bee}, {id: c, text: Sea}]
    answer: b
`;

function attempt(answers: Record<string, unknown>, drawn = Object.keys(answers)): PooledAttempt {
  return {
    questionIds: drawn,
    responses: new Map(Object.entries(answers).map(([id, a]) => [id, normalizeResponse(a) as Response])),
  };
}

describe('item statistics (Moodle quiz statistics formulas)', () => {
  const resolved = loadBank(bankYaml(QUESTIONS));

  it('facility and discrimination of a data set worked out by hand', () => {
    // Four attempts at q1..q3 (1 point each); right = true.
    //        q1 q2 q3 | total
    //   A1    1  1  0 |   2
    //   A2    1  0  1 |   2
    //   A3    0  0  1 |   1
    //   A4    1  1  1 |   3
    // q1: x = 1,1,0,1 (mean .75); rest = 1,1,1,2 (mean 1.25).
    //     deviations x: .25,.25,-.75,.25; rest: -.25,-.25,-.25,.75
    //     C = (-.0625 -.0625 +.1875 +.1875) = .25; Vx = .75; Vrest = .75 -> D = .25/.75 = 1/3
    // q2: x = 1,0,0,1 (mean .5); rest = 1,2,1,2 (mean 1.5): C = -.25-.25+.25+.25 = 0 -> D = 0
    // q3: x = 0,1,1,1 (mean .75); rest = 2,1,0,2 (mean 1.25)
    //     deviations x: -.75,.25,.25,.25; rest: .75,-.25,-1.25,.75
    //     C = -.5625 -.0625 -.3125 +.1875 = -.75; Vx = .75; Vrest = 2.75 -> D = -.75/sqrt(2.0625) = -0.5222
    const attempts = [
      attempt({ q1: true, q2: true, q3: false }),
      attempt({ q1: true, q2: false, q3: true }),
      attempt({ q1: false, q2: false, q3: true }),
      attempt({ q1: true, q2: true, q3: true }),
    ];
    const [q1, q2, q3, q4] = computeItemStats(resolved, attempts);
    expect(q1!.facility).toBeCloseTo(0.75, 10);
    expect(q1!.discrimination).toBeCloseTo(1 / 3, 10);
    expect(q1!.flags).toEqual([]);
    expect(q2!.facility).toBeCloseTo(0.5, 10);
    expect(q2!.discrimination).toBeCloseTo(0, 10);
    expect(q2!.flags).toEqual(['check-key']);
    expect(q3!.facility).toBeCloseTo(0.75, 10);
    expect(q3!.discrimination).toBeCloseTo(-0.75 / Math.sqrt(2.0625), 10);
    expect(q3!.flags).toEqual(['check-key']);
    expect(q3!.sections).toEqual([{ id: '3', title: 'Three' }]);
    // Never drawn: no figures, no flags.
    expect(q4).toMatchObject({ attempts: 0, answered: 0, facility: null, discrimination: null, flags: [] });
  });

  it('counts option picks among answers, unanswered draws as 0 points, and flags too easy and too hard', () => {
    const attempts = [
      attempt({ q1: true, q2: false, q4: 'a' }),
      attempt({ q1: true, q2: false, q4: 'b' }),
      attempt({ q1: true, q2: false }, ['q1', 'q2', 'q4']), // q4 drawn, not answered
    ];
    const [q1, q2, , q4] = computeItemStats(resolved, attempts);
    expect(q4!.attempts).toBe(3);
    expect(q4!.answered).toBe(2);
    expect(q4!.facility).toBeCloseTo(1 / 3, 10);
    expect(q4!.options).toEqual([
      { id: 'a', text: 'Ay', picked: 1, key: false },
      { id: 'b', text: 'Bee', picked: 1, key: true },
      { id: 'c', text: 'Sea', picked: 0, key: false },
    ]);
    expect(q1!.flags).toEqual(['too-easy']);
    expect(q2!.flags).toEqual(['too-hard']);
    expect(q2!.options).toEqual([
      { id: 'true', text: 'true', picked: 0, key: true },
      { id: 'false', text: 'false', picked: 3, key: false },
    ]);
  });

  it('leaves discrimination undefined when a score never varies or there is one attempt', () => {
    expect(correlation([1, 1, 1], [0.2, 0.5, 0.9])).toBeNull();
    expect(correlation([1], [1])).toBeNull();
    expect(correlation([0, 1], [0, 1])).toBeCloseTo(1, 10);
  });
});
