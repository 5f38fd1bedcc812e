// wink-nlp's `its.*` helpers are plain functions meant to be passed to `out()`.
/* eslint-disable @typescript-eslint/unbound-method */
import type { Document, ItemSentence, ItemToken, WinkMethods } from 'wink-nlp';
import type { ConceptsCheck } from '../content/types.js';
import { loadLanguageModel } from './language-model.js';

/**
 * The `concepts` rubric check: a criterion holds when every concept is expressed in a sentence
 * of the answer, read by lemma (so "contradicted" is "contradict"), whole words only, with
 * negation in view ("does not contradict" is not "contradict"). A bare list of keywords is not a
 * sentence, so it earns nothing. The language model is wink-nlp's English lite model, shipped in
 * its npm package: nothing is downloaded, and it is loaded on the first `concepts` check only.
 */

/** One word of the answer, as the matcher sees it. */
interface Word {
  normal: string;
  lemma: string;
  /** Not in the model's lexicon: a candidate misspelling. */
  unknown: boolean;
  /** Inside the scope of a negation ("not", "never", "no longer", "without"...). */
  negated: boolean;
  /** A comma, a line break or another separator stands between it and the word before. */
  breakBefore: boolean;
}

/** One sentence of the answer, and whether it is a sentence that counts. */
interface Sentence {
  text: string;
  words: Word[];
  counts: boolean;
}

/** One expression of a concept, as words to find in sequence. */
interface Expression {
  words: { normal: string; lemma: string }[];
  /** A single word of 5+ letters also matches a misspelling within one edit. */
  typoTolerant: boolean;
}

/** A sentence counts with at least this many words... */
export const MIN_SENTENCE_WORDS = 4;
/** ...a verb, and at most this share of its words in bare list items ("stale, old, price"). */
const MAX_BARE_SHARE = 0.5;
/** A list item of at most this many words, with no function word, is a bare keyword. */
const BARE_ITEM_WORDS = 3;
const MIN_TYPO_LETTERS = 5;

const NEGATIONS = new Set(['not', 'never', 'no', 'neither', 'nor', 'without', 'nothing', 'none', 'nobody', 'nowhere']);
/** Negative words that stand as an object ("contradicts nothing"): they negate the verb before them. */
const NEGATIVE_OBJECTS = new Set(['nothing', 'none', 'no', 'nobody']);
/**
 * Negations that deny a noun phrase, not a clause: "insults without slurs are Mild" denies the
 * slurs, not "Mild". Their scope ends at the first verb after a noun.
 */
const PHRASE_NEGATIONS = new Set(['without', 'no']);
/** Conjunctions that always end a negation's scope. */
const SCOPE_ENDERS = new Set(['but', 'yet', 'although', 'though', 'whereas', 'while', 'because', 'since', 'so']);
/** Separators of list items inside a sentence (hyphens and quotes are not). */
const ITEM_SEPARATORS = new Set([',', ';', '|', '/', '•', '·']);
/** Function words: a list item with one is not a bare keyword ("out of date" still is). */
const FUNCTION_POS = new Set(['DET', 'PRON', 'AUX', 'CCONJ', 'SCONJ', 'PART']);
/** A sentence has at least one of these ("to", "of" and "at" too), unlike a run of keywords. */
const GLUE_POS = new Set([...FUNCTION_POS, 'ADP']);
const VERB_POS = new Set(['VERB', 'AUX']);
const NOT_WORDS = new Set(['punctuation', 'tabCRLF', 'symbol', 'emoji', 'emoticon']);

let nlp: WinkMethods | undefined;

/** The language model, loaded on first use (see language-model.ts for how it is kept fast). */
function languageModel(): WinkMethods {
  return (nlp ??= loadLanguageModel());
}

interface RawToken {
  normal: string;
  lemma: string;
  pos: string;
  type: string;
}

function tokensOf(sentence: ItemSentence, model: WinkMethods): RawToken[] {
  const tokens: RawToken[] = [];
  sentence.tokens().each((t: ItemToken) => {
    tokens.push({
      normal: t.out(model.its.normal),
      lemma: String(t.out(model.its.lemma as never)).toLowerCase(),
      pos: t.out(model.its.pos),
      type: t.out(model.its.type),
    });
  });
  return tokens;
}

/** Which tokens of a sentence are in a negation's scope. */
function negationScope(tokens: RawToken[]): boolean[] {
  const negated = tokens.map(() => false);
  let inScope = false;
  let phraseOnly = false;
  let nounSeen = false;
  tokens.forEach((token, i) => {
    const next = tokens[i + 1];
    // "not only ... but also" and "not just" add rather than deny.
    if (token.normal === 'not' && (next?.normal === 'only' || next?.normal === 'just')) return;
    if (NEGATIONS.has(token.normal)) {
      if (NEGATIVE_OBJECTS.has(token.normal)) {
        // "contradicts nothing", "adds no price": the verb just before is negated too.
        let j = i - 1;
        while (j >= 0 && (tokens[j]!.pos === 'ADV' || tokens[j]!.pos === 'PART')) j--;
        if (j >= 0 && tokens[j]!.pos === 'VERB') negated[j] = true;
      }
      inScope = true;
      phraseOnly = PHRASE_NEGATIONS.has(token.normal);
      nounSeen = false;
      return;
    }
    if (!inScope) return;
    if (phraseOnly && nounSeen && VERB_POS.has(token.pos)) {
      inScope = false;
      return;
    }
    if (token.pos === 'NOUN' || token.pos === 'PROPN' || token.pos === 'PRON') nounSeen = true;
    if (token.type === 'punctuation' && token.normal !== '-') inScope = false;
    else if (token.type === 'tabCRLF' || token.pos === 'SCONJ' || SCOPE_ENDERS.has(token.normal)) inScope = false;
    else if ((token.normal === 'and' || token.normal === 'or') && next && startsClause(tokens, i + 1)) inScope = false;
    else negated[i] = true;
  });
  return negated;
}

/** Whether a new clause (a subject, then a verb) starts at `from`: "and the price is wrong". */
function startsClause(tokens: RawToken[], from: number): boolean {
  if (VERB_POS.has(tokens[from]!.pos) || tokens[from]!.pos === 'ADJ' || tokens[from]!.pos === 'ADV') return false;
  for (let i = from + 1; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type === 'punctuation' || token.type === 'tabCRLF') return false;
    if (VERB_POS.has(token.pos)) return true;
  }
  return false;
}

/** Words seen as verbs in a plain frame ("it sets it"), by normal form. */
const verbFrames = new Map<string, boolean>();

/**
 * Whether a word may be the verb of its sentence. The lite model's tagger takes some verbs for
 * nouns in context ("both give accurate definitions", "the page sets out"), so a word it tags
 * otherwise counts when it reads as a verb in a plain frame, and an unknown (misspelt) word counts.
 */
function mayBeVerb(token: RawToken, unknown: (normal: string) => boolean): boolean {
  if (VERB_POS.has(token.pos)) return true;
  if (token.type !== 'word' || !/^\p{L}+$/u.test(token.normal)) return false;
  if (unknown(token.normal)) return true;
  let verb = verbFrames.get(token.normal);
  if (verb === undefined) {
    const model = languageModel();
    verb = [`they ${token.normal} it`, `it ${token.normal} it`].some(
      (frame) => model.readDoc(frame).tokens().itemAt(1).out(model.its.pos) === 'VERB',
    );
    verbFrames.set(token.normal, verb);
  }
  return verb;
}

/**
 * A sentence counts when it has at least 4 words, a verb and a function word ("the", "it", "is",
 * "and", "of"...), and is not mostly a bare list: list items (between commas, semicolons or line
 * breaks) of at most 3 words without a function word hold no more than half of its words.
 */
function sentenceCounts(tokens: RawToken[], unknown: (normal: string) => boolean): boolean {
  if (isVerdictLine(tokens)) return true;
  const isWord = tokens.map((t) => !NOT_WORDS.has(t.type));
  const words = isWord.filter(Boolean).length;
  if (words < MIN_SENTENCE_WORDS) return false;
  if (!tokens.some((t, i) => isWord[i] && GLUE_POS.has(t.pos))) return false;
  if (!tokens.some((t, i) => isWord[i] && mayBeVerb(t, unknown))) return false;
  let bare = 0;
  let item: RawToken[] = [];
  const closeItem = () => {
    if (item.length > 0 && item.length <= BARE_ITEM_WORDS && !item.some((t) => FUNCTION_POS.has(t.pos)))
      bare += item.length;
    item = [];
  };
  tokens.forEach((token, i) => {
    if (token.type === 'tabCRLF' || ITEM_SEPARATORS.has(token.normal)) closeItem();
    else if (isWord[i]) item.push(token);
  });
  closeItem();
  return bare / words <= MAX_BARE_SHARE;
}

/**
 * A labelled verdict on its own, such as "Flag: Unsafe operation (12.r3)." or "Rating: Minor
 * issues.", is how raters write a verdict line; it states one thing, so it counts as a sentence.
 * A label of one or two words, a colon, one value of one to five words (a parenthesis aside), and
 * no list separators: "Flags: unsafe, injection, shell" is still a list.
 */
function isVerdictLine(tokens: RawToken[]): boolean {
  const colon = tokens.findIndex((t) => t.normal === ':');
  if (colon < 0) return false;
  const wordsIn = (part: RawToken[]) => part.filter((t) => !NOT_WORDS.has(t.type)).length;
  const label = wordsIn(tokens.slice(0, colon));
  let depth = 0;
  const value: RawToken[] = [];
  for (const token of tokens.slice(colon + 1)) {
    if (token.normal === '(') depth++;
    else if (token.normal === ')') depth = Math.max(0, depth - 1);
    else if (depth > 0) continue;
    else if (token.normal === ':' || ITEM_SEPARATORS.has(token.normal) || token.type === 'tabCRLF') return false;
    else value.push(token);
  }
  const valueWords = wordsIn(value);
  return label >= 1 && label <= 2 && valueWords >= 1 && valueWords <= 5;
}

function analyse(doc: Document, model: WinkMethods): Sentence[] {
  const sentences: Sentence[] = [];
  doc.sentences().each((s: ItemSentence) => {
    const tokens = tokensOf(s, model);
    const negated = negationScope(tokens);
    const words: Word[] = [];
    let breakBefore = false;
    tokens.forEach((token, i) => {
      if (NOT_WORDS.has(token.type)) {
        // A hyphen joins ("up-to-date" reads as "up to date"); any other mark separates.
        if (token.normal !== '-') breakBefore = true;
        return;
      }
      words.push({
        normal: token.normal,
        lemma: token.lemma,
        unknown: token.type === 'word' && doc.isOOV(token.normal),
        negated: negated[i]!,
        breakBefore,
      });
      breakBefore = false;
    });
    sentences.push({ text: s.out(), words, counts: sentenceCounts(tokens, (normal) => doc.isOOV(normal)) });
  });
  return sentences;
}

/** Analysed answers, by text: the same answer is scored against several criteria in a row. */
const answers = new Map<string, Sentence[]>();
const ANSWER_CACHE_SIZE = 64;
const expressions = new Map<string, Expression>();

/**
 * Rule references such as "3.r1" or "4.1.r2" read as one word: the sentence splitter would end a
 * sentence at their dot.
 */
const RULE_REFERENCE_DOT = /(\d)\.(?=r\d)/g;

function analyseAnswer(text: string): Sentence[] {
  let sentences = answers.get(text);
  if (!sentences) {
    const model = languageModel();
    sentences = analyse(model.readDoc(text.replace(RULE_REFERENCE_DOT, '$1-')), model);
    if (answers.size >= ANSWER_CACHE_SIZE) answers.delete(answers.keys().next().value!);
    answers.set(text, sentences);
  }
  return sentences;
}

function analyseExpression(text: string): Expression {
  let expression = expressions.get(text);
  if (!expression) {
    const model = languageModel();
    const doc = model.readDoc(text);
    const words: Expression['words'] = [];
    doc.tokens().each((t: ItemToken) => {
      if (NOT_WORDS.has(t.out(model.its.type))) return;
      words.push({ normal: t.out(model.its.normal), lemma: String(t.out(model.its.lemma as never)).toLowerCase() });
    });
    const typoTolerant =
      words.length === 1 && /^\p{L}+$/u.test(words[0]!.normal) && words[0]!.normal.length >= MIN_TYPO_LETTERS;
    expression = { words, typoTolerant };
    expressions.set(text, expression);
  }
  return expression;
}

/**
 * Whether two words are at most one edit apart: one letter inserted, deleted, replaced, or two
 * neighbours swapped.
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** The misspelt word, and the word without a plural or tense ending, for typo matching. */
function typoForms(normal: string): string[] {
  const forms = [normal];
  for (const ending of ['ing', 'ed', 'es', 's', 'd'])
    if (normal.endsWith(ending) && normal.length - ending.length >= MIN_TYPO_LETTERS - 1)
      forms.push(normal.slice(0, -ending.length));
  return forms;
}

function sameWord(word: Word, wanted: { normal: string; lemma: string }): boolean {
  return (
    word.lemma === wanted.lemma ||
    word.normal === wanted.normal ||
    word.lemma === wanted.normal ||
    word.normal === wanted.lemma
  );
}

function misspelt(word: Word, wanted: { normal: string; lemma: string }): boolean {
  if (!word.unknown) return false;
  return typoForms(word.normal).some((form) => withinOneEdit(form, wanted.normal) || withinOneEdit(form, wanted.lemma));
}

/** The mentions of an expression in a sentence: for each, whether it is negated. */
function mentions(sentence: Sentence, expression: Expression): boolean[] {
  const found: boolean[] = [];
  const { words } = expression;
  if (words.length === 0) return found;
  for (let start = 0; start + words.length <= sentence.words.length; start++) {
    let matches = true;
    for (let k = 0; k < words.length && matches; k++) {
      const word = sentence.words[start + k]!;
      if (k > 0 && word.breakBefore) matches = false;
      else if (!sameWord(word, words[k]!) && !(expression.typoTolerant && misspelt(word, words[k]!))) matches = false;
    }
    // A phrase that carries its own negation ("no longer current") is negated only from outside.
    if (matches) found.push(sentence.words[start]!.negated);
  }
  return found;
}

/**
 * Whether a `concepts` check holds for an answer text: every concept has a mention (of any of
 * its expressions) in a sentence that counts, a plain mention by default, a negated one with
 * `negated: true`.
 */
export function conceptsHold(check: ConceptsCheck, text: string): boolean {
  if (!text.trim()) return false;
  const sentences = analyseAnswer(text).filter((s) => s.counts);
  if (sentences.length === 0) return false;
  return check.concepts.every((alternatives) =>
    alternatives.some((alternative) => {
      const expression = analyseExpression(alternative);
      return sentences.some((sentence) => mentions(sentence, expression).some((negated) => negated === check.negated));
    }),
  );
}

/** The sentences of a text as the matcher reads them, and whether each counts (for authors and tests). */
export function readSentences(text: string): { text: string; counts: boolean }[] {
  return analyseAnswer(text).map(({ text, counts }) => ({ text, counts }));
}

/** Whether the language model has been loaded in this process (commands without `concepts` checks never load it). */
export function languageModelLoaded(): boolean {
  return nlp !== undefined;
}
