import type { ContentCache } from '../content/cache.js';
import type { ContentSet } from '../content/loaded.js';
import type { Question } from '../content/types.js';
import type { Confidence } from '../scoring/response.js';
import { scaleOutcome, type AttemptRecord, type QuestionOutcome } from '../study/outcomes.js';
import { keepingNewest, memoEntry } from './memo-entry.js';

/**
 * History, reports, the home screen's next step and drills look at every question of every
 * finished attempt, scored against the bank as it is now. With a thousand attempts that is
 * reading fifty thousand stored answers and scoring each again, most of a second, to find what
 * was found the run before. So each attempt's outcomes are remembered in the content cache: a
 * finished attempt's answers never change, and its outcomes hold for as long as its bank file and
 * that bank's guideline file are the ones they were worked out against (their stamps), the
 * attempt reads as it did (timed or not, when it started and ended: a copy merged into a group
 * database keeps its uuid but not how it was taken) and this build of qualify (`codeDigest`). An
 * attempt is named by its uuid, as ids start again in another database.
 */
export interface OutcomeMemo {
  /** The outcomes of `records`, in their order: remembered ones as they were, the others from `work`. */
  outcomes(records: readonly AttemptRecord[], work: (record: AttemptRecord) => QuestionOutcome[]): QuestionOutcome[];
  /** Writes what was worked out since the entry was read (nothing when nothing was). */
  save(): void;
}

/**
 * One attempt's outcomes without what the attempt and the questions tell again, five numbers per
 * question: its place in the attempt's questions, 1 answered + 2 correct, the time taken (-1:
 * none), when, and the position chosen on its scale (-1: none); and the confidences given ('':
 * none), only when one was. Typed arrays come back from the cache as one copy each, where fifty
 * thousand small arrays took V8 about 40 ms to rebuild on every history and report.
 */
interface KeptAttempt {
  /** What the outcomes were worked out from besides the answers (see `againstOf`). */
  against: string;
  numbers: Float64Array;
  confidences?: string[];
}

const PER_OUTCOME = 5;

/** The one entry of remembered outcomes, under a name no content file can have. */
const ENTRY = '\u0000attempt outcomes';

/** Attempts kept at most; the ones remembered longest ago go first (a group may read many databases). */
const MAX_KEPT = 20_000;

/** The bank's and guideline's stamps, and what of the attempt's own row its outcomes read. */
const againstOf = (record: AttemptRecord, stamps: string) =>
  `${stamps}|${record.timed ? 'timed' : 'untimed'}|${record.startedAt}|${record.endedAt}`;

export function outcomeMemo(
  content: ContentSet & { cache: ContentCache },
  /** The questions of a bank by id, in the content loaded now. */
  questions: (bankId: string) => ReadonlyMap<string, Question> | undefined,
): OutcomeMemo {
  const stampOf = new Map(content.files.map((f) => [f.file, f.stamp]));
  const against = new Map<string, string | undefined>();
  for (const { bank, guideline } of content.banks.values()) {
    const bankStamp = stampOf.get(bank.file);
    const guidelineStamp = stampOf.get(guideline.file);
    against.set(bank.id, bankStamp && guidelineStamp && `${bankStamp}|${guidelineStamp}`);
  }
  const kept = memoEntry<KeptAttempt>(content.cache, ENTRY, 'outcomes', () => true);

  const remembered = (record: AttemptRecord, stamps: string): QuestionOutcome[] | undefined => {
    const entry = kept.map().get(record.uuid!);
    if (entry?.against !== againstOf(record, stamps) || !isKept(entry)) return undefined;
    const byId = questions(record.bankId);
    if (!byId) return undefined;
    const { numbers, confidences } = entry;
    const out: QuestionOutcome[] = [];
    for (let i = 0; i < numbers.length / PER_OUTCOME; i++) {
      const base = i * PER_OUTCOME;
      const place = numbers[base]!;
      const flags = numbers[base + 1]!;
      const elapsedMs = numbers[base + 2]!;
      const at = numbers[base + 3]!;
      const chosen = numbers[base + 4]!;
      const questionId = record.questionIds[place];
      const question = questionId === undefined ? undefined : byId.get(questionId);
      if (!question) return undefined;
      const confidence = confidences?.[i] ?? '';
      out.push({
        attemptId: record.attemptId,
        bankId: record.bankId,
        questionId: question.id,
        sections: question.sections,
        answered: (flags & 1) === 1,
        correct: (flags & 2) === 2,
        elapsedMs: elapsedMs < 0 ? undefined : elapsedMs,
        at,
        attemptEndedAt: record.endedAt,
        confidence: confidence === '' ? undefined : (confidence as Confidence),
        scale: chosen < 0 ? undefined : scaleOutcome(question, chosen),
      });
    }
    return out;
  };

  const remember = (record: AttemptRecord, stamps: string, outcomes: readonly QuestionOutcome[]) => {
    const places = new Map(record.questionIds.map((id, i) => [id, i]));
    const numbers = new Float64Array(outcomes.length * PER_OUTCOME);
    outcomes.forEach((o, i) =>
      numbers.set(
        [
          places.get(o.questionId)!,
          (o.answered ? 1 : 0) | (o.correct ? 2 : 0),
          o.elapsedMs ?? -1,
          o.at,
          o.scale?.chosen ?? -1,
        ],
        i * PER_OUTCOME,
      ),
    );
    const confidences = outcomes.some((o) => o.confidence) ? outcomes.map((o) => o.confidence ?? '') : undefined;
    kept.map().delete(record.uuid!); // set again, so it is the latest to go
    kept.set(record.uuid!, { against: againstOf(record, stamps), numbers, ...(confidences && { confidences }) });
  };

  return {
    outcomes(records, work) {
      return records.flatMap((record) => {
        const stamps = against.get(record.bankId);
        if (!stamps || record.uuid === undefined) return work(record);
        const known = remembered(record, stamps);
        if (known) return known;
        const outcomes = work(record);
        remember(record, stamps, outcomes);
        return outcomes;
      });
    },
    save: () => kept.save(keepingNewest(MAX_KEPT)),
  };
}

/** A remembered attempt as this build writes it (an entry of another shape is worked out again). */
function isKept(entry: KeptAttempt): boolean {
  const { numbers, confidences } = entry;
  if (!(numbers instanceof Float64Array) || numbers.length % PER_OUTCOME !== 0) return false;
  for (let i = 0; i < numbers.length; i += PER_OUTCOME)
    if (!Number.isInteger(numbers[i]) || !Number.isInteger(numbers[i + 1]) || !Number.isInteger(numbers[i + 4]))
      return false;
  return (
    confidences === undefined ||
    (Array.isArray(confidences) &&
      confidences.length === numbers.length / PER_OUTCOME &&
      confidences.every((c) => typeof c === 'string'))
  );
}
