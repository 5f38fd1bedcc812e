import type { ContentCache } from '../content/cache.js';
import { sha256 } from '../content/digest.js';
import type { Question, ResolvedBank } from '../content/types.js';
import type { AnswersFile, AnswersText } from './answers.js';
import { keepingNewest, memoEntry } from './memo-entry.js';

/**
 * Reading an answers file parses YAML with source positions and checks every response against
 * its question: for fifty answers, a tenth of an exam, most of it the YAML parser compiling on
 * its first use. What a file reads as depends only on its name and text (the name is in its
 * warnings), the bank's id, and the questions it names as they are now (a response is checked
 * against its own question; an id the bank lacks is warned about), so a file read without an
 * error is remembered with a digest of each question it names, and read again only when one of
 * those questions changed, came or went: an author editing other questions of a big bank, or a
 * study group re-scoring model answers, submits the same file without parsing it again. A file
 * with an error is never remembered, so its error is always reported.
 */

/** The one entry of remembered answers files, under a name no content file can have. */
const ENTRY = '\u0000answers files';

/**
 * Files kept at most (the entry is read whole by every exam from a file), and the longest text
 * kept: the text is kept to compare with, so an answers file is known without hashing it.
 */
const MAX_KEPT = 16;
const MAX_TEXT = 64 * 1024;

/**
 * An answers file as read: its text, the bank as it was then (`content`, see
 * `rememberedAnswers`), and the digest of each question it names (null: the bank had none).
 */
interface KeptAnswers {
  text: string;
  content: string | undefined;
  answers: AnswersFile;
  questions: (string | null)[];
}

const isKept = (value: unknown): value is KeptAnswers =>
  typeof value === 'object' && value !== null && typeof (value as KeptAnswers).text === 'string';

/**
 * The answers file `input` as `read` reads it for `resolved`, remembered in the content's cache.
 * `content` names the bank file and its guideline as they are on disk now (their stamps), when
 * the content index has a current record of both: while it is the one the file was read
 * against, no question can have changed, and none is looked at (building the ten thousand
 * questions of a big bank to find fifty, and hashing them, took a tenth of an exam).
 */
export function rememberedAnswers(
  cache: ContentCache | undefined,
  resolved: ResolvedBank,
  input: AnswersText,
  read: () => AnswersFile,
  content?: string,
): AnswersFile {
  if (!cache || input.text.length > MAX_TEXT) return read();
  const { bank } = resolved;
  const key = [input.file, bank.id, bank.file].join('\u0000');
  let byId: Map<string, Question> | undefined;
  // Read only for the questions the file names (a remembered question is built when looked into).
  const digestsOf = (ids: readonly string[]) =>
    ids.map((id) => {
      byId ??= new Map(bank.questions.map((q) => [q.id, q]));
      const question = byId.get(id);
      return question ? sha256(JSON.stringify(question), 'base64') : null;
    });
  const kept = memoEntry<KeptAnswers>(cache, ENTRY, 'answers', (map) => [...map.values()].every(isKept));
  const known = kept.map().get(key);
  if (known?.text === input.text) {
    if (content !== undefined && known.content === content) return known.answers;
    const now = digestsOf(known.answers.ids);
    if (now.every((digest, i) => digest === known.questions[i])) {
      // Unchanged where it matters: the next exam need not look again.
      if (content !== undefined) {
        kept.set(key, { ...known, content });
        kept.save(keepingNewest(MAX_KEPT));
      }
      return known.answers;
    }
  }
  const answers = read();
  kept.map().delete(key); // set again, so it is the latest to go
  kept.set(key, { text: input.text, content, answers, questions: digestsOf(answers.ids) });
  kept.save(keepingNewest(MAX_KEPT));
  return answers;
}
