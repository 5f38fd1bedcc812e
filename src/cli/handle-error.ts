import { safeJson } from '../text/sanitize.js';
import { CacheDamagedError } from '../content/cache-damaged.js';
import { formatDiagnostic } from '../content/diagnostic.js';
import { ContentError, EXIT, QualifyError, RetakeRefusedError, UsageError } from '../errors.js';
import { makeTheme } from '../text/theme.js';
import { forStderr } from '../app/stderr.js';
import type { WrapOptions } from '../text/wrap.js';
import { displayPath, type Io } from './io.js';
import { appMessages as messages } from '../app/messages.js';

/**
 * Turns any error that escaped a command into a message on stderr (or JSON on stdout for
 * `--json` refusals) and the process exit code. Unknown errors are bugs: say so plainly, without a
 * stack trace unless QUALIFY_DEBUG is set. Every message is written through app/stderr.ts (wrapped at a terminal).
 */
export function reportError(error: unknown, io: Io): number {
  const c = makeTheme(io.colorErr);
  const say = (text: string, options?: WrapOptions) => io.err(forStderr(io, `${text}\n`, options));
  if (error instanceof ContentError) {
    for (const d of error.diagnostics) {
      const label = d.severity === 'error' ? c.red('error') : c.yellow('warning');
      // A problem wrapped at a narrow terminal goes on indented, so each one starts at its file.
      say(`${formatDiagnostic(d, (f) => displayPath(io, f))}  ${label}  ${c.dim(d.ruleId)}`, { hang: 4 });
    }
    say(error.message);
    return error.exitCode;
  }
  if (error instanceof RetakeRefusedError) {
    if (error.json) io.out(`${safeJson(error.refusal, 2)}\n`);
    say(error.message);
    return error.exitCode;
  }
  if (error instanceof UsageError) {
    if (!error.alreadyPrinted && error.message) say(`${c.red('error:')} ${error.message}`);
    return error.exitCode;
  }
  if (error instanceof QualifyError) {
    if (error.message) say(error.message);
    return error.exitCode;
  }
  if (error instanceof CacheDamagedError) {
    say(`${c.red('error:')} ${messages.cacheDamaged(displayPath(io, error.file))}`);
    return EXIT.usage;
  }
  const sqliteCode = (error as { code?: unknown } | null)?.code;
  if (typeof sqliteCode === 'string' && sqliteCode.startsWith('SQLITE_')) {
    // A full disk, a file made read-only meanwhile: the environment, not a bug.
    say(`${c.red('error:')} ${messages.databaseWriteFailed(sqliteCode)}`);
    return EXIT.usage;
  }
  const hint = io.env.QUALIFY_DEBUG ? '' : ' (set QUALIFY_DEBUG=1 to see the details)';
  say(`qualify stopped on an unexpected problem: ${(error as Error)?.message ?? String(error)}${hint}`);
  if (!hint) io.err(`${(error as Error)?.stack ?? String(error)}\n`); // the stack as it is, paths whole
  return 70;
}
