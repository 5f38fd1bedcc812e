import { describe, expect, it } from 'vitest';
import { clockFrom } from '../../src/app/clock.js';
import { UsageError } from '../../src/errors.js';

/** A system clock the test moves by hand. */
function handClock(start: number): { read: () => number; advance: (ms: number) => void } {
  let now = start;
  return { read: () => now, advance: (ms) => void (now += ms) };
}

describe('the one clock built at the edge', () => {
  it('is the system clock when QUALIFY_NOW is not set', () => {
    const system = handClock(5_000);
    const clock = clockFrom({}, system.read);
    system.advance(250);
    expect(clock()).toBe(5_250);
  });

  it('starts exactly at QUALIFY_NOW on its first reading, then runs in real time', () => {
    const system = handClock(1_000_000);
    const clock = clockFrom({ QUALIFY_NOW: '2031-01-10T10:00:00Z' }, system.read);
    system.advance(5_000); // loading content before the first reading does not move the pinned instant
    const pinned = Date.parse('2031-01-10T10:00:00Z');
    expect(clock()).toBe(pinned);
    system.advance(90_000);
    expect(clock()).toBe(pinned + 90_000);
  });

  it('takes milliseconds too, and refuses a bad value only when the time is read', () => {
    expect(clockFrom({ QUALIFY_NOW: '86400000' }, () => 0)()).toBe(86_400_000);
    const bad = clockFrom({ QUALIFY_NOW: 'next tuesday' }, () => 0);
    expect(bad).toThrow(UsageError);
    expect(bad).toThrow('QUALIFY_NOW must be an ISO date or milliseconds, not "next tuesday".');
  });
});
