import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../cli/run-cli.js';

export interface BoundedRun {
  status: number | null;
  stdout: string;
  figures: Record<string, unknown>;
  failures: string[];
}

/**
 * Runs some parts of scripts/torture.mjs in bounded mode. It exits 1 when a figure misses its
 * target and prints the figures either way; a run that wrote no figures fails with its output.
 * npm test runs the parts in two files, so the two halves run at the same time.
 */
export function runBounded(parts: string[]): BoundedRun {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qualify-figures-')), 'figures.json');
  const result = spawnSync(
    process.execPath,
    [path.join(ROOT, 'scripts', 'torture.mjs'), '--bounded', '--parts', parts.join(','), '--json', file],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, QUALIFY_NOW: '' } },
  );
  if (!fs.existsSync(file))
    throw new Error(
      `the reliability suite wrote no figures (exit ${result.status}):\n${result.stdout}${result.stderr}`,
    );
  const report = JSON.parse(fs.readFileSync(file, 'utf8')) as Pick<BoundedRun, 'figures' | 'failures'>;
  return { status: result.status, stdout: result.stdout, ...report };
}
