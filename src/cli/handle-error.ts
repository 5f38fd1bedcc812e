import { safeJson } from '../text/sanitize.js';
import { formatDiagnostic } from '../content/diagnostic.js';
import { ContentError, EXIT, QualifyError, RetakeRefusedError, UsageError } from '../errors.js';
import { makeTheme } from '../text/theme.js';
import { wrapLines } from '../text/wrap.js';
import { displayPath, type Io } from './io.js';
import { appMessages as messages } from '../app/messages.js';

/**
 * Turns any error that escaped a command into a message on stderr (or JSON on stdout for
 * `--json` refusals) and the process exit code. Unknown errors are bugs: say so plainly, without a
 * stack trace unless QUALIFY_DEBUG is set.
 */
export function reportError(error: unknown, io: Io): number {
  const c = makeTheme(io.colorErr);
  if (error instanceof ContentError) {
    for (const d of error.diagnostics) {
      const label = d.severity === 'error' ? c.red('error') : c.yellow('warning');
      io.err(`${formatDiagnostic(d, (f) => displayPath(io, f))}  ${label}  ${c.dim(d.ruleId)}\n`);
    }
    io.err(`${error.message}\n`);
    return error.exitCode;
  }
  if (error instanceof RetakeRefusedError) {
    if (error.json) io.out(`${safeJson(error.refusal, 2)}\n`);
    io.err(`${error.message}\n`);
    return error.exitCode;
  }
  if (error instanceof UsageError) {
    // At the terminal (an exam's --resume with nothing to resume), wrapped to the window at word boundaries.
    const text = `${c.red('error:')} ${error.message}`;
    if (!error.alreadyPrinted && error.message)
      io.err(`${io.terminal ? wrapLines(text, io.terminal.size().columns - 1).join('\n') : text}\n`);
    return error.exitCode;
  }
  if (error instanceof QualifyError) {
    if (error.message) io.err(`${error.message}\n`);
    return error.exitCode;
  }
  const sqliteCode = (error as { code?: unknown } | null)?.code;
  if (typeof sqliteCode === 'string' && sqliteCode.startsWith('SQLITE_')) {
    // A full disk, a file made read-only meanwhile: the environment, not a bug.
    io.err(`${c.red('error:')} ${messages.databaseWriteFailed(sqliteCode)}\n`);
    return EXIT.usage;
  }
  const detail = io.env.QUALIFY_DEBUG
    ? `\n${(error as Error)?.stack ?? String(error)}`
    : ' (set QUALIFY_DEBUG=1 to see the details)';
  io.err(`qualify stopped on an unexpected problem: ${(error as Error)?.message ?? String(error)}${detail}\n`);
  return 70;
}
