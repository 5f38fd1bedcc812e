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
      return loaded.bank.questions.flatMap((question, q) => {
        if (words[q]!.size < MIN_WORDS) return [];
        for (let earlier = 0; earlier < q; earlier++) {
          if (words[earlier]!.size < MIN_WORDS) continue;
          const similarity = jaccard(words[q]!, words[earlier]!);
          if (similarity >= SIMILARITY_THRESHOLD) {
            const line = problemAt(loaded, ['questions', earlier, 'prompt'], 'near-duplicate', 'warning', '').line;
            const other = loaded.bank.questions[earlier]!.id;
            return [problemAt(loaded, ['questions', q, 'prompt'], 'near-duplicate', 'warning', messages.nearDuplicate(other, line, Math.round(similarity * 100)))];
          }
        }
        return [];
      });
    });
  },
};
