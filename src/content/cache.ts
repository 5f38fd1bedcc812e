import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import bankSchema from './schema/bank.schema.json' with { type: 'json' };
import guidelineSchema from './schema/guideline.schema.json' with { type: 'json' };
import type { ContentKind } from './validate.js';

/**
 * Every command reads all content first, and parsing a megabyte of YAML with source positions
 * (plus compiling the schema validator) takes most of a second. Files that parsed and passed the
 * schema are remembered here, by path, size and modification time, so an unchanged file is not
 * parsed or validated again. Only files without problems are remembered; a file with a problem is
 * read afresh every time, so its error (with line and column) is always reported.
 */
export interface ContentCache {
  lookup(file: string, stat: fs.Stats): { kind: ContentKind; value: unknown } | undefined;
  remember(file: string, stat: fs.Stats, kind: ContentKind, value: unknown): void;
  /** Writes the cache when anything changed; a cache that cannot be written is simply skipped. */
  save(): void;
}

interface Entry {
  stamp: string;
  kind: ContentKind;
  /** The parsed value as JSON text. */
  json: string;
}

// A new schema (or a new cache layout) must never reuse values validated against the old one.
const FORMAT = 1;
const VERSION = createHash('sha256').update(`${FORMAT}\n${JSON.stringify(bankSchema)}\n${JSON.stringify(guidelineSchema)}`).digest('hex').slice(0, 16);

const stampOf = (stat: fs.Stats) => `${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}:${stat.ino}`;

/** JSON cannot hold Infinity or NaN (YAML can), so such values are not remembered. */
function jsonSafe(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(jsonSafe);
  if (value !== null && typeof value === 'object') return Object.values(value).every(jsonSafe);
  return true;
}

export function openContentCache(cacheFile: string): ContentCache {
  let entries: Record<string, Entry> = {};
  try {
    const stored = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as { version?: string; entries?: Record<string, Entry> };
    if (stored.version === VERSION && stored.entries && typeof stored.entries === 'object') entries = stored.entries;
  } catch {
    // No cache yet, or an unreadable one: start empty.
  }
  const fresh: Record<string, Entry> = {};
  let changed = false;

  return {
    lookup(file, stat) {
      const entry = entries[file];
      if (!entry || entry.stamp !== stampOf(stat)) return undefined;
      try {
        const value = JSON.parse(entry.json) as unknown;
        fresh[file] = entry;
        return { kind: entry.kind, value };
      } catch {
        return undefined;
      }
    },
    remember(file, stat, kind, value) {
      if (!jsonSafe(value)) return;
      fresh[file] = { stamp: stampOf(stat), kind, json: JSON.stringify(value) };
      changed = true;
    },
    save() {
      // Entries of files no longer read are dropped, so the cache does not grow forever.
      if (!changed && Object.keys(fresh).length === Object.keys(entries).length) return;
      try {
        fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
        const temporary = `${cacheFile}.${process.pid}.tmp`;
        fs.writeFileSync(temporary, JSON.stringify({ version: VERSION, entries: fresh }));
        fs.renameSync(temporary, cacheFile);
      } catch {
        // A read-only data folder only costs speed.
      }
    },
  };
}
