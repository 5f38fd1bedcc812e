import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { SHIPPED_CONTENT_DIRS } from '../../src/content/discover.js';
import { loadContent } from '../../src/library/load.js';
import { QUESTION_TYPES } from '../../src/content/types.js';
import { keyResponse } from '../../src/scoring/key-response.js';
import { scoreAttempt } from '../../src/scoring/attempt.js';
import { normalizeResponse, type Response } from '../../src/scoring/response.js';
import { cli, tempHome, writeTemp } from '../cli/run-cli.js';

const content = loadContent(SHIPPED_CONTENT_DIRS);

/** The fields of `qualify exam --json` these tests read. */
interface JsonReport {
  percent: number;
  passed: boolean;
  mistakes: { sections: string[] }[];
}
const banks = [...content.banks.values()];
const home = tempHome();
afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

describe('shipped content', () => {
  it('loads without a single problem', () => {
    expect(content.diagnostics).toEqual([]);
    expect(banks.length).toBeGreaterThan(0);
  });

  it('has a guideline of at least 8 sections and a bank of at least 20 questions using every question type', () => {
    const full = banks.filter(
      ({ bank, guideline }) =>
        guideline.sectionIndex.size >= 8 &&
        bank.questions.length >= 20 &&
        QUESTION_TYPES.every((t) => bank.questions.some((q) => q.type === t)),
    );
    expect(full.map((b) => b.bank.id)).toContain('code-math-evaluation-basics');
  });

  it.each(banks.map((b) => [b.bank.id, b] as const))(
    '%s: the key scores full marks on every question',
    (_id, resolved) => {
      const responses = new Map(
        resolved.bank.questions.map((q) => [q.id, normalizeResponse(keyResponse(q)) as Response]),
      );
      const result = scoreAttempt(resolved, resolved.bank.questions, responses);
      expect(result.questions.filter((q) => q.earned < q.max).map((q) => q.questionId)).toEqual([]);
      expect(result.percent).toBe(100);
      expect(result.passed).toBe(true);
    },
  );

  it.each(banks.map((b) => [b.bank.id] as const))(
    '%s: qualify key then qualify exam passes with full marks; an empty answers file scores zero',
    async (id) => {
      const key = await cli(['key', id], { home });
      expect(key.code).toBe(0);
      const keyFile = writeTemp(home, `${id}.key.yaml`, key.stdout);
      const passed = JSON.parse((await cli(['exam', id, '--answers', keyFile, '--json'], { home })).stdout) as unknown;
      expect(passed).toMatchObject({ percent: 100, passed: true, mistakes: [] });

      const failed = JSON.parse(
        (await cli(['exam', id, '--answers', writeTemp(home, 'empty.yaml', ''), '--json', '--practice'], { home }))
          .stdout,
      ) as JsonReport;
      const drawn = content.banks.get(id)!.bank.exam.draw ?? content.banks.get(id)!.bank.questions.length;
      expect(failed.percent).toBe(0);
      expect(failed.passed).toBe(false);
      expect(failed.mistakes).toHaveLength(drawn);
      expect(failed.mistakes.every((m) => m.sections.length > 0)).toBe(true);
    },
  );

  it('the example answers file in the README is accepted and scored', async () => {
    // The seed is pinned: which questions are drawn decides the score, so the test must not depend on the draw.
    const result = await cli(
      [
        'exam',
        'search-evaluation-basics',
        '--practice',
        '--answers',
        'examples/search-evaluation-first-try.yaml',
        '--seed',
        '7',
        '--json',
      ],
      { home },
    );
    expect(result.code).toBe(0);
    const body = JSON.parse(result.stdout) as JsonReport;
    expect(body.percent).toBeGreaterThan(0);
    expect(body.percent).toBeLessThan(100);
  });

  it('its mistake report fits an 80-column terminal, with no stray spaces where lines wrap', async () => {
    const text = (await cli(['report'], { home })).stdout;
    const lines = text.split('\n');
    expect(lines.filter((line) => line.length > 80)).toEqual([]);
    expect(lines.filter((line) => line.endsWith(' '))).toEqual([]);
    // A wrapped continuation hangs at the column of the text it continues, never one space further.
    expect(lines.filter((line) => /^ {19}\S/.test(line))).toEqual([]);
  });

  it.each([1, 7, 23])(
    'with seed %i, its mistake report wraps at 60, 80, 100 and 140 columns: no line too wide, no lone word',
    async (seed) => {
      const own = tempHome();
      try {
        expect(
          (
            await cli(
              [
                'exam',
                'search-evaluation-basics',
                '--practice',
                '--answers',
                'examples/search-evaluation-first-try.yaml',
                '--seed',
                String(seed),
              ],
              { home: own },
            )
          ).code,
        ).toBe(0);
        for (const columns of [60, 80, 100, 140]) {
          const lines = (await cli(['report'], { home: own, env: { COLUMNS: String(columns) } })).stdout.split('\n');
          expect(
            lines.filter((line) => [...line].length > columns),
            `${columns} columns`,
          ).toEqual([]);
          // The study plan's lines and the header wrap too (they used to run past the edge).
          const after = lines.slice(lines.findIndex((line) => line.startsWith('Study plan')) + 1);
          const end = after.findIndex((line) => /^\S/.test(line)); // the next heading (learning analytics)
          const plan = after.slice(0, end < 0 ? undefined : end).filter((line) => line.trim());
          expect(plan.length).toBeGreaterThan(0);
          expect(
            plan.every((line) => /^ {2}\d+\. |^ {5}\S/.test(line)),
            plan.join('\n'),
          ).toBe(true);
          // A word alone on a line is only ever the end of a paragraph: the line before it is full
          // (the report keeps its lines at most 100 columns wide, for reading, on wider screens).
          const room = Math.min(columns, 100);
          lines.forEach((line, i) => {
            if (!/^ +\S+$/.test(line) || i === 0) return;
            const previous = lines[i - 1]!;
            const word = line.trim();
            if (/^ +\S/.test(previous) && previous.trim() && !/:$/.test(previous))
              expect(
                [...previous].length + 1 + [...word].length,
                `${columns}: "${previous}" / "${line}"`,
              ).toBeGreaterThan(room);
          });
        }
      } finally {
        fs.rmSync(own, { recursive: true, force: true });
      }
    },
  );
});
