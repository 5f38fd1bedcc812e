// wink-nlp's `its.*` helpers are plain functions meant to be passed to `out()`.
/* eslint-disable @typescript-eslint/unbound-method */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { WinkMethods } from 'wink-nlp';
import YAML from 'yaml';
import { languageModelSource, languageModelsStarted, loadLanguageModel } from '../../src/scoring/language-model.js';
import { keepLanguageModelIn } from '../../src/scoring/model-folder.js';
import { tempTree } from '../helpers.js';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(import.meta.dirname, '..', '..');

/**
 * The package's own loader, a fresh model each call: one that has read nothing yet. (Its
 * custom-entity part is taken once: the package turns it into JSON text again on every call.)
 */
const packageModel = (() => {
  const winkNLP = require('wink-nlp') as typeof import('wink-nlp').default;
  const model = require('wink-eng-lite-web-model') as Record<string, () => unknown>;
  const cerMeta = model.metaCER!();
  const once = { ...model, metaCER: () => cerMeta } as unknown as Parameters<typeof winkNLP>[0];
  return (): WinkMethods => winkNLP(once, ['sbd', 'pos']);
})();

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
  const tokens = doc.tokens();
  const its = nlp.its;
  return {
    sentences: doc.sentences().out(),
    tokens: doc
      .tokens()
      .out(its.normal)
      .map((normal, i) => [
        normal,
        ...[its.lemma as never, its.pos, its.type, its.negationFlag].map((property) => tokens.itemAt(i).out(property)),
        doc.isOOV(normal),
      ]),
  };
}

describe("the fast loader of wink-nlp's English model", () => {
  const folder = tempTree();
  afterAll(() => keepLanguageModelIn(undefined));
  const texts = [...AWKWARD, ...shippedTexts()];
  /**
   * The package's loader reads a text differently once it has met some of its words in earlier
   * texts: the texts whose second reading by one model differs from the first, and a spread of
   * the others.
   */
  const sample = (() => {
    const nlp = packageModel();
    const first = texts.map((text) => JSON.stringify(analysis(nlp, text)));
    const changed = texts.filter((text, i) => JSON.stringify(analysis(nlp, text)) !== first[i]);
    return { changed, checked: [...changed.slice(0, 10), ...texts.filter((_, i) => i % 200 === 0)] };
  })();

  it('reads each text as a fresh package model does, whatever it read before, built fresh and from its cache', () => {
    expect(texts.length).toBeGreaterThan(1000);
    // Without texts whose reading depends on what came before, half of this test would be empty.
    expect(sample.changed.length).toBeGreaterThan(0);
    keepLanguageModelIn(folder);
    const built = loadLanguageModel();
    expect(languageModelSource()).toBe('prepared');
    expect(fs.readdirSync(folder).filter((f) => f.endsWith('.bin'))).toHaveLength(1);
    const cached = loadLanguageModel();
    expect(languageModelSource()).toBe('prepared');
    const fresh = sample.checked.map((text) => analysis(packageModel(), text));
    for (const nlp of [built, cached]) {
      const once = texts.map((text) => analysis(nlp, text));
      // Every text, read again after all the others, reads the same.
      expect(texts.map((text) => analysis(nlp, text))).toEqual(once);
      expect(sample.checked.map((text) => analysis(nlp, text))).toEqual(fresh);
    }
  });

  it('reads as a fresh model after taking a new model for the words it had to number', () => {
    keepLanguageModelIn(folder);
    // Words no model knows, many per text: the limit is passed every few texts.
    const invented = Array.from(
      { length: 12 },
      (_, t) =>
        Array.from({ length: 16 }, (_, w) => `zorb${t}x${w}quee`).join(' ') + " and the user's answer is not stale.",
    );
    const nlp = loadLanguageModel({ maxAddedWords: 40 });
    const before = languageModelsStarted();
    const early = nlp.readDoc(invented[0]!);
    const expected = invented.map((text) => analysis(packageModel(), text));
    expect(invented.map((text) => analysis(nlp, text))).toEqual(expected);
    expect(languageModelsStarted() - before).toBeGreaterThanOrEqual(4);
    // A document read before a new model took over still reads as it did.
    expect(early.tokens().out(nlp.its.normal)).toEqual(nlp.readDoc(invented[0]!).tokens().out(nlp.its.normal));
  });

  it('builds the model again, with the same readings, when its cache file is damaged', () => {
    keepLanguageModelIn(folder);
    const some = texts.slice(0, 200);
    const first = loadLanguageModel();
    const expected = some.map((text) => analysis(first, text));
    const [name] = fs.readdirSync(folder).filter((f) => f.endsWith('.bin'));
    const file = path.join(folder, name!);
    const bytes = fs.readFileSync(file);
    bytes[bytes.length >> 1] ^= 0xff;
    fs.writeFileSync(file, bytes);
    const nlp = loadLanguageModel();
    expect(languageModelSource()).toBe('prepared');
    expect(some.map((text) => analysis(nlp, text))).toEqual(expected);
    // The damaged file was replaced by a good one.
    expect(fs.readFileSync(file).equals(bytes)).toBe(false);
    fs.writeFileSync(file, bytes.subarray(0, 1000));
    const again = loadLanguageModel();
    expect(languageModelSource()).toBe('prepared');
    expect(some.map((text) => analysis(again, text))).toEqual(expected);
  });
});
