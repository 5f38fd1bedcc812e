import { describe, expect, it } from 'vitest';
import { runBounded } from './bounded.js';

// Killed attempts and concurrent processes (scripts/torture.mjs, bounded).
describe('the reliability suite, bounded: kills and concurrency', () => {
  it('keeps every figure on target', () => {
    const run = runBounded(['crashSafety', 'concurrency']);
    expect(run.failures, run.stdout).toEqual([]);
    expect(run.status).toBe(0);
    expect(run.figures['acknowledged answers lost']).toBe(0);
    expect(run.figures['concurrent attempts failed']).toBe(0);
  }, 900_000);
});
