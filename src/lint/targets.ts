import type { LoadedFile } from '../content/load.js';
import type { Bank, Guideline } from '../content/types.js';
import type { LintContext } from './types.js';

export type LintedBank = LoadedFile & { bank: Bank; bankGuideline: Guideline };

/** Every linted bank that resolved, even with loader errors (or questions left out for schema errors). */
export function resolvedBanks(context: LintContext): (LoadedFile & { bank: Bank })[] {
  return context.targets.filter((f): f is LoadedFile & { bank: Bank } => f.bank !== undefined);
}

/**
 * The linted banks that resolved without a loader error: checks that read a bank's meaning
 * (scoring its key, comparing questions) would only repeat a broken reference in other words.
 */
export function soundBanks(context: LintContext): LintedBank[] {
  return context.targets.filter(
    (f): f is LintedBank => f.bank !== undefined && f.bankGuideline !== undefined && !context.hasLoaderErrors(f.file),
  );
}
