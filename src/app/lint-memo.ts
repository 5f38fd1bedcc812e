import type { ContentCache } from '../content/cache.js';
import type { Diagnostic } from '../content/diagnostic.js';
import type { ContentSet, LoadedFile } from '../content/loaded.js';
import type { BankLintMemo } from '../lint/index.js';
import { codeDigest } from '../library/code-digest.js';

/** What is remembered of one bank: the findings, and everything they were found with. */
interface Entry {
  code: string;
  rules: string;
  guidelineFile: string;
  guidelineStamp: string;
  found: Diagnostic[];
}

const isDiagnostic = (d: unknown, file: string): d is Diagnostic => {
  const v = d as Partial<Diagnostic> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    v.file === file &&
    typeof v.line === 'number' &&
    typeof v.column === 'number' &&
    (v.severity === 'error' || v.severity === 'warning') &&
    typeof v.ruleId === 'string' &&
    typeof v.message === 'string'
  );
};

/**
 * Lint's findings per bank, kept in the content cache beside the bank's other entries: valid for
 * as long as the bank file, its guideline file and this build of qualify are the same. Files
 * read from standard input have no stamp and are never remembered.
 */
export function bankLintMemo(cache: ContentCache, content: ContentSet): BankLintMemo {
  const stamps = new Map(content.files.map((f) => [f.file, f.stamp]));
  const guidelineOf = (loaded: LoadedFile) => {
    const file = loaded.bankGuideline?.file;
    const stamp = file === undefined ? undefined : stamps.get(file);
    return file === undefined || stamp === undefined ? undefined : { file, stamp };
  };
  return {
    get(loaded, rules) {
      const guideline = guidelineOf(loaded);
      if (!loaded.stamp || !guideline) return undefined;
      const entry = cache.lookup(loaded.file, loaded.stamp, 'lint')?.value as Partial<Entry> | undefined;
      if (
        entry?.code !== codeDigest() ||
        entry.rules !== rules ||
        entry.guidelineFile !== guideline.file ||
        entry.guidelineStamp !== guideline.stamp ||
        !Array.isArray(entry.found) ||
        !entry.found.every((d) => isDiagnostic(d, loaded.file))
      )
        return undefined;
      return entry.found;
    },
    set(loaded, rules, found) {
      const guideline = guidelineOf(loaded);
      if (!loaded.stamp || !guideline) return;
      const entry: Entry = {
        code: codeDigest(),
        rules,
        guidelineFile: guideline.file,
        guidelineStamp: guideline.stamp,
        found: [...found],
      };
      cache.remember(loaded.file, loaded.stamp, 'bank', entry, 'lint');
    },
  };
}
