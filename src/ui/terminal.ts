/** A terminal's size in character cells. */
export interface Size {
  columns: number;
  rows: number;
}

/**
 * A size that can change while a prompt is on screen (the window is resized): read it at each
 * draw, and hear when it changes so the screen is laid out again.
 */
export interface LiveSize {
  current(): Size;
  /** Calls `listener` after each change; returns the function that stops listening. */
  onChange(listener: () => void): () => void;
}

/**
 * The interactive terminal a command may use: present only when both standard input and output
 * are terminals, so pipes, files and CI logs never get prompts.
 */
export interface Terminal {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Current size, read at each use (the window may be resized). */
  size(): Size;
  /** Calls `listener` after the window is resized; returns the function that stops listening. */
  onResize?(listener: () => void): () => void;
  /** Colour on (already decided from NO_COLOR and FORCE_COLOR). */
  color: boolean;
}

/** The terminal's size as screens use it: live when the terminal reports resizes, else as it is now. */
export function screenSize(terminal: Terminal): Size | LiveSize {
  const onResize = terminal.onResize?.bind(terminal);
  if (!onResize) return terminal.size();
  return { current: () => terminal.size(), onChange: onResize };
}

/** The process's terminal, or undefined when stdin or stdout is not one. */
export function processTerminal(color: boolean): Terminal | undefined {
  if (!process.stdin.isTTY || !process.stdout.isTTY) return undefined;
  return {
    input: process.stdin,
    output: process.stdout,
    size: () => ({ columns: process.stdout.columns || 80, rows: process.stdout.rows || 24 }),
    onResize: (listener) => {
      // Node emits 'resize' on a TTY stdout when the window changes size (SIGWINCH).
      process.stdout.on('resize', listener);
      return () => void process.stdout.off('resize', listener);
    },
    color,
  };
}
