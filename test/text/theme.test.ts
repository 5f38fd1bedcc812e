import { describe, expect, it } from 'vitest';
import { colorEnabled, formatWait, formatWhen } from '../../src/text/theme.js';

describe('formatWhen', () => {
  it('shows the date and time with its zone', () => {
    expect(formatWhen('2031-01-16T10:00:00.000Z', 'UTC')).toBe('Thu, 16 Jan 2031, 10:00 UTC');
  });

  it('shows seconds when there are any, so a retake time is never stated too early', () => {
    expect(formatWhen('2031-01-16T10:00:30.000Z', 'UTC')).toBe('Thu, 16 Jan 2031, 10:00:30 UTC');
  });
});

describe('colorEnabled', () => {
  const terminal = { isTTY: true };
  it('colours a terminal and not a pipe', () => {
    expect(colorEnabled(terminal, { TERM: 'xterm-256color' })).toBe(true);
    expect(colorEnabled({ isTTY: false }, { TERM: 'xterm-256color' })).toBe(false);
  });

  it.each([
    ['NO_COLOR=1', { NO_COLOR: '1', TERM: 'xterm' }],
    ['NO_COLOR=1 even with FORCE_COLOR=1', { NO_COLOR: '1', FORCE_COLOR: '1', TERM: 'xterm' }],
    ['FORCE_COLOR=0', { FORCE_COLOR: '0', TERM: 'xterm' }],
    ['FORCE_COLOR=false', { FORCE_COLOR: 'false', TERM: 'xterm' }],
    ['TERM=dumb', { TERM: 'dumb' }],
  ])('turns colour off in a terminal with %s', (_name, env) => {
    expect(colorEnabled(terminal, env)).toBe(false);
  });

  it('FORCE_COLOR=1 colours a pipe', () => {
    expect(colorEnabled({ isTTY: false }, { FORCE_COLOR: '1' })).toBe(true);
  });
});

describe('formatWait', () => {
  it.each([
    [30_000, '1 min'],
    [45 * 60_000, '45 min'],
    [23 * 3_600_000 - 60_000, '23 h'],
    [47 * 3_600_000, '47 h'],
    [72 * 3_600_000, '3 days'],
  ])('%i ms reads "%s" (rounded up, never shorter than the wait)', (ms, text) => {
    expect(formatWait(ms)).toBe(text);
  });
});
