import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import v8 from 'node:v8';
import { writeCacheFile } from './cache-file.js';
import { checksumOf } from './checksum.js';

/** node:crypto, loaded when something is first hashed: loading it takes about 7 ms. */
let crypto: typeof import('node:crypto') | undefined;

/** The SHA-256 of `text`, in hex or base64. */
export function sha256(text: string | Uint8Array, encoding: 'hex' | 'base64' = 'hex'): string {
  crypto ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  return crypto.createHash('sha256').update(text).digest(encoding);
}

/** The names file of a cache folder (see cacheName). */
export const NAMES_FILE = 'names.v8';

/** Names remembered at most in one names file; the ones worked out longest ago go first. */
const MAX_NAMES = 4096;

interface Names {
  map: Map<string, string>;
  added: boolean;
}
const opened = new Map<string, Names>();
let writingAtExit = false;

/**
 * The name of a file of qualify's cache for `text` (the first 32 hex digits of its SHA-256),
 * remembered in `namesFile`: `history` and `report` name the same few cache files run after
 * run (a bank's entry, its guideline's, the figures), and loading node:crypto to hash their
 * paths again took 7 ms of each. A name worked out afresh is added, and the file written once,
 * as the process ends. The file carries a checksum: a damaged one is read as empty, and one
 * that cannot be read or written only costs the hashing.
 */
export function cacheName(namesFile: string, text: string): string {
  let names = opened.get(namesFile);
  if (!names) opened.set(namesFile, (names = { map: readNames(namesFile), added: false }));
  let name = names.map.get(text);
  if (name === undefined) {
    name = sha256(text).slice(0, 32);
    names.map.set(text, name);
    names.added = true;
    // One listener writes them all: a process that names files in many data folders (the tests)
    // would otherwise add one per folder, past Node's warning at ten.
    if (!writingAtExit) {
      writingAtExit = true;
      process.once('exit', () => {
        for (const [file, { map, added }] of opened) if (added) writeNames(file, map);
      });
    }
  }
  return name;
}

function readNames(file: string): Map<string, string> {
  try {
    const bytes = fs.readFileSync(file);
    const value = v8.deserialize(bytes.subarray(4)) as unknown;
    if (
      bytes.readUInt32LE(0) === checksumOf(bytes.subarray(4)) &&
      value instanceof Map &&
      [...value].every(
        ([text, name]) => typeof text === 'string' && typeof name === 'string' && /^[0-9a-f]{32}$/.test(name),
      )
    )
      return value as Map<string, string>;
  } catch {
    // None yet, or unreadable: names are worked out again.
  }
  return new Map();
}

function writeNames(file: string, map: Map<string, string>): void {
  // Into the cache folder as it is at exit: one removed meanwhile (a test's data folder) stays gone.
  if (!fs.existsSync(path.dirname(file))) return;
  for (const key of map.keys()) {
    if (map.size <= MAX_NAMES) break;
    map.delete(key);
  }
  const value = v8.serialize(map);
  const sum = Buffer.alloc(4);
  sum.writeUInt32LE(checksumOf(value));
  writeCacheFile(file, [sum, value]);
}
