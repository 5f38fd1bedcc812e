import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { textWidth } from '../../src/text/width.js';

describe('textWidth', () => {
  it('measures every character of the first 12,000 code points as string-width does', () => {
    const differ: string[] = [];
    for (let code = 0x20; code < 0x3000; code++) {
      const one = String.fromCodePoint(code);
      if (textWidth(one) !== stringWidth(one)) differ.push(code.toString(16));
    }
    expect(differ).toEqual([]);
  });

  it('counts a wide character, an emoji and a combining mark by their columns, not their length', () => {
    expect(textWidth('Data — labels')).toBe(13);
    expect(textWidth('日本')).toBe(4);
    expect(textWidth('ok ✅')).toBe(5);
    expect(textWidth('café')).toBe(4);
    expect(textWidth('e\u0301')).toBe(1);
    expect(textWidth('\u00a9 2031')).toBe(stringWidth('\u00a9 2031'));
  });
});
