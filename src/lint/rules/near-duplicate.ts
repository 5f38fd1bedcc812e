import { positionOf } from '../../content/parse.js';
import type { Question } from '../../content/types.js';
import { defineRule, text } from '../rule.js';

/** Share of distinct words two questions must have in common to count as near-duplicates. */
export const SIMILARITY_THRESHOLD = 0.9;
/** Questions shorter than this are left alone: "Is this spam?" twice is fine with different context. */
const MIN_WORDS = 8;

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
export const nearDuplicate = defineRule({
  meta: {
    id: 'near-duplicate',
    severity: 'warning',
    phase: 'lint',
    description: 'Two questions of a bank whose prompt, context and choices are almost word for word the same.',
    messages: {
      nearDuplicate: text(
        'this question is almost the same as question "{{other}}" (line {{line}}; {{percent}}% of their words are ',
        'shared); a learner who meets both learns nothing new from the second',
      ),
    },
  },
  create(context) {
    return {
      lintBank({ loaded, bank, sound }) {
        if (!sound) return;
        const words = bank.questions.map(wordsOf);
        const earlierWith = new Map<string, number[]>();
        bank.questions.forEach((_, q) => {
          const mine = words[q]!;
          if (mine.size < MIN_WORDS) return;
          const found = mostSimilarEarlier(mine, words, earlierWith);
          for (const word of mine) {
            const list = earlierWith.get(word);
            if (list) list.push(q);
            else earlierWith.set(word, [q]);
          }
          if (!found) return;
          const { line } = positionOf(loaded.parsed!, ['questions', found.earlier, 'prompt']);
          context.report({
            path: ['questions', q, 'prompt'],
            messageId: 'nearDuplicate',
            data: { other: bank.questions[found.earlier]!.id, line, percent: Math.round(found.similarity * 100) },
          });
        });
      },
    };
  },
});
