import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildIfStale, ROOT } from './built.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A content cache that has seen the shipped content and the fixtures (see `tempHome`). */
    contentCache: string;
  }
}

/**
 * Before any test file, once: build the CLI when `dist/` is older than `src/`, so the tests that
 * drive the real launcher (tmux, piped standard input, exit codes) never run a stale build, even
 * when vitest runs alone without `npm run build`. Then let the CLI read the shipped content and
 * the fixtures into a content cache, which every test home starts with: without it, each new
 * home parses and validates every shipped file again (more than a second of CPU per test).
 */
export default function setup(project: TestProject): () => void {
  const reason = buildIfStale();
  if (reason) console.log(`Built the CLI first: ${reason}.`);
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'qualify-test-cache-'));
  const fixtures = path.join(ROOT, 'test', 'fixtures');
  const warm = spawnSync(
    process.execPath,
    [
      path.join(ROOT, 'bin', 'qualify.js'),
      ...['--content', path.join(fixtures, 'basic'), '--content', path.join(fixtures, 'interactive'), 'list'],
    ],
    { env: { ...process.env, QUALIFY_HOME: home, NO_COLOR: '1' }, encoding: 'utf8' },
  );
  if (warm.status !== 0) throw new Error(`qualify list failed while filling the content cache:\n${warm.stderr}`);
  project.provide('contentCache', path.join(home, 'cache'));
  return () => fs.rmSync(home, { recursive: true, force: true });
}
