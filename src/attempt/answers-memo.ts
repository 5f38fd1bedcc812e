import { createHash } from 'node:crypto';
import type { ContentSet } from '../content/loaded.js';
import type { ResolvedBank } from '../content/types.js';
import type { AnswersFile, AnswersText } from './answers.js';
import { memoEntry } from './memo-entry.js';

/**
 * Reading an answers file parses YAML with source positions and checks every response against
 * its question: for fifty answers, a tenth of an exam, most of it the YAML parser compiling on
 * its first use. What a file reads as depends only on its name and text (the name is in its
 * warnings), the bank's and its guideline's files as they are (their stamps) and this build, so
 * a file read without an error is remembered under those: the same file submitted again (a study
 * group re-scoring model answers, an author checking a key) is not parsed again. A file with an
 * error is never remembered, so its error is always reported.
 */

/** The one entry of remembered answers files, under a name no content file can have. */
const ENTRY = '\u0000answers files';

/** Files kept at most (the entry is read whole by every exam from a file), and the longest text kept. */
const MAX_KEPT = 16;
const MAX_TEXT = 256 * 1024;

/** The answers file `input` as `read` reads it for `resolved`, remembered in the content's cache. */
export function rememberedAnswers(
  content: ContentSet,
  resolved: ResolvedBank,
  input: AnswersText,
  read: () => AnswersFile,
): AnswersFile {
  const stampOf = (file: string) => content.files.find((f) => f.file === file)?.stamp;
  const bankStamp = stampOf(resolved.bank.file);
  const guidelineStamp = stampOf(resolved.guideline.file);
  if (!content.cache || !bankStamp || !guidelineStamp || input.text.length > MAX_TEXT) return read();
  const key = createHash('sha256')
    .update(
      [input.file, input.text, resolved.bank.file, bankStamp, resolved.guideline.file, guidelineStamp].join('\u0000'),
    )
    .digest('base64');
  const kept = memoEntry<AnswersFile>(content.cache, ENTRY, 'answers', () => true);
  const known = kept.map().get(key);
  if (known) return known;
  const answers = read();
  kept.set(key, answers);
  kept.save((map) => {
    for (const old of map.keys()) {
      if (map.size <= MAX_KEPT) break;
      map.delete(old);
    }
  });
  return answers;
}
