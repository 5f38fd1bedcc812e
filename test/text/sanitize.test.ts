import { describe, expect, it } from 'vitest';
import { hasUnsafeCharacters, sanitize } from '../../src/text/sanitize.js';

describe('sanitize', () => {
  it('keeps ordinary text, tabs, newlines and non-Latin scripts', () => {
    const text = 'Café — naïve\tok\n日本語 and emoji 👍';
    expect(sanitize(text)).toBe(text);
    expect(hasUnsafeCharacters(text)).toBe(false);
  });

  it('removes colour, cursor and title escape sequences whole', () => {
    expect(sanitize('\u001b[31mred\u001b[0m')).toBe('\ufffdred\ufffd');
    expect(sanitize('a\u001b]0;pwned\u0007b')).toBe('a\ufffdb');
    expect(sanitize('x\u001b[2J\u001b[Hy')).toBe('x\ufffd\ufffdy');
  });

  it('replaces other control characters, C1 controls and bidi overrides', () => {
    expect(sanitize('a\u0007b\u0000c\u009bd\u202ee')).toBe('a\ufffdb\ufffdc\ufffdd\ufffde');
    expect(hasUnsafeCharacters('bell\u0007')).toBe(true);
  });

  it('turns carriage returns into newlines so text cannot overwrite a line', () => {
    expect(sanitize('safe\rEVIL')).toBe('safe\nEVIL');
  });
});
