import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import bankSchema from './schema/bank.schema.json' with { type: 'json' };
import guidelineSchema from './schema/guideline.schema.json' with { type: 'json' };
/** As in loaded.ts, which imports this file (so it is not imported from there). */
type ContentKind = 'bank' | 'guideline';

/**
 * Parsing a megabyte of YAML with source positions (and validating it) takes most of a second.
 * Files that parsed and passed the schema are remembered here, one entry file per content file
 * (a bank that could be cut into its questions by its question texts instead: `items`),
 * keyed by its path and stamped with its size, modification and change times and inode, so an
 * unchanged file is not parsed or validated again, a changed or new file is read alone, and
 * several content folders used in turn never evict each other. Only files without problems are
 * remembered; a file with a problem is read afresh every time, so its error (with line and
 * column) is always reported.
 *
 * An entry is `v8.serialize` output that qualify wrote itself: it holds the format, the path, the
 * stamp and a SHA-256 of the value's bytes, and anything that does not match (another version, a
 * changed file, a damaged or edited entry) is a miss, never a value. Deserializing builds plain
 * data only; it never runs code.
 */
export interface ContentCache {
  /**
   * `variant` names a second entry of the same file: `resolved` holds a bank as resolved
   * against its guideline (with that guideline's file and stamp, for the caller to check), `lint`
   * what lint's rules found in it. `stat` may be a stamp taken earlier (see `stampOf`).
   */
  lookup(file: string, stat: fs.Stats | string, variant?: Variant): { kind: ContentKind; value: unknown } | undefined;
  remember(file: string, stat: fs.Stats | string, kind: ContentKind, value: unknown, variant?: Variant): void;
  /** Kept for callers; entries are written as they are remembered. */
  save(): void;
  /**
   * The values of a bank's questions by the text of each (see content/chunks.ts), from the last
   * version of the file that loaded without a problem, whatever the file is like now.
   */
  items(file: string): Map<string, unknown> | undefined;
  rememberItems(file: string, items: Map<string, unknown>): void;
}

export type Variant = 'value' | 'resolved' | 'items' | 'lint' | 'credit';

/** Item values hold whatever the file is now: their entry carries no stamp. */
const ANY_STAMP = '*';

interface Entry {
  version: string;
  file: string;
  variant: Variant;
  stamp: string;
  kind: ContentKind;
  digest: string;
  /** The validated value, serialized on its own so the digest covers exactly its bytes. */
  value: Uint8Array;
}

// A new schema (or a new entry layout) must never reuse values validated against the old one.
const FORMAT = 3;
export const VERSION = createHash('sha256')
  .update(`${FORMAT}\n${JSON.stringify(bankSchema)}\n${JSON.stringify(guidelineSchema)}`)
  .digest('hex')
  .slice(0, 16);

/** What identifies one version of a file on disk: size, modification and change times, inode, device. */
export const stampOf = (stat: fs.Stats) => `${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}:${stat.ino}:${stat.dev}`;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Opens the cache kept in `cacheDir` (one `<hash of path>.v8` file per content file). A cache
 * that cannot be read or written only costs speed.
 */
export function openContentCache(cacheDir: string): ContentCache {
  const entryFile = (file: string, variant: Variant) =>
    path.join(
      cacheDir,
      `${createHash('sha256')
        .update(variant === 'value' ? file : `${file}\u0000${variant}`)
        .digest('hex')
        .slice(0, 32)}.v8`,
    );
  function read(file: string, stamp: string, variant: Variant): { kind: ContentKind; value: unknown } | undefined {
    try {
      const entry = v8.deserialize(fs.readFileSync(entryFile(file, variant))) as Entry;
      if (entry?.version !== VERSION || entry.file !== file || entry.variant !== variant || entry.stamp !== stamp)
        return undefined;
      if (
        !(entry.value instanceof Uint8Array) ||
        (entry.kind !== 'bank' && entry.kind !== 'guideline') ||
        sha256(entry.value) !== entry.digest
      )
        return undefined;
      return { kind: entry.kind, value: v8.deserialize(entry.value) as unknown };
    } catch {
      // No entry yet, or an unreadable one: read the file itself.
      return undefined;
    }
  }
  function write(file: string, stamp: string, kind: ContentKind, value: unknown, variant: Variant): void {
    try {
      const bytes = v8.serialize(value);
      const entry: Entry = { version: VERSION, file, variant, stamp, kind, digest: sha256(bytes), value: bytes };
      fs.mkdirSync(cacheDir, { recursive: true });
      const target = entryFile(file, variant);
      const temporary = `${target}.${process.pid}.tmp`;
      fs.writeFileSync(temporary, v8.serialize(entry));
      fs.renameSync(temporary, target);
    } catch {
      // A read-only data folder only costs speed.
    }
  }
  return {
    lookup: (file, stat, variant = 'value') => read(file, typeof stat === 'string' ? stat : stampOf(stat), variant),
    remember: (file, stat, kind, value, variant = 'value') =>
      write(file, typeof stat === 'string' ? stat : stampOf(stat), kind, value, variant),
    save() {},
    items(file) {
      const kept = read(file, ANY_STAMP, 'items');
      return kept?.value instanceof Map ? kept.value : undefined;
    },
    rememberItems: (file, items) => write(file, ANY_STAMP, 'bank', items, 'items'),
  };
}
