import { wrapMessage, type WrapOptions } from '../text/wrap.js';

/** What decides how a message on stderr is laid out (part of the CLI's Io). */
export interface StderrPlace {
  env: NodeJS.ProcessEnv;
  /** The columns of stderr's window when stderr is a terminal. */
  errColumns?: number | undefined;
}

/**
 * The width messages on stderr are wrapped to: stderr's own window when it is a terminal, else the
 * shell's COLUMNS; undefined when neither says (a pipe or a file: the lines stay whole, so logs and
 * scripts that match them keep working). One column is left free, as everywhere on the terminal.
 */
export function stderrWidth(place: StderrPlace): number | undefined {
  const columns = place.errColumns || Number(place.env.COLUMNS);
  return columns > 0 ? columns - 1 : undefined;
}

/**
 * A message (or warning, or note) for stderr: at a terminal, wrapped at word boundaries to its
 * width, so the terminal never cuts a word; piped, as it is. Every message to stderr goes through
 * here (the error handler, answers-file warnings, notes of authoring commands).
 */
export function forStderr(place: StderrPlace, text: string, options?: WrapOptions): string {
  const width = stderrWidth(place);
  return width === undefined ? text : wrapMessage(text, width, options);
}

/** The writers `stderrOf` made: given one again (an Io passed on), it is kept as it is. */
const laidOut = new WeakSet<(text: string) => void>();

/** A writer to stderr (the Io's `err`) that lays every message out with `forStderr`. */
export function stderrOf(place: StderrPlace & { err: (text: string) => void }): (text: string) => void {
  if (laidOut.has(place.err)) return place.err;
  const err = (text: string) => place.err(forStderr(place, text));
  laidOut.add(err);
  return err;
}
