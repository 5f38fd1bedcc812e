import { useRef, useState, type KeypressEvent } from '@inquirer/core';
import type { Composed } from './screen.js';

/**
 * The scroll position of a question's text when it does not fit above the choices: j/k move a
 * line, PgDn/PgUp a page (keeping one line of context). The choices stay where they are, so a
 * long side-by-side comparison can be read and answered on the same screen.
 */
export function useBodyScroll(options: { letters?: boolean } = {}): {
  top: number;
  onKey(key: KeypressEvent): boolean;
  remember(composed: Composed): void;
  cut(): boolean;
} {
  // Where letters are typed (a free-text answer), only PgDn/PgUp scroll.
  const letters = options.letters ?? true;
  const [top, setTop] = useState(0);
  const last = useRef({ page: 0, maxTop: 0 });
  return {
    top,
    onKey(key) {
      const { page, maxTop } = last.current;
      if (maxTop === 0 || key.ctrl) return false;
      const by =
        letters && key.name === 'j'
          ? 1
          : letters && key.name === 'k'
            ? -1
            : key.name === 'pagedown'
              ? Math.max(1, page - 1)
              : key.name === 'pageup'
                ? -Math.max(1, page - 1)
                : 0;
      if (by === 0) return false;
      setTop(Math.min(maxTop, Math.max(0, Math.min(top, maxTop) + by)));
      return true;
    },
    remember(composed) {
      last.current = { page: composed.bodyPage, maxTop: composed.bodyMaxTop };
    },
    cut: () => last.current.maxTop > 0,
  };
}
