import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertBuilt, ROOT } from '../built.js';
import { tempTree } from '../helpers.js';

describe('scripts/bundle.mjs', () => {
  it('keeps the last build beside the new one, so a qualify started before a rebuild still runs its commands', () => {
    assertBuilt();
    // A copy of the package's build: the compiled modules, the script, and node_modules in reach.
    const root = tempTree();
    for (const part of [
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
    bundle();

    // A process that started the program, then (while it runs) sees the program rebuilt with a
    // change, then runs a command whose chunk it had not loaded yet.
    const changed = path.join(root, 'dist', 'cli', 'commands', 'list.js');
    const script = `
      import fs from 'node:fs';
      import { execFileSync } from 'node:child_process';
      const cli = await import(${JSON.stringify(path.join(root, 'dist', 'bundle', 'program.js'))});
      fs.appendFileSync(${JSON.stringify(changed)}, '\\n// changed\\n');
      execFileSync(process.execPath, [${JSON.stringify(path.join(root, 'scripts', 'bundle.mjs'))}]);
      let out = '';
      const io = { ...cli.processIo(), out: (text) => void (out += text) };
      await cli.run(['list', '--json'], io);
      process.stdout.write(out);
    `;
    const env = { ...process.env, QUALIFY_HOME: path.join(root, 'home') };
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { env, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('search-evaluation-basics');

    // Two builds on, the first one's own chunks are gone: the folder does not grow with every build.
    const folder = path.join(root, 'dist', 'bundle');
    const listed = () => JSON.parse(fs.readFileSync(path.join(folder, 'build-files.json'), 'utf8')) as string[];
    const first = listed();
    fs.appendFileSync(changed, '// changed again\n');
    bundle();
    const second = listed();
    fs.appendFileSync(changed, '// and again\n');
    bundle();
    const third = listed();
    const kept = fs.readdirSync(folder);
    const firstOnly = first.filter((file) => !second.includes(file) && !third.includes(file));
    expect(firstOnly.length).toBeGreaterThan(0);
    expect(firstOnly.filter((file) => kept.includes(file))).toEqual([]);
    expect([...second, ...third].filter((file) => !kept.includes(file))).toEqual([]);
  });
});
