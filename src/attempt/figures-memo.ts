import type { ContentCache } from '../content/cache.js';
import type { ContentSet } from '../content/loaded.js';
import { keepingNewest, memoEntry } from './memo-entry.js';

/**
 * `history` and `report` work out their study figures (analytics, the weakest section, the
 * questions missed) from every finished attempt: with a thousand attempts of fifty answers that
 * is fifty thousand outcomes to rebuild and walk, several times the time Node takes to start,
 * on every run, to find what the run before found. The figures depend on nothing but the
 * attempts, the content they are scored against and this build, so they are remembered in the
 * content cache under:
 *  - the database's state as it was opened (its path and integrity stamp, see store/db.ts:
 *    any write, by qualify or anything else, changes it);
 *  - the stamps of every bank loaded and of its guideline;
 *  - the name of the figures (which command, which bank, which attempt);
 *  - this build of qualify (`codeDigest`, as for every memo).
 * A command that writes while it works (closing a lapsed practice round, adding missed questions
 * to the deck) remembers its figures under the state it opened, which no later run sees again:
 * the next run works them out once more. So a figure is never shown for other attempts or other
 * content than the ones it was worked out from.
 */
export interface FiguresMemo {
  /** The figures named `name`: remembered, or worked out by `work` (and remembered). */
  get<T>(name: string, work: () => T): T;
  /** Writes what was worked out since the entry was read (nothing when nothing was). */
  save(): void;
}

/** The one entry of remembered figures, under a name no content file can have. */
const ENTRY = '\u0000study figures';

/** Figures kept at most; the ones remembered longest ago go first (a group may read several databases). */
const MAX_KEPT = 64;

/**
 * A memo for figures of the database in `state` (see app/open.ts) scored against `content`;
 * undefined when either cannot be told apart from another (no cache, no state, a file without a
 * stamp), and then every figure is worked out.
 */
export function figuresMemo(content: ContentSet, state: string | undefined): FiguresMemo | undefined {
  const cache: ContentCache | undefined = content.cache;
  if (!cache || state === undefined) return undefined;
  const stampOf = new Map(content.files.map((f) => [f.file, f.stamp]));
  const banks: string[] = [];
  for (const { bank, guideline } of content.banks.values()) {
    const bankStamp = stampOf.get(bank.file);
    const guidelineStamp = stampOf.get(guideline.file);
    if (!bankStamp || !guidelineStamp) return undefined;
    banks.push(`${bank.id}\u0000${bank.file}\u0000${bankStamp}\u0000${guideline.file}\u0000${guidelineStamp}`);
  }
  const against = `${state}\u0001${banks.sort().join('\u0001')}`;
  const kept = memoEntry<unknown>(cache, ENTRY, 'figures', () => true);
  return {
    get<T>(name: string, work: () => T): T {
      const key = `${name}\u0002${against}`;
      if (kept.map().has(key)) return kept.map().get(key) as T;
      const value = work();
      kept.map().delete(key);
      kept.set(key, value);
      return value;
    },
    save: () => kept.save(keepingNewest(MAX_KEPT)),
  };
}

/** `memo.get(name, work)`, or `work()` when there is no memo. */
export const rememberedFigures = <T>(memo: FiguresMemo | undefined, name: string, work: () => T): T =>
  memo ? memo.get(name, work) : work();
