import type { Question } from '../../content/types.js';
import { problemAt } from '../report.js';
import { soundBanks } from '../targets.js';
import type { LintRule } from '../types.js';

/** Share of distinct words two questions must have in common to count as near-duplicates. */
export const SIMILARITY_THRESHOLD = 0.9;
/** Questions shorter than this are left alone: "Is this spam?" twice is fine with different context. */
const MIN_WORDS = 8;

const messages = {
  nearDuplicate: (other: string, line: number, percent: number) =>
    `this question is almost the same as question "${other}" (line ${line}; ${percent}% of their words are shared); a learner who meets both learns nothing new from the second`,
};

function contextText(context: Question['context']): string {
  if (context === undefined) return '';
  return typeof context === 'string' ? context : Object.values(context).join(' ');
}

/** Everything a learner reads: prompt, context and the choices. */
function wordsOf(question: Question): Set<string> {
  const choices = 'options' in question ? question.options : 'items' in question ? question.items : [];
  const text = [question.prompt, contextText(question.context), ...choices.map((c) => c.text)].join(' ');
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * The first earlier question (in file order) at least SIMILARITY_THRESHOLD alike, found through an
 * index from each word to the earlier questions holding it: only questions sharing a word are
 * counted, and with Jaccard >= t two sets must share at least t * |mine| words, so the words of
 * `mine` held by the most earlier questions can be skipped while building the candidates (a
 * pair sharing none of the rest cannot reach the threshold). Same result as comparing every pair.
 */
function mostSimilarEarlier(
  mine: Set<string>,
  words: readonly Set<string>[],
  earlierWith: ReadonlyMap<string, number[]>,
): { earlier: number; similarity: number } | undefined {
  const needed = Math.ceil(SIMILARITY_THRESHOLD * mine.size);
  // Prefix filtering: a candidate must share at least one of the |mine| - needed + 1 rarest words.
  const rarest = [...mine]
    .sort((a, b) => (earlierWith.get(a)?.length ?? 0) - (earlierWith.get(b)?.length ?? 0))
    .slice(0, mine.size - needed + 1);
  const candidates = new Set<number>();
  for (const word of rarest) for (const earlier of earlierWith.get(word) ?? []) candidates.add(earlier);
  let first: { earlier: number; similarity: number } | undefined;
  for (const earlier of candidates) {
    if (first && earlier > first.earlier) continue;
    const similarity = jaccard(mine, words[earlier]!);
    if (similarity >= SIMILARITY_THRESHOLD) first = { earlier, similarity };
  }
  return first;
}

/** Two questions of one bank that read almost the same (reported on the later one). */
export const nearDuplicate: LintRule = {
  meta: {
    id: 'near-duplicate',
    severity: 'warning',
    description: 'Two questions of a bank whose prompt, context and choices are almost word for word the same.',
  },
  messages,
  check(context) {
    return soundBanks(context).flatMap((loaded) => {
      const words = loaded.bank.questions.map(wordsOf);
      const earlierWith = new Map<string, number[]>();
      return loaded.bank.questions.flatMap((question, q) => {
        const mine = words[q]!;
        if (mine.size < MIN_WORDS) return [];
        const found = mostSimilarEarlier(mine, words, earlierWith);
        for (const word of mine) {
          const list = earlierWith.get(word);
          if (list) list.push(q);
          else earlierWith.set(word, [q]);
        }
        if (!found) return [];
        const line = problemAt(loaded, ['questions', found.earlier, 'prompt'], 'near-duplicate', 'warning', '').line;
        const other = loaded.bank.questions[found.earlier]!.id;
        return [
          problemAt(
            loaded,
            ['questions', q, 'prompt'],
            'near-duplicate',
            'warning',
            messages.nearDuplicate(other, line, Math.round(found.similarity * 100)),
          ),
        ];
      });
    });
  },
};
