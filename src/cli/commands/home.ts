import { runHomeScreen } from '../../app/home.js';
import type { Terminal } from '../../ui/terminal.js';
import type { GlobalOptions } from '../context.js';
import type { Io } from '../io.js';

/** `qualify` with no arguments (or only global options) in a terminal: the home screen. */
export function homeCommand(options: GlobalOptions, io: Io, terminal: Terminal): Promise<void> {
  return runHomeScreen(options, io, terminal);
}
