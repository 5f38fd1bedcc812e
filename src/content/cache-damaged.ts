/**
 * A block of a big entry's kept bytes did not match its checksum when it was read, after the
 * entry was already in use (see `checkedBytes` in cache.ts). The entry is gone by the time this
 * is thrown. Its own module, so the top-level error handler knows it without loading the cache.
 */
export class CacheDamagedError extends Error {
  constructor(
    readonly entry: string,
    /** The content file the entry kept. */
    readonly file: string,
  ) {
    super(`damaged cache entry ${entry} (of ${file})`);
    this.name = 'CacheDamagedError';
  }
}
