import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { assertBuilt, ROOT } from '../built.js';
import { tempTree } from '../helpers.js';

// Memos (verdicts, lint findings, outcomes) are kept per build of qualify: the digest must change
// whenever the program does, or an old build's verdicts would be reused by a new scorer.

/** codeDigest() as the module at `folder/code-digest.js` works it out, loaded afresh. */
async function digestFrom(folder: string, copy: number): Promise<string> {
  const file = path.join(folder, 'code-digest.js');
  const module = (await import(`${pathToFileURL(file).href}?copy=${copy}`)) as { codeDigest: () => string };
  return module.codeDigest();
}

describe('the digest of this build', () => {
  it('unbundled, changes when any module changes', async () => {
    assertBuilt();
    // A copy of the compiled module in a dist/-like tree of its own, with node_modules in reach.
    const root = tempTree({ 'dist/scoring/rubric.js': 'export const version = 1;\n' });
    for (const name of ['code-digest.js', 'code-digest.js.map'])
      fs.cpSync(path.join(ROOT, 'dist/library', name), path.join(root, 'dist/library', name));
    fs.writeFileSync(path.join(root, 'package.json'), '{"type": "module"}\n');
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(root, 'node_modules'));
    const folder = path.join(root, 'dist/library');
    const before = await digestFrom(folder, 1);
    expect(await digestFrom(folder, 2)).toBe(before);
    fs.writeFileSync(path.join(root, 'dist/scoring/rubric.js'), 'export const version = 2;\n');
    expect(await digestFrom(folder, 3)).not.toBe(before);
  });

  it('bundled, is the one the build wrote, which is the hash of the bundle as built', () => {
    assertBuilt();
    const bundle = path.join(ROOT, 'dist/bundle');
    const hash = createHash('sha256').update(fs.readFileSync(path.join(bundle, 'program.cjs')));
    expect(fs.readFileSync(path.join(bundle, 'build-digest.txt'), 'utf8').trim()).toBe(hash.digest('hex'));
  });
});
