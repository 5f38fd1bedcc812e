import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/library/load.js';
import { GUIDELINE, bankYaml, loadTree } from '../helpers.js';

const problems = (files: Record<string, string>) =>
  loadTree(files).diagnostics.map((d) => `${path.basename(d.file)}:${d.line}:${d.column} ${d.ruleId} ${d.message}`);

const ok = `  - {id: q1, type: true-false, sections: ["1"], prompt: P, answer: true}\n`;

describe('YAML syntax errors', () => {
  it('name the file, line and column, in plain words', () => {
    const broken = 'kind: guideline\nid: g\ntitle: "unclosed\nversion: 1\n';
    expect(problems({ 'g.yaml': broken })).toEqual([
      'g.yaml:3:8 yaml-syntax YAML syntax: this quoted text is never closed; add the closing quote',
    ]);
  });

  it('report a duplicate key at the second occurrence', () => {
    const dup = 'kind: guideline\nid: g\ntitle: T\ntitle: Again\nversion: "1"\nsections: [{id: "1", title: A}]\n';
    expect(problems({ 'g.yaml': dup })).toEqual([
      'g.yaml:4:1 yaml-syntax YAML syntax: this key appears twice in the same mapping; keep only one',
    ]);
  });

  it('report tab indentation', () => {
    const tabs = 'kind: guideline\nsections:\n\t- id: "1"\n';
    expect(problems({ 'g.yaml': tabs })[0]).toMatch(/^g\.yaml:3:1 yaml-syntax YAML syntax: a tab/);
  });

  it('refuse custom tags instead of running them', () => {
    const tagged = 'kind: guideline\nid: !!js/function "function () { return 1 }"\n';
    expect(problems({ 'g.yaml': tagged })).toEqual([
      'g.yaml:2:5 yaml-syntax YAML syntax: unknown tag; shared content may not use custom YAML tags',
    ]);
  });
});

describe('schema errors', () => {
  it('point at the missing field’s mapping', () => {
    const bank = bankYaml(
      '  - id: q1\n    type: single-choice\n    sections: ["1"]\n    prompt: P\n' +
        '    options: [{id: a, text: A}, {id: b, text: B}]\n',
    );
    expect(problems({ 'g.yaml': GUIDELINE, 'b.yaml': bank })).toEqual([
      'b.yaml:7:5 schema question "q1": missing required field "answer"',
    ]);
  });

  it('point at an unknown field’s key and suggest checking its spelling', () => {
    const bank = bankYaml(`  - {id: q1, type: true-false, sections: ["1"], prompt: P, answr: true}\n`);
    expect(problems({ 'g.yaml': GUIDELINE, 'b.yaml': bank })).toEqual([
      'b.yaml:7:5 schema question "q1": missing required field "answer"',
      'b.yaml:7:60 schema question "q1": unknown field "answr" (check its spelling in docs/format.md)',
    ]);
  });

  it('name an unknown question type and list the real ones', () => {
    const bank = bankYaml(`  - {id: q1, type: essay, sections: ["1"], prompt: P}\n`);
    expect(problems({ 'g.yaml': GUIDELINE, 'b.yaml': bank })[0]).toMatch(
      /^b\.yaml:7:\d+ schema question "q1" › type: unknown question type "essay"; use one of: single-choice/,
    );
  });

  it('explain a bad duration', () => {
    const bank = bankYaml(ok, 'exam:\n  time_limit: 25 minutes\n');
    expect(problems({ 'g.yaml': GUIDELINE, 'b.yaml': bank })).toEqual([
      'b.yaml:7:15 schema exam.time_limit: is not a duration; write it like 90s, 25m, 1h30m, 72h or 7d',
    ]);
  });
});

describe('references', () => {
  it('report a section the guideline does not have', () => {
    const bank = bankYaml(`  - {id: q1, type: true-false, sections: ["9"], prompt: P, answer: true}\n`);
    expect(problems({ 'g.yaml': GUIDELINE, 'b.yaml': bank })).toEqual([
      'b.yaml:7:43 unknown-section question "q1" › sections[0]: section "9" is not in guideline "g"',
    ]);
  });

  it('report an answer that is not an option', () => {
    const bank = bankYaml(
      '  - {id: q1, type: single-choice, sections: ["1"], prompt: P, ' +
        'options: [{id: a, text: A}, {id: b, text: B}], answer: c}\n',
    );
    expect(problems({ 'g.yaml': GUIDELINE, 'b.yaml': bank })[0]).toMatch(
      /unknown|answer-shape question "q1" › answer: answer "c" is not one of the option ids \("a", "b"\)/,
    );
  });

  it('report an unknown scale and a label that is not on the scale', () => {
    const bank = bankYaml(`  - {id: q1, type: rating, sections: ["1"], prompt: P, scale: stars, answer: Good}
  - {id: q2, type: rating, sections: ["1"], prompt: P, scale: quality, answer: Great}\n`);
    const found = problems({ 'g.yaml': GUIDELINE, 'b.yaml': bank });
    expect(found[0]).toMatch(
      /unknown-scale question "q1" › scale: scale "stars" is not defined in guideline "g" \(it has "quality"\)/,
    );
    expect(found[1]).toMatch(/answer-shape question "q2" › answer: answer "Great" is not a label of the scale/);
  });

  it('report a bank whose guideline is missing', () => {
    expect(problems({ 'b.yaml': bankYaml(ok) })).toEqual([
      'b.yaml:4:12 unknown-guideline guideline: no guideline document has id "g"',
    ]);
  });

  it('report duplicate question ids', () => {
    const bank = bankYaml(ok + ok);
    expect(problems({ 'g.yaml': GUIDELINE, 'b.yaml': bank })).toEqual([
      'b.yaml:8:10 unique-ids question "q1" › id: question id "q1" is used twice',
    ]);
  });

  it('refuse rubric patterns the safe (linear-time) matcher cannot run', () => {
    const matching = (id: string, pattern: string) =>
      `  - {id: ${id}, type: free-text, sections: ["1"], prompt: P, ` +
      `rubric: [{id: c, text: T, points: 1, check: {matches: "${pattern}"}}]}\n`;
    const bank = bankYaml(matching('q1', '(a)\\\\1') + matching('q2', 'a.{0,40}b') + matching('q3', '(unclosed'));
    const found = problems({ 'g.yaml': GUIDELINE, 'b.yaml': bank });
    expect(found[0]).toMatch(
      /rubric-regex question "q1" › criterion "c" › check.matches: the pattern cannot be matched in linear time; back-/,
    );
    expect(found[1]).toMatch(
      /rubric-regex question "q2" › criterion "c" › check.matches: the pattern repeats a part more than 16 times \(\{0,40\}\)/,
    );
    expect(found[2]).toMatch(
      /rubric-regex question "q3" › criterion "c" › check.matches: the pattern is not a valid regular expression/,
    );
  });

  it('accept patterns with nested repetition, which the linear-time matcher runs safely', () => {
    const bank = bankYaml(
      '  - {id: q1, type: free-text, sections: ["1"], prompt: P, ' +
        'rubric: [{id: c, text: T, points: 1, check: {matches: "(a+)+$|(x|x)*y|\\\\bFlag\\\\b"}}]}\n',
    );
    expect(problems({ 'g.yaml': GUIDELINE, 'b.yaml': bank })).toEqual([]);
  });
});

describe('media paths', () => {
  it('refuse a path that leaves the bank’s folder', () => {
    const bank = bankYaml(
      `  - {id: q1, type: true-false, sections: ["1"], prompt: P, answer: true, media: [{path: ../../etc/passwd}]}\n`,
    );
    expect(problems({ 'g.yaml': GUIDELINE, 'b.yaml': bank })[0]).toMatch(
      /media-path question "q1" › media\[0\].path: media path "..\/..\/etc\/passwd" leaves the bank's folder/,
    );
  });

  it('point at the right entry when an earlier media path was refused', () => {
    const bank = bankYaml(`  - id: q1
    type: true-false
    sections: ["1"]
    prompt: P
    answer: true
    media:
      - {path: ../outside.png}
      - {path: missing.png}
`);
    expect(problems({ 'g.yaml': GUIDELINE, 'b.yaml': bank })).toEqual([
      'b.yaml:13:16 media-path question "q1" › media[0].path: media path "../outside.png" leaves the bank\'s folder; ' +
        'keep media files beside the bank',
      'b.yaml:14:16 media-path question "q1": media file "missing.png" does not exist',
    ]);
  });

  it('refuse a symbolic link that points outside the folder', () => {
    const bank = bankYaml(
      `  - {id: q1, type: true-false, sections: ["1"], prompt: P, answer: true, media: [{path: img.png}]}\n`,
    );
    const tree = loadTree({ 'g.yaml': GUIDELINE });
    fs.mkdirSync(path.join(tree.dir, 'bank'));
    fs.writeFileSync(path.join(tree.dir, 'bank', 'b.yaml'), bank);
    fs.symlinkSync(path.join(tree.dir, 'g.yaml'), path.join(tree.dir, 'bank', 'img.png'));
    const found = loadContent([tree.dir]).diagnostics;
    expect(found.map((d) => d.message)).toEqual([
      'question "q1": media file "img.png" links outside the bank\'s folder',
    ]);
  });
});

describe('discovery', () => {
  it('skips YAML files that are not content (no kind), and reads both kinds from one folder', () => {
    const content = loadTree({ 'g.yaml': GUIDELINE, 'sub/b.yaml': bankYaml(ok), 'answers.yaml': 'q1: true\n' });
    expect(content.diagnostics).toEqual([]);
    expect([...content.banks.keys()]).toEqual(['b']);
  });

  it('reports an id defined twice across files', () => {
    const found = problems({ 'g.yaml': GUIDELINE, 'g2.yaml': GUIDELINE });
    expect(found).toEqual([expect.stringMatching(/^g2\.yaml:2:5 unique-ids guideline id "g" is already used by /)]);
  });
});

describe('option credits must agree with the key', () => {
  const single = (options: string, answer: string) =>
    `  - {id: q1, type: single-choice, sections: ["1"], prompt: P, options: ${options}, answer: ${answer}}\n`;
  it('the answer of a single-choice question earns full credit; another option never less than nothing', () => {
    expect(
      problems({
        'g.yaml': GUIDELINE,
        'b.yaml': bankYaml(single('[{id: a, text: A, credit: 0.5}, {id: b, text: B}]', 'a')),
      }),
    ).toEqual([
      expect.stringContaining(
        'answer-shape question "q1" › options[0].credit: option "a" is the answer, so it earns full credit',
      ),
    ]);
    expect(
      problems({
        'g.yaml': GUIDELINE,
        'b.yaml': bankYaml(single('[{id: a, text: A, credit: -0.5}, {id: b, text: B}]', 'b')),
      }),
    ).toEqual([expect.stringContaining('option "a" is not the answer: its credit must be between 0 and 1')]);
  });
  it('the credited options of a multi-select question are its answer and add up to 1', () => {
    const multi =
      '  - {id: q1, type: multi-select, sections: ["1"], prompt: P, options: ' +
      '[{id: a, text: A, credit: 0.5}, {id: b, text: B, credit: 0.25}, {id: c, text: C}], answer: [a, c]}\n';
    const found = problems({ 'g.yaml': GUIDELINE, 'b.yaml': bankYaml(multi) });
    expect(found).toEqual([
      expect.stringContaining('the answer must be exactly the options with a positive credit ("a", "b")'),
      expect.stringContaining('the positive option credits add up to 0.75, not 1'),
    ]);
  });
});
