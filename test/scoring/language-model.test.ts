// wink-nlp's `its.*` helpers are plain functions meant to be passed to `out()`.
/* eslint-disable @typescript-eslint/unbound-method */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { WinkMethods } from 'wink-nlp';
import YAML from 'yaml';
import { keepLanguageModelIn, languageModelSource, loadLanguageModel } from '../../src/scoring/language-model.js';
import { tempTree } from '../helpers.js';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** The package's own loader, as wink-nlp's documentation uses it. */
function packageModel(): WinkMethods {
  const winkNLP = require('wink-nlp') as typeof import('wink-nlp').default;
  return winkNLP(require('wink-eng-lite-web-model') as Parameters<typeof winkNLP>[0], ['sbd', 'pos']);
}

/** Every piece of text in the shipped guidelines and banks: prompts, options, rubrics, examples. */
function shippedTexts(): string[] {
  const texts: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string') {
      if (/\s/.test(value)) texts.push(value);
    } else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  const walk = (folder: string): void => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith('.yaml')) collect(YAML.parse(fs.readFileSync(file, 'utf8')));
    }
  };
  walk(path.join(ROOT, 'guidelines'));
  walk(path.join(ROOT, 'question-banks'));
  return texts;
}

// Words a plain object would answer for (its prototype's), words the model does not know,
// contractions, negations, numbers, symbols: the lookups a hand-built dictionary could get wrong.
const AWKWARD = [
  'constructor toString __proto__ hasOwnProperty valueOf prototype length',
  "The answer isn't wrong, but it doesn't cite the guideline; it can't be rated Highly Meets.",
  'Qwertyzzle frobnicates the snarkiest blorps, and the blorps were frobnicated twice.',
  'Never say never: no, not, none, nobody, neither, nor, without.',
  'Rated 4/5 on 2026-12-06 at 13:45 — €20, 50%, #tag, @user, https://example.com/a?b=1, a.b@c.de 🙂',
  'ÉCOLE über naïve façade Ångström; 東京 and Ελληνικά too.',
  'Lemmas: was, were, better, best, children, mice, ran, running, studies, studied.',
];

/** What qualify reads of a text: its sentences; per word the normal form, lemma, tag, type, negation, known or not. */
function analysis(nlp: WinkMethods, text: string): unknown {
  const doc = nlp.readDoc(text);
  const its = nlp.its;
  return {
    sentences: doc.sentences().out(),
    tokens: doc
      .tokens()
      .out()
      .map((_, i) => {
        const token = doc.tokens().itemAt(i);
        const normal = token.out(its.normal);
        return [
          normal,
          token.out(its.lemma as never),
          token.out(its.pos),
          token.out(its.type),
          token.out(its.negationFlag),
          doc.isOOV(normal),
        ];
      }),
  };
}

describe("the fast loader of wink-nlp's English model", () => {
  const folder = tempTree();
  afterAll(() => keepLanguageModelIn(undefined));
  const texts = [...AWKWARD, ...shippedTexts()];
  // wink-nlp remembers the words it met, and a second reading of the same texts can differ from
  // the first (it does at text 1183 or so): both readings are compared.
  const expected = (() => {
    const nlp = packageModel();
    return [0, 1].map(() => texts.map((text) => analysis(nlp, text)));
  })();

  it('reads every shipped text and awkward word as the package loader does, built fresh and from its cache', () => {
    expect(texts.length).toBeGreaterThan(1000);
    keepLanguageModelIn(folder);
    const built = loadLanguageModel();
    expect(languageModelSource()).toBe('prepared');
    expect(fs.readdirSync(folder).filter((f) => f.endsWith('.bin'))).toHaveLength(1);
    const cached = loadLanguageModel();
    expect(languageModelSource()).toBe('prepared');
    for (const nlp of [built, cached])
      for (const reading of expected) expect(texts.map((text) => analysis(nlp, text))).toEqual(reading);
  });

  it('builds the model again, with the same readings, when its cache file is damaged', () => {
    keepLanguageModelIn(folder);
    loadLanguageModel();
    const [name] = fs.readdirSync(folder).filter((f) => f.endsWith('.bin'));
    const file = path.join(folder, name!);
    const bytes = fs.readFileSync(file);
    bytes[bytes.length >> 1] ^= 0xff;
    fs.writeFileSync(file, bytes);
    const nlp = loadLanguageModel();
    expect(languageModelSource()).toBe('prepared');
    expect(texts.slice(0, 200).map((text) => analysis(nlp, text))).toEqual(expected[0]!.slice(0, 200));
    // The damaged file was replaced by a good one.
    expect(fs.readFileSync(file).equals(bytes)).toBe(false);
    fs.writeFileSync(file, bytes.subarray(0, 1000));
    expect(texts.slice(0, 200).map((text) => analysis(loadLanguageModel(), text))).toEqual(expected[0]!.slice(0, 200));
    expect(languageModelSource()).toBe('prepared');
  });
});
