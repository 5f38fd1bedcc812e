import { describe, expect, it } from 'vitest';
import { cli, tempHome } from './run-cli.js';

/** The lines of a command's output that run past `columns`. */
const tooWide = (text: string, columns: number) => text.split('\n').filter((line) => [...line].length > columns);

async function examTaken(): Promise<string> {
  const home = tempHome();
  expect(
    (
      await cli(['exam', 'search-evaluation-basics', '--answers', 'examples/search-evaluation-first-try.yaml'], {
        home,
      })
    ).code,
  ).toBe(0);
  return home;
}

describe('history and stats at 60 columns (COLUMNS, piped)', () => {
  it('history keeps each score whole: a row too wide puts the result on its own indented line', async () => {
    const home = await examTaken();
    const out = (await cli(['history'], { home, env: { COLUMNS: '60' } })).stdout;
    expect(tooWide(out, 60)).toEqual([]);
    expect(out).toMatch(/\n {2}#1 {4}.+ {2}exam\n {8}not passed \d+(\.\d+)?%\n/);
    // Wider, the row stays as it was: the result beside the date.
    expect((await cli(['history'], { home, env: { COLUMNS: '100' } })).stdout).toMatch(
      / {2}#1 {4}.+ {2}exam {6}not passed \d/,
    );
  });

  it('stats puts the option picks under the figures and wraps the prose at word boundaries', async () => {
    // Every question drawn (practice --all), so the rows checked below do not depend on the draw.
    const home = tempHome();
    expect(
      (
        await cli(
          [
            'exam',
            'search-evaluation-basics',
            '--practice',
            '--all',
            '--answers',
            'examples/search-evaluation-first-try.yaml',
          ],
          { home },
        )
      ).code,
    ).toBe(0);
    const out = (await cli(['stats', 'search-evaluation-basics'], { home, env: { COLUMNS: '60' } })).stdout;
    expect(tooWide(out, 60)).toEqual([]);
    // The prose breaks at spaces only: joined again with one, it is whole.
    expect(out.split('\n').join(' ')).toContain(
      "Discrimination: how the question's score correlates with the rest of the attempt (-1 to 1).",
    );
    expect(out).toMatch(/\nse-003 +1 +1 +1\.00 +–\n {2}a 0 · b\* 1 · c 0 · d 0\n/);
    expect(out).toContain('\n  ⚑ too easy: 100% of its points earned on average over 1\n    attempt (above 90%)\n');
    // Wide enough, the picks stay beside the figures.
    expect((await cli(['stats', 'search-evaluation-basics'], { home, env: { COLUMNS: '140' } })).stdout).toMatch(
      /\nse-003 +1 +1 +1\.00 +– +a 0 · b\* 1 · c 0 · d 0\n/,
    );
  });
});

describe('read at 60 columns (COLUMNS, piped)', () => {
  it('keeps contents rows whole, reflows sections into paragraphs, sets search hits apart from snippets', async () => {
    const home = tempHome();
    const toc = (await cli(['read', 'search-evaluation'], { home, env: { COLUMNS: '60' } })).stdout;
    expect(tooWide(toc, 60)).toEqual([]);
    expect(toc).toMatch(/\n2 {2}The rating task +not tried yet\n/);

    const section = (await cli(['read', 'search-evaluation', '5.1'], { home, env: { COLUMNS: '60' } })).stdout;
    expect(tooWide(section, 60)).toEqual([]);
    // The YAML's line breaks are gone: the paragraph fills each line up to the width.
    expect(section).toContain('Four things make a page credible. Which of them matter most\ndepends on');

    const search = (
      await cli(['read', 'search-evaluation', '--search', 'trust experience'], {
        home,
        env: { COLUMNS: '60' },
      })
    ).stdout;
    expect(tooWide(search, 60)).toEqual([]);
    expect(search).toMatch(/^5\.1 {2}Credibility: expertise, experience, reputation and\n {4}trust\n {4}\S/);
  });
});

describe('the report at 60 columns (COLUMNS, piped)', () => {
  it('ends with the next step, its command whole on a line of its own when both do not fit', async () => {
    const home = await examTaken();
    const out = (await cli(['report'], { home, env: { COLUMNS: '60' } })).stdout;
    expect(tooWide(out, 60)).toEqual([]);
    expect(out.trimEnd().split('\n').slice(-2)).toEqual([
      expect.stringMatching(/^Next step: \d+ cards due - drill \(\d+ min\)$/),
      '  → qualify drill search-evaluation-basics',
    ]);
    // No blank line is doubled before it.
    expect(out).not.toMatch(/\n\n\n/);
  });
});
