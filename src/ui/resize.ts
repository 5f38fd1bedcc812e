import { useEffect, useRef, useState } from '@inquirer/core';
import { sizeOf, type ScreenConfig } from './screen.js';
import type { Size } from './terminal.js';

/**
 * Erases the whole visible screen and puts the cursor at the top left, one row at a time: nothing
 * scrolls, so nothing is pushed into the scrollback (as clearing the screen at once does in some
 * terminals).
 */
export function clearRows(rows: number): string {
  return `\u001b[H${'\u001b[2K\u001b[1B'.repeat(Math.max(1, rows))}\u001b[H`;
}

/**
 * The size to lay the prompt out for. With a live size, the prompt is drawn again when the window
 * is resized: from the top of a cleared screen, because the terminal has already cut or rewrapped
 * the old lines, so erasing them line by line would miss some. `clear` is what to write before
 * the screen (empty unless the window has just been resized).
 */
export function useScreenSize(screen: Pick<ScreenConfig, 'size'>): { size: Size; clear: string } {
  const [, setResizes] = useState(0);
  const resized = useRef(false);
  const source = screen.size;
  useEffect(() => {
    if (source === undefined || !('onChange' in source)) return undefined;
    let resizes = 0;
    return source.onChange(() => {
      resized.current = true;
      setResizes(++resizes);
    });
  }, [source]);
  const size = sizeOf(source);
  const clear = resized.current ? clearRows(size.rows) : '';
  resized.current = false;
  return { size, clear };
}
