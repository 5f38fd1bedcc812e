import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../cli/run-cli.js';

// The bounded run of scripts/torture.mjs (kills, concurrency, fuzzing, hostile content, broken
// environment). It exits 1 when any figure misses its target; the figures are printed either way.
describe('the reliability suite, bounded', () => {
  it('keeps every figure on target', () => {
    const figures = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qualify-figures-')), 'figures.json');
    const result = spawnSync(
      process.execPath,
      [path.join(ROOT, 'scripts', 'torture.mjs'), '--bounded', '--json', figures],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, QUALIFY_NOW: '' } },
    );
    const report = JSON.parse(fs.readFileSync(figures, 'utf8')) as {
      figures: Record<string, unknown>;
      failures: string[];
    };
    expect(report.failures, result.stdout).toEqual([]);
    expect(result.status).toBe(0);
    expect(report.figures['acknowledged answers lost']).toBe(0);
    expect(report.figures['concurrent attempts failed']).toBe(0);
    expect(report.figures['fuzz uncaught exceptions']).toBe(0);
    expect(report.figures['hostile: runs where a raw escape or control character reached the terminal']).toBe(0);
    expect(report.figures['broken-environment cases failed']).toBe(0);
  }, 900_000);
});
