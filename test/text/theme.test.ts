import { describe, expect, it } from 'vitest';
import { formatWhen } from '../../src/text/theme.js';

describe('formatWhen', () => {
  it('shows the date and time with its zone', () => {
    expect(formatWhen('2031-01-16T10:00:00.000Z', 'UTC')).toBe('Thu, 16 Jan 2031, 10:00 UTC');
  });

  it('shows seconds when there are any, so a retake time is never stated too early', () => {
    expect(formatWhen('2031-01-16T10:00:30.000Z', 'UTC')).toBe('Thu, 16 Jan 2031, 10:00:30 UTC');
  });
});
