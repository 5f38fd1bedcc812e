import { ProblemsFoundError, UsageError } from '../../errors.js';
import { FORMAT_NAMES, FORMATTERS, type FormatName, type Formatter } from '../../lint/formatters/index.js';
import { lintPaths, readPooledAttempts } from '../../app/lint-paths.js';
import { authoringMessages as messages } from '../authoring-messages.js';
import type { LINT_FORMATS } from '../choices.js';
import type { GlobalOptions } from '../context.js';
import { displayPath, type Io } from '../io.js';

// --format offers cli/choices.ts's list without loading the formatters; every name there must have one.
FORMATTERS satisfies Record<(typeof LINT_FORMATS)[number], Formatter>;

export interface LintOptions extends GlobalOptions {
  format: string;
  maxWarnings: string;
  /** A (group) attempts database: add the item-stats warnings its attempts give. */
  stats?: string;
}

function parseMaxWarnings(value: string): number {
  if (!/^-?\d+$/.test(value) || Number(value) < -1) throw new UsageError(messages.badMaxWarnings(value));
  return Number(value);
}

/** `qualify lint [paths...]`: exit 0 clean, 1 errors (or too many warnings), 2 usage error. */
export function lintCommand(paths: string[], options: LintOptions, io: Io): void {
  if (!(FORMAT_NAMES as string[]).includes(options.format))
    throw new UsageError(messages.badFormat(options.format, FORMAT_NAMES));
  const maxWarnings = parseMaxWarnings(options.maxWarnings);
  const pooled = options.stats === undefined ? undefined : readPooledAttempts(options.stats, options);
  const result = lintPaths(paths.length ? paths : ['.'], options, io, pooled);
  io.out(
    FORMATTERS[options.format as FormatName](result, {
      color: io.color,
      displayPath: (file) => displayPath(io, file),
      width: io.terminal ? io.width : undefined,
    }),
  );
  if (result.errorCount > 0)
    throw new ProblemsFoundError(options.format === 'stylish' ? '' : messages.lintFailed(result.errorCount));
  if (maxWarnings >= 0 && result.warningCount > maxWarnings)
    throw new ProblemsFoundError(messages.tooManyWarnings(result.warningCount, maxWarnings));
}
