/**
 * The interactive terminal a command may use: present only when both standard input and output
 * are terminals, so pipes, files and CI logs never get prompts.
 */
export interface Terminal {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Current size, read at each use (the window may be resized). */
  size(): { columns: number; rows: number };
  /** Colour on (already decided from NO_COLOR and FORCE_COLOR). */
  color: boolean;
}

/** The process's terminal, or undefined when stdin or stdout is not one. */
export function processTerminal(color: boolean): Terminal | undefined {
  if (!process.stdin.isTTY || !process.stdout.isTTY) return undefined;
  return {
    input: process.stdin,
    output: process.stdout,
    size: () => ({ columns: process.stdout.columns || 80, rows: process.stdout.rows || 24 }),
    color,
  };
}
