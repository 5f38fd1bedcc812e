import { readGuideline } from '../../app/read.js';
import type { GlobalOptions } from '../context.js';
import type { Io } from '../io.js';

export interface ReadOptions extends GlobalOptions {
  search?: string;
}

/**
 * `qualify read <guideline|bank> [section]`: the guideline reader in a terminal. Piped, or with
 * --search, it prints: the contents, one section, or the sections that match.
 */
export async function readCommand(
  ref: string,
  sectionId: string | undefined,
  options: ReadOptions,
  io: Io,
): Promise<void> {
  const text = await readGuideline(options, ref, sectionId, options.search, io);
  if (text !== undefined) io.out(text);
}
