import { writeCacheFile } from './cache-file.js';
import { checksumOf } from './checksum.js';
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { stampOf, VERSION } from './cache.js';

/**
 * What `list`, the home screen and the choice of files to read need to know of one content file,
 * kept beside the per-file cache so a command reads only the files it needs. A record exists only
 * for a file that loaded without an error; it holds for as long as the file's stamp is the same
 * (and, for a bank, the stamp of the guideline file it was resolved against).
 */
export interface IndexRecord {
  file: string;
  stamp: string;
  /** `other`: a YAML file that is not content (an answers file kept nearby). */
  kind: 'bank' | 'guideline' | 'other';
  id: string;
  title: string;
  /** A bank's guideline: its id, and the file and stamp it was resolved against. */
  guideline?: { id: string; file: string; stamp: string };
  questions: number;
  /**
   * The media files a bank names, each with what was on disk when it was read (see `mediaSeen`):
   * the record holds only while every one is still as it was, so a media file removed, replaced
   * or turned into a link out of the folder has the bank read (and checked) again.
   */
  media: [file: string, seen: string][];
}

/** Where a media file leads once links are followed, and that file's stamp ('missing': nowhere). */
export function mediaSeen(file: string): string {
  try {
    const real = fs.realpathSync(file);
    return `${real}\u0000${stampOf(fs.statSync(real))}`;
  } catch {
    return 'missing';
  }
}

export interface ContentIndexStore {
  read(): Map<string, IndexRecord>;
  write(records: Iterable<IndexRecord>): void;
}

const isString = (v: unknown): v is string => typeof v === 'string';

/** A record as qualify writes it; anything else is dropped (and its file read again). */
function validRecord(value: unknown): value is IndexRecord {
  if (value === null || typeof value !== 'object') return false;
  const r = value as Record<string, unknown>;
  if (
    !isString(r.file) ||
    !isString(r.stamp) ||
    !isString(r.id) ||
    !isString(r.title) ||
    typeof r.questions !== 'number' ||
    !Array.isArray(r.media) ||
    !r.media.every((m) => Array.isArray(m) && m.length === 2 && isString(m[0]) && isString(m[1]))
  )
    return false;
  if (r.kind !== 'bank' && r.kind !== 'guideline' && r.kind !== 'other') return false;
  if (r.kind === 'bank') {
    const g = r.guideline as Record<string, unknown> | undefined;
    if (!g || typeof g !== 'object' || !isString(g.id) || !isString(g.file) || !isString(g.stamp)) return false;
  }
  return true;
}

/**
 * The index file (`index.v8` in the cache folder): `v8.serialize` output qualify wrote itself,
 * with the cache format and a checksum of the records' bytes (see checksum.ts). Another version,
 * a damaged or edited file, or a record of the wrong shape is ignored (those files are read
 * again), never trusted.
 * Deserializing builds plain data only; it never runs code. A cache that cannot be read or
 * written only costs speed.
 */
export function openContentIndex(cacheDir: string): ContentIndexStore {
  const file = path.join(cacheDir, 'index.v8');
  return {
    read() {
      try {
        const outer = v8.deserialize(fs.readFileSync(file)) as {
          version?: unknown;
          checksum?: unknown;
          records?: unknown;
        };
        if (
          outer?.version !== VERSION ||
          !(outer.records instanceof Uint8Array) ||
          checksumOf(outer.records) !== outer.checksum
        )
          return new Map();
        const records = v8.deserialize(outer.records) as unknown;
        if (!Array.isArray(records)) return new Map();
        return new Map(records.filter(validRecord).map((r) => [r.file, r]));
      } catch {
        return new Map();
      }
    },
    write(records) {
      try {
        const bytes = v8.serialize([...records]);
        writeCacheFile(file, [v8.serialize({ version: VERSION, checksum: checksumOf(bytes), records: bytes })]);
      } catch {
        // A read-only data folder only costs speed.
      }
    },
  };
}
