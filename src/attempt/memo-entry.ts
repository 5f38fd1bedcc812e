import type { ContentCache, Variant } from '../content/cache.js';
import { codeDigest } from '../library/code-digest.js';

/**
 * A map of what was worked out from content, kept in the content cache between runs under a name
 * no content file can have, for as long as qualify is the same build (`codeDigest`). It is read
 * when first used; `save` writes it back only when something was set.
 */
export interface MemoEntry<V> {
  map(): Map<string, V>;
  set(key: string, value: V): void;
  /** `trim` may drop entries before the map is written. */
  save(trim?: (map: Map<string, V>) => void): void;
}

export function memoEntry<V>(
  cache: ContentCache,
  name: string,
  variant: Variant,
  /** Whether a map read back holds values of this memo (anything else is a miss). */
  accepts: (map: Map<unknown, unknown>) => boolean,
): MemoEntry<V> {
  let kept: Map<string, V> | undefined;
  let added = 0;
  const map = () => {
    if (kept) return kept;
    const value = cache.lookup(name, codeDigest(), variant)?.value;
    kept = value instanceof Map && accepts(value) ? (value as Map<string, V>) : new Map<string, V>();
    return kept;
  };
  return {
    map,
    set(key, value) {
      map().set(key, value);
      added++;
    },
    save(trim) {
      if (!added || !kept) return;
      trim?.(kept);
      cache.remember(name, codeDigest(), 'bank', kept, variant);
      added = 0;
    },
  };
}

/**
 * A `save` trim that drops the entries set longest ago until at most `max` are left (a Map keeps
 * the order its keys were set in).
 */
export const keepingNewest =
  (max: number) =>
  (map: Map<string, unknown>): void => {
    for (const key of map.keys()) {
      if (map.size <= max) break;
      map.delete(key);
    }
  };
