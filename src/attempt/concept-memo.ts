import type { ContentCache } from '../content/cache.js';
import { conceptsHold } from '../scoring/concepts.js';
import type { ConceptJudge } from '../scoring/rubric.js';
import { keepingNewest, memoEntry } from './memo-entry.js';

/**
 * Scoring an attempt decides each `concepts` check of its free-text answers, and the first such
 * check loads wink-nlp's language model: about half the time of an exam taken from an answers
 * file. A verdict depends only on the check and the text it reads, so verdicts are remembered in
 * the content cache, and an attempt whose answers were all judged before (the same answers file
 * submitted again, a study group checking the same model answers) is scored without the model.
 * The entry holds only for this build of qualify and of the NLP packages (`codeDigest`).
 */
export interface ConceptMemo {
  judge: ConceptJudge;
  /** Writes what was decided since the entry was read (nothing when nothing was). */
  save(): void;
}

/** The one entry of remembered verdicts, under a name no content file can have. */
const ENTRY = '\u0000concept verdicts';

/** Verdicts kept at most; the ones remembered longest ago go first. */
const MAX_KEPT = 50_000;

export function conceptMemo(cache: ContentCache): ConceptMemo {
  const verdicts = memoEntry<boolean>(cache, ENTRY, 'concepts', (kept) =>
    [...kept.values()].every((v) => typeof v === 'boolean'),
  );
  return {
    judge(check, text) {
      const key = `${JSON.stringify(check)}\u0000${text}`;
      const kept = verdicts.map().get(key);
      if (kept !== undefined) return kept;
      const verdict = conceptsHold(check, text);
      verdicts.set(key, verdict);
      return verdict;
    },
    save: () => verdicts.save(keepingNewest(MAX_KEPT)),
  };
}
