import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ContentCache } from '../content/cache.js';
import type { Diagnostic } from '../content/diagnostic.js';
import type { ContentSet, LoadedFile } from '../content/loaded.js';
import type { BankLintMemo } from '../lint/index.js';

/** What is remembered of one bank: the findings, and everything they were found with. */
interface Entry {
  code: string;
  rules: string;
  guidelineFile: string;
  guidelineStamp: string;
  found: Diagnostic[];
}

let digest: string | undefined;

/**
 * A digest of this build of qualify: every module of it (so a changed rule, scorer or parser
 * never reuses findings of the old one) and the versions of the NLP packages the key-scoring
 * rule runs. Reading about 2 MB of our own modules takes a few milliseconds.
 */
export function codeDigest(): string {
  if (digest) return digest;
  const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
  const hash = createHash('sha256');
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(?:js|ts|json)$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
        hash.update(`${path.relative(root, full)}\0`).update(fs.readFileSync(full));
    }
  };
  walk(root);
  const require = createRequire(import.meta.url);
  for (const name of ['wink-nlp', 'wink-eng-lite-web-model']) {
    const { version } = require(`${name}/package.json`) as { version: string };
    hash.update(`${name}@${version}\0`);
  }
  return (digest = hash.digest('hex'));
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
