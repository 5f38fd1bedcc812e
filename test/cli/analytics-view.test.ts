import { describe, expect, it } from 'vitest';
import { analyticsText } from '../../src/ui/analytics-view.js';
import type { Analytics } from '../../src/study/analytics.js';

const empty: Analytics = { calibration: [], rushing: null, confidence: null, trends: [], sections: [] };

describe('learning analytics as text', () => {
  it('says which way a learner leans: too high on a rating scale, toward one response on a preference scale', () => {
    const text = analyticsText(
      {
        ...empty,
        calibration: [
          {
            scale: 'needs_met',
            kind: 'rating',
            labels: ['Fails', 'Slightly', 'Moderately', 'Highly', 'Fully'],
            answered: 4,
            meanSignedError: 1,
            meanAbsoluteError: 1,
            confusion: [],
          },
          {
            scale: 'preference',
            kind: 'preference',
            labels: ['A much better', 'About the same', 'B much better'],
            answered: 2,
            meanSignedError: -2,
            meanAbsoluteError: 2,
            confusion: [],
          },
        ].map((s) => ({ ...s, confusion: s.labels.map(() => s.labels.map(() => 0)) })) as Analytics['calibration'],
      },
      { color: false, trends: true },
    );
    expect(text).toContain('needs_met: you rate one step too high (mean +1 steps over 4 answers)');
    expect(text).toContain('preference: you lean 2 steps toward "A much better" (mean -2 steps over 2 answers)');
  });

  it('warns about rushing, and draws trends only from two attempts on', () => {
    const text = analyticsText(
      {
        ...empty,
        rushing: { answers: 8, fastCount: 2, fastUpToMs: 4000, fastAccuracy: 0, restAccuracy: 0.83, warning: true },
        trends: [
          { bankId: 'one', percents: [60] },
          { bankId: 'two', percents: [40, 90] },
        ],
      },
      { color: false, trends: true },
    );
    expect(text).toContain('Fastest 2 answers (up to 4 s): 0% right; the rest: 83% right');
    expect(text).toContain('Your quick answers are much worse');
    expect(text).not.toContain('one:');
    expect(text).toContain('two: 40% → 90% over 2 attempts');
    expect(analyticsText(empty, { color: false, trends: true })).toBe('');
  });

  it('keeps the confusion table in columns when a cell counts thousands of answers', () => {
    const labels = ['Low', 'Mid', 'High'];
    const text = analyticsText(
      {
        ...empty,
        calibration: [
          {
            scale: 'quality',
            kind: 'rating',
            labels,
            answered: 10_370,
            meanSignedError: 0,
            meanAbsoluteError: 0,
            confusion: [
              [10_000, 5, 0],
              [0, 365, 0],
              [0, 0, 0],
            ],
          },
        ],
      },
      { color: false, trends: true },
    );
    expect(text).toContain('quality: well calibrated (mean error 0 steps over 10,370 answers)');
    const rows = text.split('\n').filter((l) => /^ {4}(expected|\d )/.test(l));
    expect(rows).toHaveLength(4);
    // Every row as wide as the header, each count ending under its column number; each column as
    // wide as its own largest count.
    expect(new Set(rows.map((r) => r.length)).size).toBe(1);
    expect(rows[1]!.endsWith(' 10000   5  .')).toBe(true);
    expect(rows[2]!.endsWith('     . 365  .')).toBe(true);
  });

  it('draws a long history as its latest attempts, within the width, and says so', () => {
    const percents = Array.from({ length: 300 }, (_, i) => (i * 37) % 101);
    for (const width of [60, 80, 120]) {
      const text = analyticsText(
        {
          ...empty,
          trends: [{ bankId: 'long', percents }],
          sections: [{ sectionId: '4.2', accuracy: percents }],
        },
        { color: false, trends: true, width },
      );
      const lines = text.trimEnd().split('\n');
      for (const line of lines) expect([...line].length).toBeLessThanOrEqual(width);
      const shown = Number(/long: 0% → 54% over 300 attempts \(the latest (\d+) drawn\)/.exec(text)?.[1]);
      expect(shown).toBeGreaterThan(5);
      expect(lines.find((l) => l.includes('4.2'))).toMatch(/^ {4}4\.2 {2}…\S+ {2}0% → 54%$/);
    }
  });
});
