import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findContentFiles } from '../../src/content/discover.js';
import { tempTree } from '../helpers.js';

describe('findContentFiles', () => {
  it('lists every YAML file of a folder tree in collation order, folders in place, hidden files left out', () => {
    const dir = tempTree({
      'b-bank.yaml': 'x',
      'B_bank.yaml': 'x',
      'a.yml': 'x',
      'sub/z.yaml': 'x',
      'README.md': 'x',
      '.hidden.yaml': 'x',
      'node_modules/pkg/x.yaml': 'x',
    });
    expect(findContentFiles([dir]).map((f) => path.relative(dir, f))).toEqual([
      'a.yml',
      'B_bank.yaml',
      'b-bank.yaml',
      path.join('sub', 'z.yaml'),
    ]);
  });
});
