import { describe, expect, it } from 'vitest';
import { scoreQuestion } from '../../src/scoring/rubric.js';
import { normalizeResponse } from '../../src/scoring/response.js';
import { bankYaml, GUIDELINE, loadBank, loadTree, question } from '../helpers.js';

const bank = loadBank(
  bankYaml(`  - id: tomb
    type: short-answer
    sections: ["1"]
    prompt: Who is buried in the tomb?
    accept: [{text: no one}, {text: nobody, feedback: Also right.}, {text: Greece, credit: 0},
      {text: "Gr*", credit: 0.25, feedback: Close.}, {text: "*", credit: 0, feedback: Completely wrong.}]
  - {id: four, type: short-answer, sections: ["1"], prompt: Two plus two?, accept: [{text: "4"}, {text: four}]}
  - {id: cased, type: short-answer, sections: ["1"], prompt: Symbol?, accept: [{text: NaCl}], case_sensitive: true}
  - {id: star, type: short-answer, sections: ["1"], prompt: Which?, accept: [{text: "a\\\\*b"}]}
  - id: grant
    type: numeric
    sections: ["1"]
    prompt: Year?
    points: 2
    accept: [{value: 1822}, {value: 1822, tolerance: 2, credit: 0.5, feedback: Close.}]
  - {id: range, type: numeric, sections: ["1"], prompt: A number from 1 to 5?, accept: [{min: 1, max: 5}]}
  - {id: pi, type: numeric, sections: ["1"], prompt: Pi?, accept: [{value: 3.1415, tolerance: 0.0005}]}
  - {id: mass, type: numeric, sections: ["1"], prompt: Mass?, unit: kg, accept: [{value: 12}]}
`),
);

const earned = (id: string, raw: unknown) => scoreQuestion(question(bank, id), normalizeResponse(raw)).earned;

describe('short-answer (Moodle: whole answer, case ignored, * wildcard, first match decides)', () => {
  it('accepts a listed answer as a whole, in any letter case, and nothing that merely contains it', () => {
    expect(earned('tomb', 'No One')).toBe(1);
    expect(earned('tomb', '  nobody ')).toBe(1);
    expect(earned('tomb', 'Someone, not no one')).toBe(0);
    expect(earned('four', '14')).toBe(0);
    expect(earned('four', '4')).toBe(1);
    expect(earned('four', 'FOUR')).toBe(1);
  });
  it('gives a 0% answer and the catch-all * nothing, and a weighted one its share', () => {
    expect(earned('tomb', 'Greece')).toBe(0);
    expect(earned('tomb', 'Grant')).toBe(0.25);
    expect(earned('tomb', 'anything at all')).toBe(0);
  });
  it('matches case when asked to, and reads \\* as a literal star', () => {
    expect(earned('cased', 'NaCl')).toBe(1);
    expect(earned('cased', 'nacl')).toBe(0);
    expect(earned('star', 'a*b')).toBe(1);
    expect(earned('star', 'axb')).toBe(0);
  });
});

describe('numeric (Moodle: value ± tolerance or min..max, first match decides)', () => {
  it('gives full credit inside the first answer and the weighted share inside a later one', () => {
    expect(earned('grant', 1822)).toBe(2);
    expect(earned('grant', '1822')).toBe(2);
    expect(earned('grant', '1821')).toBe(1);
    expect(earned('grant', 1830)).toBe(0);
  });
  it('accepts a range inclusively, a tolerance around a decimal, a decimal comma and the unit', () => {
    expect(earned('range', 1)).toBe(1);
    expect(earned('range', '4.5')).toBe(1);
    expect(earned('range', 5.01)).toBe(0);
    expect(earned('pi', '3.1419')).toBe(1);
    expect(earned('pi', '3,1412')).toBe(1);
    expect(earned('pi', '3.142')).toBe(1);
    expect(earned('pi', '3.1421')).toBe(0);
    expect(earned('mass', '12 kg')).toBe(1);
    expect(earned('mass', '12')).toBe(1);
    expect(earned('mass', 'twelve')).toBe(0);
  });
});

describe('the loader checks the key of the typed questions', () => {
  const problems = (q: string) =>
    loadTree({ 'g.yaml': GUIDELINE, 'b.yaml': bankYaml(q) }).diagnostics.map((d) => `${d.ruleId} ${d.message}`);
  it('needs an answer worth full credit', () => {
    expect(
      problems(`  - {id: q1, type: short-answer, sections: ["1"], prompt: P, accept: [{text: x, credit: 0.5}]}\n`),
    ).toEqual([expect.stringMatching(/^answer-shape .*no accepted answer earns full credit/)]);
    expect(
      problems(`  - {id: q1, type: numeric, sections: ["1"], prompt: P, accept: [{value: 3, credit: 0.5}]}\n`),
    ).toEqual([expect.stringMatching(/^answer-shape .*no accepted number earns full credit/)]);
  });
  it('needs a value or a min and max, in order', () => {
    expect(problems(`  - {id: q1, type: numeric, sections: ["1"], prompt: P, accept: [{min: 3}]}\n`)).toEqual([
      expect.stringMatching(/write either value \(with an optional tolerance\) or both min and max/),
    ]);
    expect(problems(`  - {id: q1, type: numeric, sections: ["1"], prompt: P, accept: [{min: 5, max: 1}]}\n`)).toEqual([
      expect.stringMatching(/min 5 is above max 1/),
    ]);
  });
});
