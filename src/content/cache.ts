import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { writeCacheFile } from './cache-file.js';
import { CacheDamagedError } from './cache-damaged.js';
import { Checksum, checksumOf } from './checksum.js';
import { NAMES_FILE, cacheName } from './digest.js';
import { SCHEMA_DIGEST } from './schema/schema-digest.generated.js';
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
 * An entry is a file qualify wrote itself: a head (`v8.serialize` output) with the format, the
 * path, the stamp and checksums (CRC-32, see checksum.ts) of everything after it (the value's
 * own `v8.serialize` bytes, and each block of any plain bytes kept with it), and anything that
 * does not match (another version, a changed file, a damaged or edited entry) is a miss, never a
 * value. Deserializing builds plain data only; it never runs code.
 */
export interface ContentCache {
  /**
   * `variant` names a second entry of the same file: `resolved` holds a bank as resolved
   * against its guideline (with that guideline's file and stamp, for the caller to check), `lint`
   * what lint's rules found in it. `stat` may be a stamp taken earlier (see `stampOf`).
   */
  lookup(file: string, stat: fs.Stats | string, variant?: Variant): Remembered | undefined;
  /**
   * The entry as remembered for the file whatever it is like now (the last version of it that
   * loaded without a problem), with the stamp it was remembered under.
   */
  previous(file: string, variant: Variant): (Remembered & { stamp: string }) | undefined;
  /**
   * `bytes`, when given, are kept after the value as they are and come back as `bytes` (a view of
   * the entry as read, not a copy): a bank's questions, each serialized on its own, are read
   * back one by one when used (see packed-questions.ts).
   */
  remember(
    file: string,
    stat: fs.Stats | string,
    kind: ContentKind,
    value: unknown,
    variant?: Variant,
    bytes?: Uint8Array | readonly Uint8Array[],
  ): void;
  /** Kept for callers; entries are written as they are remembered. */
  save(): void;
  /** Removes the entry (one found damaged once in use); returns where it was, to name it. */
  forget(file: string, variant: Variant): string;
  /**
   * The values of a bank's questions by the text of each (see content/chunks.ts), from the last
   * version of the file that loaded without a problem, whatever the file is like now.
   */
  items(file: string): Map<string, unknown> | undefined;
  rememberItems(file: string, items: Map<string, unknown>): void;
}

export type Variant =
  'value' | 'resolved' | 'items' | 'lint' | 'credit' | 'outcomes' | 'concepts' | 'figures' | 'answers';

export interface Remembered {
  kind: ContentKind;
  value: unknown;
  /** What was remembered with the value as plain bytes (none when nothing was). */
  bytes: ByteSource;
}

/** Bytes kept in an entry, read when asked for. */
export interface ByteSource {
  length: number;
  slice(start: number, end: number): Uint8Array;
}

/** The bytes of `source` from `start` to `end`, as a ByteSource of their own. */
export const byteRegion = (source: ByteSource, start: number, end: number): ByteSource => ({
  length: end - start,
  slice: (from, to) => source.slice(start + from, start + to),
});

/** Bytes held in memory in parts (never copied into one), as a ByteSource. */
export function partsBytes(parts: readonly Uint8Array[]): ByteSource {
  const starts: number[] = [];
  let length = 0;
  for (const part of parts) {
    starts.push(length);
    length += part.length;
  }
  return {
    length,
    slice(start, end) {
      // The last part that starts at or before `start` (a part of no bytes is passed over).
      let low = 0;
      for (let high = parts.length - 1; low < high;) {
        const middle = (low + high + 1) >> 1;
        if (starts[middle]! <= start) low = middle;
        else high = middle - 1;
      }
      const from = start - starts[low]!;
      if (end - starts[low]! <= parts[low]!.length) return parts[low]!.subarray(from, end - starts[low]!);
      const out = new Uint8Array(end - start);
      for (let at = start, i = low; at < end; i++) {
        const piece = parts[i]!.subarray(at - starts[i]!, Math.min(parts[i]!.length, end - starts[i]!));
        out.set(piece, at - start);
        at += piece.length;
      }
      return out;
    },
  };
}

/** Bytes held in memory, as a ByteSource. */
export const heldBytes = (bytes: Uint8Array): ByteSource => ({
  length: bytes.length,
  slice: (start, end) => bytes.subarray(start, end),
});

/** Entries with more bytes than this beside their value are not held in memory (see `read`). */
const CHUNK = 1024 * 1024;

/**
 * The bytes kept beside a value are checksummed in blocks of this size (see `Head.blocks`), so a
 * big bank's questions are checked as they are read: reading and checking all 7.5 MB of a
 * 10,000-question bank took about 40 ms of every exam on this machine, for the 50 it asks.
 */
export const BLOCK = 4096;

/**
 * A read of kept bytes takes at least this much (whole blocks), so reading every question in
 * order reads each block once.
 */
const WINDOW = 4 * BLOCK;

function readAt(fd: number, start: number, end: number): Buffer {
  const buffer = Buffer.allocUnsafe(end - start);
  for (let done = 0; done < buffer.length;) {
    const read = fs.readSync(fd, buffer, done, buffer.length - done, start + done);
    if (read === 0) throw new Error('entry ended early');
    done += read;
  }
  return buffer;
}

/** The checksum of each BLOCK of the bytes of `parts`, one after the other. */
function blockChecksums(parts: readonly Uint8Array[]): Uint32Array {
  const length = parts.reduce((sum, part) => sum + part.length, 0);
  const sums = new Uint32Array(Math.ceil(length / BLOCK));
  let block = 0;
  let filled = 0;
  let sum = new Checksum();
  for (const part of parts)
    for (let at = 0; at < part.length;) {
      const take = Math.min(BLOCK - filled, part.length - at);
      sum.update(part.subarray(at, at + take));
      at += take;
      filled += take;
      if (filled === BLOCK) {
        sums[block++] = sum.value();
        sum = new Checksum();
        filled = 0;
      }
    }
  if (filled) sums[block] = sum.value();
  return sums;
}

/**
 * Kept bytes read from an open entry when asked for, a few blocks at a time, each block checked
 * against its checksum as it is read. A damaged block is found only then, in the middle of a
 * command: the entry is removed (the next run reads the content file itself) and the command
 * stops with CacheDamagedError rather than use what the damage left.
 */
function checkedBytes(
  fd: number,
  at: number,
  length: number,
  blocks: Uint32Array,
  entry: { path: string; file: string },
): ByteSource {
  let window: { start: number; bytes: Buffer } | undefined;
  return {
    length,
    slice(start, end) {
      if (!window || start < window.start || end > window.start + window.bytes.length) {
        const first = Math.floor(start / BLOCK) * BLOCK;
        const last = Math.min(length, Math.max(Math.ceil(end / BLOCK) * BLOCK, first + WINDOW));
        const bytes = readAt(fd, at + first, at + last);
        for (let b = 0; b * BLOCK < bytes.length; b++)
          if (checksumOf(bytes.subarray(b * BLOCK, (b + 1) * BLOCK)) !== blocks[first / BLOCK + b]) {
            fs.rmSync(entry.path, { force: true });
            throw new CacheDamagedError(entry.path, entry.file);
          }
        window = { start: first, bytes };
      }
      return window.bytes.subarray(start - window.start, end - window.start);
    },
  };
}

/** Item values hold whatever the file is now: their entry carries no stamp. */
const ANY_STAMP = '*';

/**
 * The head of an entry file. The file is the head's length (4 bytes), the head (`v8.serialize`),
 * then the value's bytes (`v8.serialize` of it alone) and the plain bytes kept with it; the
 * checksum covers everything after the head.
 */
interface Head {
  version: string;
  file: string;
  variant: Variant;
  stamp: string;
  kind: ContentKind;
  /** Of the value's bytes. */
  checksum: number;
  valueLength: number;
  /** Of each BLOCK of the bytes kept after the value, in order. */
  blocks: Uint32Array;
}

// A new schema (or a new entry layout) must never reuse values validated against the old one.
const FORMAT = 10;
export const VERSION = `${FORMAT}-${SCHEMA_DIGEST}`;

/** What identifies one version of a file on disk: size, modification and change times, inode, device. */
export const stampOf = (stat: fs.Stats) => `${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}:${stat.ino}:${stat.dev}`;

/**
 * Opens the cache kept in `cacheDir` (one `<hash of path>.v8` file per content file). A cache
 * that cannot be read or written only costs speed.
 */
export function openContentCache(cacheDir: string): ContentCache {
  // Named by the SHA-256 of what they keep, remembered (see cacheName): `list` names none.
  const names = path.join(cacheDir, NAMES_FILE);
  const entryFile = (file: string, variant: Variant) =>
    path.join(cacheDir, `${cacheName(names, variant === 'value' ? file : `${file}\u0000${variant}`)}.v8`);
  /** `stamp` undefined: whatever stamp the entry has (see `previous`). */
  function read(
    file: string,
    stamp: string | undefined,
    variant: Variant,
  ): (Remembered & { stamp: string }) | undefined {
    let fd: number | undefined;
    try {
      fd = fs.openSync(entryFile(file, variant), 'r');
      const size = fs.fstatSync(fd).size;
      const headEnd = 4 + readAt(fd, 0, 4).readUInt32LE(0);
      const head = v8.deserialize(readAt(fd, 4, headEnd)) as Head;
      if (
        head?.version !== VERSION ||
        head.file !== file ||
        head.variant !== variant ||
        (stamp !== undefined && head.stamp !== stamp) ||
        typeof head.stamp !== 'string'
      )
        return undefined;
      const valueEnd = headEnd + head.valueLength;
      const keptLength = size - valueEnd;
      if (
        (head.kind !== 'bank' && head.kind !== 'guideline') ||
        !Number.isInteger(head.valueLength) ||
        valueEnd > size ||
        !(head.blocks instanceof Uint32Array) ||
        head.blocks.length !== Math.ceil(keptLength / BLOCK)
      )
        return undefined;
      const valueBytes = readAt(fd, headEnd, valueEnd);
      if (checksumOf(valueBytes) !== head.checksum) return undefined;
      // Kept bytes of a megabyte or less are read and checked now; more (a big bank's questions)
      // are read when used, from this same descriptor, so a newer entry renamed over this one
      // meanwhile changes nothing.
      let bytes: ByteSource;
      if (keptLength <= CHUNK) {
        const kept = readAt(fd, valueEnd, size);
        const sums = blockChecksums([kept]);
        if (!sums.every((sum, i) => sum === head.blocks[i])) return undefined;
        bytes = heldBytes(kept);
      } else {
        bytes = checkedBytes(fd, valueEnd, keptLength, head.blocks, { path: entryFile(file, variant), file });
        fd = undefined; // stays open for `slice`
      }
      return { kind: head.kind, value: v8.deserialize(valueBytes) as unknown, bytes, stamp: head.stamp };
    } catch {
      // No entry yet, or an unreadable one: read the file itself.
      return undefined;
    } finally {
      if (fd !== undefined) fs.closeSync(fd);
    }
  }
  function write(
    file: string,
    stamp: string,
    kind: ContentKind,
    value: unknown,
    variant: Variant,
    bytes?: Uint8Array | readonly Uint8Array[],
  ) {
    try {
      const valueBytes = v8.serialize(value);
      const kept = bytes === undefined ? [] : bytes instanceof Uint8Array ? [bytes] : bytes;
      const head = v8.serialize({
        version: VERSION,
        file,
        variant,
        stamp,
        kind,
        checksum: checksumOf(valueBytes),
        valueLength: valueBytes.length,
        blocks: blockChecksums(kept),
      } satisfies Head);
      const length = Buffer.alloc(4);
      length.writeUInt32LE(head.length);
      writeCacheFile(entryFile(file, variant), [length, head, valueBytes, ...kept]);
    } catch {
      // A read-only data folder only costs speed.
    }
  }
  return {
    lookup: (file, stat, variant = 'value') => read(file, typeof stat === 'string' ? stat : stampOf(stat), variant),
    previous: (file, variant) => read(file, undefined, variant),
    remember: (file, stat, kind, value, variant = 'value', bytes) =>
      write(file, typeof stat === 'string' ? stat : stampOf(stat), kind, value, variant, bytes),
    save() {},
    forget(file, variant) {
      const entry = entryFile(file, variant);
      fs.rmSync(entry, { force: true });
      return entry;
    },
    items(file) {
      const kept = read(file, ANY_STAMP, 'items');
      return kept?.value instanceof Map ? kept.value : undefined;
    },
    rememberItems: (file, items) => write(file, ANY_STAMP, 'bank', items, 'items'),
  };
}
