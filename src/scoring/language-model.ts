import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import v8 from 'node:v8';
import type { WinkMethods } from 'wink-nlp';
import { writeCacheFile } from '../content/cache-file.js';
import { checksumOf } from '../content/checksum.js';
import { languageModelFolder } from './model-folder.js';

/*
 * wink-nlp's English lite model, loaded in about a fifth of the time its package takes.
 *
 * The package's own loader reads a 3 MB JSON file, copies it whole (JSON.stringify, then parse),
 * decodes the lexicon from base64 byte by byte and builds a dictionary of its 87,000 words; with
 * the other parts that is about 300 ms on every run that scores a free-text answer. Here the same
 * data is built once into `<data folder>/cache/nlp/` (see model-folder.ts), kept as V8's
 * serialized form with the words in sorted order and a checksum, and looked up by binary search:
 * the words dictionary is never built. The model is the package's, unchanged: the other parts
 * (sentence boundaries, parts of speech, negation, lemmas) are its own files, and
 * test/scoring/language-model.test.ts compares the analysis of shipped texts with the package's
 * loader. One difference is on purpose: words met in one text are forgotten before the next (see
 * sortedDictionary). Anything unexpected (another layout of the package, a damaged cache file)
 * falls back to the package's loader, so a learner only ever loses speed.
 */

const MODEL = 'wink-eng-lite-web-model';
/** Bumped when the cached form changes, so an older cache file is never read as the new one. */
const CACHE_FORMAT = 2;
const CHECKSUM_BYTES = 4;
/**
 * New words a model may take ids for before a fresh one replaces it. wink-nlp packs a word's id
 * into as few as 20 bits beside other data (about a million ids); a text adds a few at most.
 */
const MAX_ADDED_WORDS = 500_000;

/**
 * The package's loader of its custom-entity part turns its data into JSON text in place, so each
 * call after the first returns that text quoted once more (a few calls exhaust memory): it is
 * called once per process, however many models are loaded (tests load several).
 */
let cerMeta: unknown;

/** The parts of the package's core model this loader touches (the rest is passed through). */
interface CoreModel {
  packing: { layout: Record<string, number[]>; efList?: string[] };
  features: Record<string, Feature>;
  pos: { hash: Record<string, number> };
  lexicon: string | Uint32Array;
  xpansions: string | Uint32Array;
}

interface Feature {
  list: unknown[];
  hash?: Record<string, number>;
  intrinsicSize?: number;
  index?: number;
  maxIndex?: number;
}

/** What is cached: the core model without its dictionaries, and the lexeme ids in word order. */
interface Prepared {
  core: CoreModel;
  order: Uint32Array;
}

/** A machine that recognises nothing, in the form wink-nlp's automaton imports (its `emptyModelJSON`). */
const EMPTY_MACHINE = JSON.stringify([100, 0, { 0: {} }, {}, {}, {}]);

let lastSource: 'prepared' | 'package' | undefined;
let started = 0;

/** Where the last model loaded came from: the prepared form, or the package's loader (a fallback). */
export const languageModelSource = () => lastSource;

/** How many models were started from the prepared form in this process (for tests). */
export const languageModelsStarted = () => started;

/**
 * Loads wink-nlp with the English model, the pipe qualify reads answers with. `maxAddedWords`
 * is for tests (see MAX_ADDED_WORDS).
 */
export function loadLanguageModel({ maxAddedWords = MAX_ADDED_WORDS } = {}): WinkMethods {
  const require = createRequire(import.meta.url);
  const winkNLP = require('wink-nlp') as typeof import('wink-nlp').default;
  const pipe = ['sbd', 'pos'] as const;
  try {
    const start = () => {
      const { model, forget, added } = fastModel(require, pipe);
      const instance = winkNLP(model, [...pipe]);
      started += 1;
      return { forget, added, instance, read: instance.readDoc.bind(instance) };
    };
    let current = start();
    const nlp = current.instance;
    nlp.readDoc = (text) => {
      // Forgotten words still take ids (see sortedDictionary); long before they could outgrow
      // the bits wink-nlp packs an id into, a new model takes over. Documents read before keep
      // the model they were read with.
      if (current.added() > maxAddedWords) current = start();
      current.forget();
      return current.read(text);
    };
    lastSource = 'prepared';
    return nlp;
  } catch {
    lastSource = 'package';
    return winkNLP(require(MODEL) as Parameters<typeof winkNLP>[0], [...pipe]);
  }
}

/** The model object the package's `dist/model.js` exports, with its core read from the prepared form. */
function fastModel(
  require: NodeJS.Require,
  pipe: readonly string[],
): {
  model: Parameters<typeof import('wink-nlp').default>[0];
  forget: () => void;
  added: () => number;
} {
  const root = path.dirname(require.resolve(`${MODEL}/package.json`));
  const { version } = require(`${MODEL}/package.json`) as { version: string };
  const part = (name: string) => require(path.join(root, 'dist', name)) as unknown;
  const prepared = preparedCore(root, version);
  const { core, forget } = withDictionaries(prepared);
  const addons = Object.create(null) as Record<string, unknown>;
  addons.stem = part('porter-stemmer.js');
  addons.lemmatize = part('lemmatize.js');
  addons.readabilityStats = part('readability-stats.js');
  addons.wordVectors = undefined;
  const model = Object.create(null) as Record<string, unknown>;
  model.core = () => core;
  model.sbd = part('load-sbd-model.js');
  model.pos = part('load-pos-model.js');
  // wink-nlp sets up the named-entity and sentiment machines whatever the pipe (about 575 KB of
  // JSON, parsed twice), though it only runs those the pipe names: left out of the pipe, they are
  // given as empty machines.
  model.ner = pipe.includes('ner') ? part('load-ner-model.js') : () => ({ machines: [], transformers: [] });
  model.negation = part('load-negation-model.js');
  model.sa = pipe.includes('sentiment')
    ? part('load-sa-model.js')
    : () => ({ machines: [EMPTY_MACHINE], setter: part('sa-setter.js') });
  cerMeta ??= (part('load-cer-meta-model.js') as () => unknown)();
  model.metaCER = () => cerMeta;
  model.featureFn = part('feature.js');
  model.addons = addons;
  const lexemes = core.features.lexeme!;
  const added = () => lexemes.list.length - lexemes.intrinsicSize!;
  return { model: model as unknown as Parameters<typeof import('wink-nlp').default>[0], forget, added };
}

/** The prepared core: from the cache when it holds this version's, else built (and cached). */
function preparedCore(root: string, version: string): Prepared {
  // The model file's size and time too: a package patched in place keeps its version number.
  const source = fs.statSync(coreModelFile(root));
  const name = [MODEL, version, source.size, Math.trunc(source.mtimeMs), 'v8', process.versions.v8, CACHE_FORMAT];
  const folder = languageModelFolder();
  const file = folder ? path.join(folder, `${name.join('-')}.bin`) : undefined;
  const cached = file ? readPrepared(file) : undefined;
  if (cached) return cached;
  const prepared = buildPrepared(root);
  if (file) {
    const payload = v8.serialize(prepared);
    const checksum = Buffer.alloc(CHECKSUM_BYTES);
    checksum.writeUInt32LE(checksumOf(payload));
    writeCacheFile(file, [checksum, payload]);
  }
  return prepared;
}

function readPrepared(file: string): Prepared | undefined {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return undefined;
  }
  if (bytes.length < CHECKSUM_BYTES) return undefined;
  const payload = bytes.subarray(CHECKSUM_BYTES);
  // A damaged or cut-off file is built again, never read as a model.
  if (checksumOf(payload) !== bytes.readUInt32LE(0)) return undefined;
  try {
    return v8.deserialize(payload) as Prepared;
  } catch {
    return undefined;
  }
}

/** The package's core model: its words, their features and how they are packed. */
const coreModelFile = (root: string) =>
  path.join(root, 'dist', 'languages', 'cur', 'models', 'eng-core-web-model.json');

/** What the package's read-core-model.js and load-core-model.js build, minus the dictionaries. */
function buildPrepared(root: string): Prepared {
  const core = JSON.parse(fs.readFileSync(coreModelFile(root), 'utf8')) as CoreModel;
  core.lexicon = wordsOf(core.lexicon);
  core.xpansions = wordsOf(core.xpansions);
  const clusters = core.features.posClusters!.list;
  for (let k = 0; k < clusters.length; k += 1)
    clusters[k] = new Set((clusters[k] as string).split('_').map((tag) => core.pos.hash[tag] || 0));
  const { layout } = core.packing;
  core.packing.efList = [];
  for (const name in layout) {
    const feature = core.features[name]!;
    if (layout[name]![3] === 0) {
      feature.intrinsicSize = feature.list.length;
      feature.index = feature.list.length;
      feature.maxIndex = layout[name]![1]! >>> layout[name]![2]!;
    }
    if (layout[name]![4] === 1) core.packing.efList.push(name);
  }
  const lexemes = core.features.lexeme!;
  lexemes.intrinsicSize = lexemes.list.length;
  lexemes.index = lexemes.list.length;
  const words = lexemes.list as string[];
  const order = Uint32Array.from(words.keys()).sort((a, b) =>
    words[a]! < words[b]! ? -1 : words[a]! > words[b]! ? 1 : 0,
  );
  // The package's dictionary keeps the last of two equal words; binary search could find either.
  for (let k = 1; k < order.length; k += 1)
    if (words[order[k]!] === words[order[k - 1]!]) throw new Error(`the model lists "${words[order[k]!]}" twice`);
  return { core, order };
}

/** Base64 of little-endian 32-bit words, as the package stores its lexicon. */
function wordsOf(base64: string | Uint32Array): Uint32Array {
  if (typeof base64 !== 'string') throw new Error('the model is already decoded');
  const bytes = Buffer.from(base64, 'base64');
  const words = new Uint32Array(bytes.length / 4);
  new Uint8Array(words.buffer).set(bytes);
  return words;
}

/**
 * The dictionaries wink-nlp reads (word -> id, and ids of new words it adds): small ones built
 * as the package builds them, the 87,000-word one answered by binary search over `order`.
 */
function withDictionaries({ core, order }: Prepared): { core: CoreModel; forget: () => void } {
  const { layout } = core.packing;
  for (const name in layout) {
    if (layout[name]![3] !== 0 || name === 'lexeme') continue;
    const feature = core.features[name]!;
    const hash = Object.create(null) as Record<string, number>;
    for (let k = 0; k < feature.list.length; k += 1) hash[feature.list[k] as string] = k;
    feature.hash = hash;
  }
  const { dictionary, forget } = sortedDictionary(core.features.lexeme!.list as string[], order);
  core.features.lexeme!.hash = dictionary;
  return { core, forget };
}

/**
 * `words[id] -> id` for the words in `order`, the model's own, plus the words wink-nlp adds while
 * it reads one text (ones the model does not know). `forget` drops those: with the package's
 * loader, once "user's" has been met whole (say in quotes) it is never again split into "user" +
 * "'s", so how an answer read depended on the answers read before it in the same run. Forgotten
 * before every text, each one is read against the model as shipped: the same answer always
 * earns the same verdict.
 */
function sortedDictionary(
  words: readonly string[],
  order: Uint32Array,
): { dictionary: Record<string, number>; forget: () => void } {
  const added = new Map<string, number>();
  const find = (word: string): number | undefined => {
    let low = 0;
    let high = order.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const id = order[middle]!;
      const here = words[id]!;
      if (here === word) return id;
      if (here < word) low = middle + 1;
      else high = middle - 1;
    }
    return added.get(word);
  };
  // wink-nlp keeps each new word's details on a list of its own, by id; a word forgotten and met
  // again gets a new id with the same details.
  const dictionary = new Proxy(Object.create(null) as Record<string, number>, {
    get: (_target, key) => (typeof key === 'string' ? find(key) : undefined),
    set: (_target, key, value: number) => {
      if (typeof key === 'string') added.set(key, value);
      return true;
    },
  });
  return { dictionary, forget: () => added.clear() };
}
