import { describe, expect, it } from 'vitest';
import wrapAnsi from 'wrap-ansi';
import { seededRandom } from '../../src/exam/draw.js';
import { reflow, reflowProse, wrapLines, wrapRows } from '../../src/text/wrap.js';

describe('wrapLines', () => {
  it('never starts or ends a wrapped line with the space it broke at', () => {
    const text = 'one two three four five six seven eight nine ten eleven twelve';
    const lines = wrapLines(text, 20);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.every((l) => l === l.trim() && l.length <= 20)).toBe(true);
    expect(lines.join(' ')).toBe(text);
  });

  it('keeps the indentation of indented lines, such as code', () => {
    expect(wrapLines('def f(x):\n    return some_long_name + other_long_name', 30)).toEqual([
      'def f(x):',
      '    return some_long_name +',
      '    other_long_name',
    ]);
  });

  it('continues a labelled line at its hanging indent', () => {
    const lines = wrapLines('  Why: alpha beta gamma delta epsilon zeta eta theta', 24, { hang: 7 });
    expect(lines[0]).toMatch(/^ {2}Why: alpha/);
    expect(lines.slice(1).every((l) => /^ {7}\S/.test(l) && l.length <= 24)).toBe(true);
  });
});

describe('wrapRows', () => {
  it('breaks 20,000 random lines of one-column text exactly as wrap-ansi does (space runs, long words)', () => {
    const next = seededRandom(11);
    const alphabet = ['a', 'b', 'é', '—', '“', '…', ' ', ' ', ' ', 'x', '-', '.'];
    const differ: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      const length = Math.floor(next() * 60);
      const line = Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      const columns = 1 + Math.floor(next() * 25);
      const expected = wrapAnsi(line, columns, { hard: true, trim: true }).split('\n');
      if (JSON.stringify(wrapRows(line, columns)) !== JSON.stringify(expected)) differ.push(`${columns} ${line}`);
    }
    expect(differ).toEqual([]);
  });
});

describe('reflowProse', () => {
  it('joins a hard-wrapped paragraph, keeping blank lines between paragraphs', () => {
    const first = [
      'A careful review by a named journalist: prices compared with three',
      'rivals, complaint figures and a walkthrough of the',
      'My Account area.',
    ];
    const text = [...first, '', 'Its only link goes to the home page.'].join('\n');
    expect(reflowProse(text)).toBe(`${first.join(' ')}\n\nIts only link goes to the home page.`);
  });

  it('keeps lines that start something of their own: items, steps, labels, figures, tags', () => {
    const text = [
      'Here is what the response says about the steps to follow before you go:',
      '- Pack a torch',
      '1. Check the weather',
      'Answer: 42, as the sum shows above in the worked lines of the text.',
      '42 is the number the worked example arrives at after every step.',
      '[music]',
    ].join('\n');
    expect(reflowProse(text)).toBe(text);
  });

  it('leaves code, logs, aligned transcripts and indented text exactly as written', () => {
    for (const text of [
      'def second_largest(nums):\n    s = sorted(set(nums))\n    return s[-2]',
      'read_email(id=4471)                                   ok\nforward_emails(count=10)   ok',
      '0.4–3.0 s     Woman: "umm we was hoping to uh get there early"\n3.6–6.1 s     Man: "yeah"',
      'A line long enough to be a wrapped line of a paragraph, surely\n  but this one is indented',
    ])
      expect(reflowProse(text)).toBe(text);
  });
});

describe('wrapLines and list items', () => {
  it("goes on under an item's text, not under its marker", () => {
    expect(wrapLines('(a) real help toward serious physical harm, step by step', 31)).toEqual([
      '(a) real help toward serious',
      '    physical harm, step by step',
    ]);
    expect(wrapLines('  - a bullet that is long enough to wrap once', 30)).toEqual([
      '  - a bullet that is long',
      '    enough to wrap once',
    ]);
    // An explicit hang still decides (choices hang at 4).
    expect(wrapLines('a) one two three four five six seven', 20, { hang: 2 })[1]).toMatch(/^ {2}\S/);
  });
});

describe('reflow (guideline text)', () => {
  it('keeps lettered items apart and joins each one to the lines indented under its text', () => {
    const text = [
      'A violation is content of one of these kinds:',
      '',
      '(a) real help toward serious physical harm - step-by-step methods, quantities, recipes or ways',
      '    to obtain weapons;',
      '(b) encouraging or helping self-harm;',
      '(c) revealing private information about a private individual (home',
      '    address, phone number).',
      '',
      'Low signals, each enough:',
      '  (i) the main content is too thin',
      '      to achieve its purpose;',
      '  (ii) careless main content.',
      'a) one more kind of item',
      '1. and a numbered one',
      '    with its second line.',
    ].join('\n');
    expect(reflow(text).split('\n')).toEqual([
      'A violation is content of one of these kinds:',
      '',
      '(a) real help toward serious physical harm - step-by-step methods, quantities, recipes or ways ' +
        'to obtain weapons;',
      '(b) encouraging or helping self-harm;',
      '(c) revealing private information about a private individual (home address, phone number).',
      '',
      'Low signals, each enough:',
      '  (i) the main content is too thin to achieve its purpose;',
      '  (ii) careless main content.',
      'a) one more kind of item',
      '1. and a numbered one',
      '    with its second line.',
    ]);
  });

  it('still joins a paragraph and keeps an indented block as written', () => {
    const text = 'A paragraph written\nover two lines.\n\n    code(line);\n    more(code);\nAfter it.';
    expect(reflow(text)).toBe('A paragraph written over two lines.\n\n    code(line);\n    more(code);\nAfter it.');
  });
});
