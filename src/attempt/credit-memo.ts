import type { ContentCache } from '../content/cache.js';
import { sha256 } from '../content/digest.js';
import type { Question } from '../content/types.js';
import type { Response } from '../scoring/response.js';
import { fullCredit } from '../scoring/rubric.js';
import { memoEntry } from './memo-entry.js';

/**
 * History, reports, the home screen's next step and drills score every stored answer again
 * against the bank as it is now. Scoring free text loads wink-nlp's model (about a quarter of a
 * second) and a thousand attempts are fifty thousand answers, so each verdict is remembered in
 * the content cache, keyed by the question's content and the answer as stored: a changed
 * question (its key, its rubric) is scored afresh, and the entry as a whole holds only for this
 * build of qualify and of the NLP packages (`codeDigest`).
 */
export interface CreditMemo {
  /** Whether the answer earns every point without missing a critical criterion (see `fullCredit`). */
  fullCredit(question: Question, response: Response): boolean;
  /** Writes what was worked out since the entry was read (nothing when nothing was). */
  save(): void;
}

/** The one entry of remembered verdicts, under a name no content file can have. */
const ENTRY = '\u0000scored answers';

const memos = new WeakMap<ContentCache, CreditMemo>();

export function creditMemo(cache: ContentCache): CreditMemo {
  const known = memos.get(cache);
  if (known) return known;
  const verdicts = memoEntry<boolean>(cache, ENTRY, 'credit', (kept) =>
    [...kept.values()].every((v) => typeof v === 'boolean'),
  );
  const digests = new WeakMap<Question, string>();
  const digestOf = (question: Question) => {
    let digest = digests.get(question);
    if (digest === undefined) {
      digest = sha256(JSON.stringify(question), 'base64');
      digests.set(question, digest);
    }
    return digest;
  };
  const memo: CreditMemo = {
    fullCredit(question, response) {
      const key = `${digestOf(question)}\u0000${JSON.stringify(response)}`;
      const kept = verdicts.map().get(key);
      if (kept !== undefined) return kept;
      const verdict = fullCredit(question, response);
      verdicts.set(key, verdict);
      return verdict;
    },
    save: () => verdicts.save(),
  };
  memos.set(cache, memo);
  return memo;
}
