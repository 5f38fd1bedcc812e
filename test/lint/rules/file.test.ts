import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/library/load.js';
import { lintContent } from '../../../src/lint/index.js';
import { fileRead } from '../../../src/lint/rules/file.js';
import { tempTree } from '../../helpers.js';

// A file that cannot be read cannot be written as an inline table case; it needs a real folder.
describe('rule file', () => {
  it('valid: a readable file gives no problem', () => {
    const dir = tempTree({
      'guideline.yaml': 'kind: guideline\nid: g\ntitle: G\nversion: 1.0.0\nsections:\n  - {id: "1", title: One}\n',
    });
    const content = loadContent([dir]);
    expect(
      lintContent(
        content,
        content.files.map((f) => f.file),
        [fileRead],
      ).problems,
    ).toEqual([]);
  });

  it('invalid: a content path that is a folder named like a YAML file is reported at 1:1', () => {
    const dir = tempTree({});
    const odd = path.join(dir, 'odd.yaml');
    fs.mkdirSync(odd);
    const content = loadContent([], [odd]);
    const problems = lintContent(content, [odd], [fileRead]).problems;
    expect(problems.map((p) => [p.line, p.column, p.ruleId, p.messageId, p.severity])).toEqual([
      [1, 1, 'file', 'cannotRead', 'error'],
    ]);
  });
});
