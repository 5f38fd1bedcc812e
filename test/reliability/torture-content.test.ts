import { describe, expect, it } from 'vitest';
import { runBounded } from './bounded.js';

// Fuzzed files, hostile content and a broken environment (scripts/torture.mjs, bounded).
describe('the reliability suite, bounded: fuzzing, hostile content, broken environment', () => {
  it('keeps every figure on target', () => {
    const run = runBounded(['fuzz', 'hostile', 'brokenEnvironment']);
    expect(run.failures, run.stdout).toEqual([]);
    expect(run.status).toBe(0);
    expect(run.figures['fuzz uncaught exceptions']).toBe(0);
    expect(run.figures['hostile: runs where a raw escape or control character reached the terminal']).toBe(0);
    expect(run.figures['broken-environment cases failed']).toBe(0);
  }, 900_000);
});
