import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertBuilt, ROOT } from '../built.js';
import { tempTree } from '../helpers.js';

describe('scripts/bundle.mjs', () => {
  it('runs the program as rebuilt: the code cache of the build before is neither used nor kept', () => {
    assertBuilt();
    // A copy of the package's build: the launcher, the compiled modules, the script, and
    // node_modules in reach.
    const root = tempTree();
    for (const part of [
      'bin',
      'dist',
      'scripts/bundle.mjs',
      'package.json',
      'src/content/schema',
      'guidelines',
      'question-banks',
    ])
      fs.cpSync(path.join(ROOT, part), path.join(root, part), { recursive: true });
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(root, 'node_modules'));
    const bundle = () => execFileSync(process.execPath, [path.join(root, 'scripts', 'bundle.mjs')], { cwd: root });
    const home = path.join(root, 'home');
    const list = () => {
      const result = spawnSync(process.execPath, [path.join(root, 'bin', 'qualify.js'), 'list', '--json'], {
        env: { ...process.env, QUALIFY_HOME: home },
        encoding: 'utf8',
      });
      expect(result.stderr).toBe('');
      return JSON.parse(result.stdout) as { id: string; title: string }[];
    };
    const cached = () => fs.readdirSync(path.join(home, 'cache', 'code'));
    bundle();
    const before = list();
    expect(before.find((b) => b.id === 'search-evaluation-basics')?.title).not.toBe('search-evaluation-basics');
    const firstCache = cached();
    expect(firstCache).toHaveLength(1);

    // A change of the same length: V8 checks a cached script by its length alone, so a cache of
    // the old build, were it handed over, would run the old code.
    const changed = path.join(root, 'dist', 'cli', 'commands', 'list.js');
    const code = fs.readFileSync(changed, 'utf8');
    expect(code).toContain('title: bank.title,');
    fs.writeFileSync(changed, code.replace('title: bank.title,', 'title: bank.id   ,'));
    bundle();
    const after = list();
    expect(after.find((b) => b.id === 'search-evaluation-basics')?.title).toBe('search-evaluation-basics');
    expect(cached()).toHaveLength(1);
    expect(cached()).not.toEqual(firstCache);
  });
});
