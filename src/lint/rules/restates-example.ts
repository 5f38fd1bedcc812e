import type { PathSegment } from '../../content/parse.js';
import type { Guideline, Question, Section } from '../../content/types.js';
import { defineRule, text } from '../rule.js';

/** Shingle size: runs of this many words. */
export const SHINGLE = 5;
/** Texts shorter than this (in words) are left alone: short prompts share phrases by chance. */
export const MIN_WORDS = 12;
/** The share of a text's shingles found in one example that makes it a restatement. */
export const MAX_SHARED = 0.4;

/** Lower-cased words, punctuation dropped (an apostrophe joins its word: "don't" is "dont"). */
function wordsOf(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/['’]/g, '')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

function shingles(words: readonly string[]): Set<string> {
  const set = new Set<string>();
  for (let i = 0; i + SHINGLE <= words.length; i++) set.add(words.slice(i, i + SHINGLE).join(' '));
  return set;
}

interface WorkedExample {
  section: string;
  title: string;
  shingles: Set<string>;
}

function examplesOf(guideline: Guideline): WorkedExample[] {
  const all: WorkedExample[] = [];
  const walk = (sections: readonly Section[]) => {
    for (const section of sections) {
      for (const example of section.examples ?? []) {
        const text = [example.title, example.body, example.verdict ?? ''].join(' ');
        all.push({ section: section.id, title: example.title, shingles: shingles(wordsOf(text)) });
      }
      walk(section.sections ?? []);
    }
  };
  walk(guideline.sections);
  return all;
}

/** What a learner reads of a question, each with its place in the file. */
function textsOf(question: Question, q: number): { text: string; path: PathSegment[] }[] {
  const at = ['questions', q];
  const context = question.context;
  const texts = [{ text: question.prompt, path: [...at, 'prompt'] }];
  if (typeof context === 'string') texts.push({ text: context, path: [...at, 'context'] });
  else if (context) texts.push({ text: Object.values(context).join(' '), path: [...at, 'context'] });
  if ('options' in question)
    question.options.forEach((o, i) => texts.push({ text: o.text, path: [...at, 'options', i, 'text'] }));
  return texts;
}

/**
 * A question that restates a worked example of its guideline: its prompt, context or an option
 * (of 12 words or more) shares 40% or more of its word 5-grams with one example (title, body and
 * verdict). A learner who read the guideline then recalls the example instead of applying the rule.
 */
export const restatesExample = defineRule({
  meta: {
    id: 'restates-example',
    severity: 'warning',
    phase: 'lint',
    description: text(
      "A question's prompt, context or option that shares 40% or more of its 5-word runs with a worked example of ",
      'the guideline.',
    ),
    messages: {
      restates: text(
        '{{percent}}% of this text\'s 5-word runs are in the worked example "{{example}}" of guideline section ',
        '{{section}}; write a new case instead of restating the example',
      ),
    },
  },
  create(context) {
    return {
      lintBank({ bank, guideline, sound }) {
        if (!sound || !guideline) return;
        const examples = examplesOf(guideline);
        if (examples.length === 0) return;
        bank.questions.forEach((question, q) => {
          for (const { text, path } of textsOf(question, q)) {
            const words = wordsOf(text);
            if (words.length < MIN_WORDS) continue;
            const mine = shingles(words);
            let best: { example: WorkedExample; share: number } | undefined;
            for (const example of examples) {
              let shared = 0;
              for (const shingle of mine) if (example.shingles.has(shingle)) shared++;
              const share = shared / mine.size;
              if (share >= MAX_SHARED && (!best || share > best.share)) best = { example, share };
            }
            if (best)
              context.report({
                path,
                messageId: 'restates',
                data: {
                  percent: Math.round(best.share * 100),
                  example: best.example.title,
                  section: best.example.section,
                },
              });
          }
        });
      },
    };
  },
});
