import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openContentCache } from '../../src/content/cache.js';
import { cutQuestions, itemValues, locateInCut, valueFromCut } from '../../src/content/chunks.js';
import { findContentFiles } from '../../src/content/discover.js';
import { parseYaml, positionOf, type PathSegment } from '../../src/content/parse.js';
import { loadContent } from '../../src/library/load.js';
import { seededRandom } from '../../src/exam/draw.js';
import { GUIDELINE, bankYaml, tempTree } from '../helpers.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

const questions = `  - id: q1
    type: true-false
    sections: ["2"]
    prompt: |
      First line of the first prompt.

      - not an item: a list inside the prompt's text
    answer: true
  # a comment between questions
  - id: q2
    type: true-false
    sections: ["3"]
    prompt: "Second,
      on two lines"
    answer: false
  - id: q3
    type: true-false
    sections: ["2"]
    prompt: Third
    answer: true
`;
const bank = `${bankYaml(questions)}description: A key after the list.\n`;

describe('cutting a bank into its questions', () => {
  it('gives exactly the value a whole parse gives, for every shipped bank', () => {
    const banks = findContentFiles([path.join(ROOT, 'question-banks')]);
    expect(banks.length).toBeGreaterThan(5);
    for (const file of banks) {
      const source = fs.readFileSync(file, 'utf8');
      const whole = parseYaml(file, source);
      const cut = cutQuestions(source);
      expect(cut, file).toBeDefined();
      expect(valueFromCut(file, cut!, new Map())?.value, file).toEqual(whole.value);
      expect(itemValues(whole, cut!)?.size, file).toBe((whole.value as { questions: unknown[] }).questions.length);
    }
  });

  it('finds places in every shipped bank where a whole parse finds them, parsing only their part', () => {
    /** Every path to a value in the file (each key and list item on the way). */
    const pathsOf = (value: unknown, at: PathSegment[] = []): PathSegment[][] => {
      const inside =
        value !== null && typeof value === 'object'
          ? Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...at, Array.isArray(value) ? Number(k) : k]))
          : [];
      return [at, ...inside];
    };
    let checked = 0;
    for (const file of findContentFiles([path.join(ROOT, 'question-banks')])) {
      const source = fs.readFileSync(file, 'utf8');
      const whole = parseYaml(file, source);
      const cut = cutQuestions(source)!;
      for (const at of ['value', 'key'] as const)
        // The file's own keys, and every place in every seventh question (each place parses its question).
        for (const place of pathsOf(whole.value).filter(
          (p) => p.length > 0 && (p[0] !== 'questions' || p.length === 1 || (p[1] as number) % 7 === 0),
        )) {
          const found = locateInCut(file, cut, place, at);
          if (found === undefined) continue; // left to the whole parse
          expect(found, `${file} ${place.join('.')} ${at}`).toEqual(positionOf(whole, place, at));
          checked++;
        }
    }
    expect(checked).toBeGreaterThan(2_000);
  });

  it('keeps block scalars, comments and two-line quoted strings inside their question; keys after the list', () => {
    const cut = cutQuestions(bank)!;
    expect(cut.items.map((item) => item.text.split('\n')[0])).toEqual(['  - id: q1', '  - id: q2', '  - id: q3']);
    expect(valueFromCut('/b.yaml', cut, new Map())!.value).toEqual(parseYaml('/b.yaml', bank).value);
  });

  it.each([
    ['a line starting with a tab', bank.replace('    answer: false', '\tanswer: false')],
    ['a list in flow style', bankYaml('  [{id: q1}]\n')],
    ['a second document', `${bank}---\nkind: bank\n`],
    ['a directive', `%YAML 1.2\n---\n${bank}`],
    ['an item at another indentation', bank.replace('  - id: q3', ' - id: q3')],
  ])('leaves a file with %s to the whole parse', (_, source) => {
    expect(cutQuestions(source)).toBeUndefined();
  });

  it('cuts a file with a tab inside a line, CRLF line ends or a leading ---, to the value a whole parse gives', () => {
    for (const source of [
      bank.replace('answer: false', 'answer:\tfalse'),
      bank.replace(/\n/g, '\r\n'),
      `---\n${bank}`,
    ]) {
      const cut = cutQuestions(source)!;
      expect(cut.items).toHaveLength(3);
      expect(valueFromCut('/b.yaml', cut, new Map())!.value).toEqual(parseYaml('/b.yaml', source).value);
    }
  });

  it('refuses to build the value when a question does not parse alone', () => {
    const aliased = bank
      .replace('prompt: Third', 'prompt: *shared')
      .replace('prompt: "Second,', 'prompt: &shared "Second,');
    expect(parseYaml('/b.yaml', aliased).syntaxProblems).toEqual([]);
    expect(valueFromCut('/b.yaml', cutQuestions(aliased)!, new Map())).toBeUndefined();
    const broken = bank.replace('prompt: Third', 'prompt: "Third');
    expect(valueFromCut('/b.yaml', cutQuestions(broken)!, new Map())).toBeUndefined();
  });

  it('reuses the value of every question whose text is unchanged, and parses only the edited one', () => {
    const known = itemValues(parseYaml('/b.yaml', bank), cutQuestions(bank)!)!;
    const edited = bank.replace('prompt: Third', 'prompt: Third, edited');
    const rebuilt = valueFromCut('/b.yaml', cutQuestions(edited)!, known)!;
    const [first, second, third] = rebuilt.value.questions as Record<string, unknown>[];
    const before = [...known.values()];
    expect(first).toBe(before[0]);
    expect(second).toBe(before[1]);
    expect(third).not.toBe(before[2]);
    expect(third!.prompt).toBe('Third, edited');
    expect(rebuilt.value).toEqual(parseYaml('/b.yaml', edited).value);
  });

  it('only trusts a whole parse whose questions start on the lines the cut found', () => {
    const cut = cutQuestions(bank)!;
    const shifted = parseYaml('/b.yaml', bank.replace('  - id: q1', '  -   id: q1'));
    expect(itemValues(shifted, cut)).toBeUndefined();
    expect(itemValues(parseYaml('/b.yaml', bank), cut)?.size).toBe(3);
  });
});

describe('loading an edited bank', () => {
  function setup() {
    const dir = tempTree({ 'content/g.yaml': GUIDELINE, 'content/b.yaml': bank });
    const cacheDir = path.join(dir, 'cache', 'content');
    const dirs = [path.join(dir, 'content')];
    const rewrite = (text: string) => {
      const file = path.join(dir, 'content', 'b.yaml');
      fs.writeFileSync(file, text);
      const later = new Date(Date.now() + 5000);
      fs.utimesSync(file, later, later);
    };
    const shown = (content: ReturnType<typeof loadContent>) => ({
      prompts: content.banks.get('b')?.bank.questions.map((q) => q.prompt.trim()),
      problems: content.diagnostics.map((d) => `${d.line}:${d.column} ${d.ruleId}`),
    });
    /** What the cached load shows, checked against a load that parses every file whole. */
    const prompts = () => {
      const cached = loadContent(dirs, [], openContentCache(cacheDir));
      const fresh = loadContent(dirs, []);
      expect(cached.banks.get('b')?.bank).toEqual(fresh.banks.get('b')?.bank);
      expect(cached.diagnostics).toEqual(fresh.diagnostics);
      return shown(cached);
    };
    return { rewrite, prompts };
  }

  it('shows an edited question, and the others as they were', () => {
    const { rewrite, prompts } = setup();
    expect(prompts().prompts).toHaveLength(3);
    rewrite(bank.replace('prompt: Third', 'prompt: Third, edited'));
    expect(prompts()).toEqual({
      prompts: [
        "First line of the first prompt.\n\n- not an item: a list inside the prompt's text",
        'Second, on two lines',
        'Third, edited',
      ],
      problems: [],
    });
  });

  it('reports a question broken by an edit at its line and column, every time', () => {
    const { rewrite, prompts } = setup();
    prompts();
    rewrite(bank.replace('prompt: Third', 'prompt: "Third'));
    const expected = { prompts: undefined, problems: [expect.stringMatching(/^2[0-9]:\d+ yaml-syntax$/)] };
    expect(prompts()).toEqual(expected);
    expect(prompts()).toEqual(expected);
  });

  it('reports a schema problem in an edited question where it is, and a duplicate id where the copy is', () => {
    const { rewrite, prompts } = setup();
    prompts();
    rewrite(bank.replace('    answer: false', '    answer: maybe'));
    expect(prompts().problems).toEqual(['21:13 schema']);
    rewrite(bank.replace('  - id: q3', '  - id: q2'));
    expect(prompts().problems).toEqual([expect.stringMatching(/^22:\d+ /)]);
  });

  it('reads a bank whose questions share an anchor whole, with the alias resolved', () => {
    const { rewrite, prompts } = setup();
    prompts();
    rewrite(bank.replace('prompt: Third', 'prompt: *shared').replace('prompt: "Second,', 'prompt: &shared "Second,'));
    expect(prompts().prompts).toEqual([expect.any(String), 'Second, on two lines', 'Second, on two lines']);
  });

  it('reports a question pasted twice as a duplicate id, at the copy', () => {
    const { rewrite, prompts } = setup();
    prompts();
    const third = bank.slice(bank.indexOf('  - id: q3'), bank.indexOf('description:'));
    rewrite(bank.replace('description:', `${third}description:`));
    const { prompts: shownPrompts, problems } = prompts();
    expect(shownPrompts).toHaveLength(4);
    expect(problems).toEqual(['27:9 unique-ids']);
  });
});

describe('random edits to a shipped bank', () => {
  it('load from the cache exactly as from a whole parse: the same bank, the same problems at the same places', () => {
    const shipped = path.join(ROOT, 'question-banks', 'search-evaluation');
    const [bankFile] = findContentFiles([shipped]);
    const guidelineFile = findContentFiles([path.join(ROOT, 'guidelines')]).find((f) =>
      f.includes('search-evaluation'),
    )!;
    const original = fs.readFileSync(bankFile!, 'utf8').split('\n');
    const dir = tempTree({ 'content/b.yaml': original.join('\n') });
    fs.copyFileSync(guidelineFile, path.join(dir, 'content', 'g.yaml'));
    const file = path.join(dir, 'content', 'b.yaml');
    const cacheDir = path.join(dir, 'cache');
    const next = seededRandom(5);
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
    const edits: ((lines: string[]) => void)[] = [
      (lines) => void lines.splice(Math.floor(next() * lines.length), 1), // a line deleted
      (lines) => {
        const at = Math.floor(next() * lines.length);
        lines.splice(at, 0, lines[at]!); // a line doubled
      },
      (lines) => {
        const at = Math.floor(next() * lines.length);
        lines[at] = ` ${lines[at]}`; // indented one more
      },
      (lines) => {
        const at = Math.floor(next() * lines.length);
        lines[at] = lines[at]!.replace(/^ /, ''); // indented one less
      },
      (lines) => {
        const at = Math.floor(next() * lines.length);
        const line = lines[at]!;
        const cut = Math.floor(next() * (line.length + 1));
        lines[at] = line.slice(0, cut) + pick(['"', "'", ':', '- ', '#', '&a ', '*a', '[', '{', 'x']) + line.slice(cut);
      },
      (lines) => {
        // A whole question moved elsewhere in the list.
        const starts = lines.flatMap((l, i) => (l.startsWith('  - id:') ? [i] : []));
        const from = pick(starts);
        const to = starts.find((s) => s > from) ?? lines.length;
        const moved = lines.splice(from, to - from);
        lines.splice(pick(starts.filter((s) => s <= lines.length)), 0, ...moved);
      },
    ];
    let lines = [...original];
    let mismatches = 0;
    for (let round = 0; round < 80; round++) {
      // Mostly one edit to the last good text, now and then a fresh start.
      if (next() < 0.15) lines = [...original];
      pick(edits)(lines);
      fs.writeFileSync(file, lines.join('\n'));
      const later = new Date(Date.now() + 5000 + round * 1000);
      fs.utimesSync(file, later, later);
      const cached = loadContent([path.join(dir, 'content')], [], openContentCache(cacheDir));
      const fresh = loadContent([path.join(dir, 'content')], []);
      const same =
        JSON.stringify(cached.diagnostics) === JSON.stringify(fresh.diagnostics) &&
        JSON.stringify([...cached.banks.values()].map((b) => b.bank)) ===
          JSON.stringify([...fresh.banks.values()].map((b) => b.bank));
      if (!same) mismatches++;
      // Keep editing a file that still loads; start again from one that broke.
      if (fresh.diagnostics.some((d) => d.severity === 'error')) lines = [...original];
    }
    expect(mismatches).toBe(0);
  });
});
