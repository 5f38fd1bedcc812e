import { describe, expect, it } from 'vitest';
import { scoreAttempt } from '../../src/scoring/attempt.js';
import { normalizeResponse, type Response } from '../../src/scoring/response.js';
import { scoreQuestion } from '../../src/scoring/rubric.js';
import { bankYaml, loadBank, question } from '../helpers.js';

const bank = loadBank(
  bankYaml(
    `  - id: essay
    type: free-text
    sections: ["2"]
    prompt: Explain.
    model_answer: It breaks rule 1.r1 because the intent is ignored.
    rubric:
      - {id: intent, text: Mentions intent, points: 2, sections: ["1.1"], check: {any: [intent, "what the user wants"]}}
      - {id: rule, text: Cites the rule, points: 1, check: {matches: "1\\\\.r1"}}
      - {id: compared, text: Checked against the model answer, points: 1, check: self}
      - {id: invented, text: Invents a fact, points: -3, check: self}
  - id: keyed
    type: single-choice
    sections: ["1"]
    prompt: Pick.
    options: [{id: a, text: A}, {id: b, text: B}]
    answer: a
    rubric:
      - {id: why, text: Gives a reason, points: 1, sections: ["3"], check: {any: [because]}}
  - id: flag
    type: true-false
    sections: ["3"]
    prompt: Flag it?
    answer: true
    critical: true
  - id: pitfall
    type: single-choice
    sections: ["1"]
    prompt: Pick.
    options: [{id: a, text: A}, {id: b, text: B}]
    answer: a
    rubric:
      - {id: leak, text: Quotes private data, points: -1, critical: true, sections: ["3"], check: {any: ["555-"]}}
`,
    `exam:
  pass_mark: 50
  section_minimums: {"1": 60}
`,
  ),
);

const score = (id: string, raw: unknown) => scoreQuestion(question(bank, id), normalizeResponse(raw));

describe('rubric criteria', () => {
  it('free text earns only what its rubric gives', () => {
    const full = score('essay', { text: 'It breaks rule 1.r1: the intent is ignored.', self: ['compared'] });
    expect(full.earned).toBe(4);
    expect(full.max).toBe(4);
    const partial = score('essay', { text: 'I think it is about WHAT THE USER WANTS.' });
    expect(partial.earned).toBe(2);
  });

  it('a negative criterion that holds takes its points away, clamped at zero', () => {
    expect(score('essay', { text: 'the intent, rule 1.r1', self: ['compared', 'invented'] }).earned).toBe(1);
    expect(score('essay', { text: 'nothing useful', self: ['invented'] }).earned).toBe(0);
  });

  it('checks the rationale of a keyed question as well as the key', () => {
    expect(score('keyed', { answer: 'a', rationale: 'Because the page says so.' }).earned).toBe(2);
    expect(score('keyed', 'a').earned).toBe(1);
    expect(score('keyed', { answer: 'b', rationale: 'because' }).earned).toBe(1);
  });

  it('charges lost points to the sections of the criterion that lost them', () => {
    const result = score('keyed', { answer: 'b', rationale: 'because' });
    expect(result.lostBySection).toEqual({ '1': 1 });
    const noReason = score('keyed', 'a');
    expect(noReason.lostBySection).toEqual({ '3': 1 });
  });

  it('scales section charges so they add up to the points really lost after clamping', () => {
    const result = score('essay', { text: 'nothing', self: ['invented'] });
    const charged = Object.values(result.lostBySection).reduce((a, b) => a + b, 0);
    expect(charged).toBeCloseTo(result.max - result.earned);
    expect(result.lostBySection['1.1']).toBeGreaterThan(0);
  });

  it('a critical question answered wrongly is a critical miss', () => {
    expect(score('flag', false).criticalMissed).toBe(true);
    expect(score('flag', true).criticalMissed).toBe(false);
    expect(score('flag', undefined).criticalMissed).toBe(true);
  });

  it('a critical pitfall that holds is a critical miss even when the key is right', () => {
    const result = score('pitfall', { answer: 'a', rationale: 'Call them on 555-0100.' });
    expect(result.criticalMissed).toBe(true);
    expect(result.earned).toBe(0);
  });

  it('scores a crafted answer against a catastrophic pattern, case-insensitively', () => {
    // With a backtracking engine, (a|a)*b on 40 a's takes hours; this test would then hang.
    const hostile = loadBank(
      bankYaml(`  - {id: q, type: free-text, sections: ["1"],
      prompt: P, rubric: [{id: c, text: T, points: 1, check: {matches: "(a|a)*B"}}]}
`),
    );
    const q = question(hostile, 'q');
    expect(scoreQuestion(q, { text: `${'a'.repeat(40)}!`, self: [] }).earned).toBe(0);
    expect(scoreQuestion(q, { text: `${'A'.repeat(40)}b`, self: [] }).earned).toBe(1);
  });
});

describe('attempt scoring', () => {
  const all = bank.bank.questions;
  const run = (answers: Record<string, unknown>) =>
    scoreAttempt(bank, all, new Map(Object.entries(answers).map(([k, v]) => [k, normalizeResponse(v) as Response])));

  it('passes with every key right', () => {
    const result = run({
      essay: { text: 'intent, rule 1.r1', self: ['compared'] },
      keyed: { answer: 'a', rationale: 'because' },
      flag: true,
      pitfall: 'a',
    });
    expect(result.percent).toBe(100);
    expect(result.passed).toBe(true);
  });

  it('fails on a critical miss whatever the score', () => {
    const result = run({
      essay: { text: 'intent, rule 1.r1', self: ['compared'] },
      keyed: { answer: 'a', rationale: 'because' },
      flag: false,
      pitfall: 'a',
    });
    expect(result.percent).toBeGreaterThan(50);
    expect(result.passed).toBe(false);
    expect(result.criticalMissed).toEqual([{ questionId: 'flag', criterionId: 'key' }]);
  });

  it('fails when a section minimum is not met, counting its subsections', () => {
    // Section 1 holds keyed/key (1), pitfall/key (1) and essay/intent in 1.1 (2): 4 points.
    const result = run({
      essay: { text: 'rule 1.r1', self: ['compared'] },
      keyed: { answer: 'b', rationale: 'because' },
      flag: true,
      pitfall: 'a',
    });
    const minimum = result.sectionMinimums.find((m) => m.id === '1')!;
    expect(minimum.percent).toBe(25);
    expect(minimum.met).toBe(false);
    expect(result.percent).toBeGreaterThanOrEqual(50);
    expect(result.passed).toBe(false);
  });

  it('scores an empty response set as 0% with every section losing points', () => {
    const result = run({});
    expect(result.percent).toBe(0);
    expect(result.passed).toBe(false);
    expect(result.sections.every((s) => s.earned === 0 && s.lost === s.max)).toBe(true);
  });
});
