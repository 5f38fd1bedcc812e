#!/usr/bin/env node
// A deterministic corpus of question banks of any size, for the benchmarks (and their smoke test).
// Every question is a shipped question (all ten types occur) with a new id and its prompt
// lengthened by a sentence of pseudo-words drawn from a seeded generator, so two copies of one
// question never read as near-duplicates and the same arguments always write the same files.
// Banks refer to the shipped guidelines, which are always on the search path.
//
// Usage: node bench/corpus.mjs --out <dir> [--questions 10000] [--files 1] [--seed 1]
//   one file: every question copies the shipped code-math bank (it has every question type);
//   several files: they take turns over the shipped banks.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, isScalar, parse, visit } from 'yaml';
// The exam's own seeded generator (built to dist/ before any benchmark runs).
import { seededRandom } from '../dist/exam/draw.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SHIPPED = path.join(ROOT, 'question-banks');
const ALL_TYPES_BANK = 'code-math-evaluation';

const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ten',
  'ra',
  'vos',
  'pel',
  'du',
  'sin',
  'qua',
  'bor',
  'ne',
  'ti',
  'zam',
  'ful',
  'gre',
  'ho',
  'wen',
  'ix',
  'cal',
];

const clip = (text) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);
const firstSentence = (text) => /^.*?[.!?](\s|$)/s.exec(text)?.[0].trim() ?? text;

/** The shipped banks, parsed, keyed by their folder name; questions with media are left out. */
export function shippedBanks() {
  const banks = new Map();
  for (const folder of fs.readdirSync(SHIPPED).sort()) {
    const dir = path.join(SHIPPED, folder);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.yaml'))) {
      const bank = parse(fs.readFileSync(path.join(dir, name), 'utf8'));
      bank.questions = bank.questions.filter((q) => !q.media);
      banks.set(folder, bank);
    }
  }
  return banks;
}

/**
 * One compact question per type of the bank: shipped questions are long (code, explanations,
 * feedback per choice); compact copies keep a 10,000-question bank under 4 MB, the
 * loader's 4 MB limit per file.
 */
function templatesOf(bank) {
  const byType = new Map();
  for (const original of bank.questions) {
    const { explanation, ...question } = original;
    question.prompt = clip(firstSentence(question.prompt));
    if (!question.rubric) delete question.model_answer;
    if (typeof question.context === 'string') question.context = clip(question.context);
    else if (question.context) question.context = clip(Object.values(question.context).join(' '));
    if (question.rubric)
      question.rubric = question.rubric.map((c) =>
        c.check?.any
          ? { ...c, text: clip(c.text), check: { any: c.check.any.slice(0, 1) } }
          : { ...c, text: clip(c.text) },
      );
    for (const key of ['options', 'items'])
      if (question[key])
        question[key] = question[key].map(({ feedback, ...choice }) => ({ ...choice, text: clip(choice.text) }));
    const size = JSON.stringify(question).length;
    if (!byType.has(question.type) || size < byType.get(question.type).size)
      byType.set(question.type, { question, size });
  }
  // Every type occurs; the four most compact ones three times as often.
  const bySize = [...byType.values()].sort((a, b) => a.size - b.size).map((t) => t.question);
  return [...bySize, ...bySize.slice(0, 4), ...bySize.slice(0, 4)];
}

/**
 * Writes `files` bank files holding `questions` questions in all under `out`, and returns their
 * paths and bank ids.
 */
export function writeCorpus({ out, questions, files = 1, seed = 1 }) {
  const next = seededRandom(seed);
  const vocabulary = Array.from({ length: 4000 }, () => {
    const n = 2 + Math.floor(next() * 3);
    return Array.from({ length: n }, () => SYLLABLES[Math.floor(next() * SYLLABLES.length)]).join('');
  });
  const sentence = (words) =>
    Array.from({ length: words }, () => vocabulary[Math.floor(next() * vocabulary.length)]).join(' ');
  const shipped = shippedBanks();
  const sources = (files === 1 ? [shipped.get(ALL_TYPES_BANK)] : [...shipped.values()]).map((bank) => ({
    ...bank,
    templates: templatesOf(bank),
  }));
  fs.mkdirSync(out, { recursive: true });
  const written = [];
  let made = 0;
  for (let f = 0; f < files; f++) {
    const source = sources[f % sources.length];
    const count = Math.floor(questions / files) + (f < questions % files ? 1 : 0);
    const id = files === 1 ? `bench-${questions}` : `bench-${String(f + 1).padStart(4, '0')}`;
    const bank = {
      kind: 'bank',
      id,
      title: `Benchmark bank ${f + 1} (${source.title})`,
      guideline: source.guideline,
      version: '1.0.0',
      exam: { ...source.exam, draw: Math.min(50, count) },
      questions: Array.from({ length: count }, (_, q) => {
        const template = source.templates[q % source.templates.length];
        return {
          ...template,
          id: `q${++made}`,
          prompt: `${template.prompt} (${sentence(4 + Math.floor(next() * 4))})`,
        };
      }),
    };
    delete bank.exam.retake;
    const file = path.join(out, `${id}.yaml`);
    // Small lists and mappings of plain values in flow style (`sections: ["1", "2.3"]`).
    const doc = new Document(bank, { aliasDuplicateObjects: false });
    visit(doc, {
      Seq: (_, node) => void (node.flow = node.items.every(isScalar)),
      Map: (_, node) => void (node.flow = node.items.length <= 4 && node.items.every((pair) => isScalar(pair.value))),
    });
    fs.writeFileSync(file, doc.toString({ lineWidth: 0, flowCollectionPadding: false }));
    written.push({ file, id });
  }
  return written;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name, fallback) => {
    const at = process.argv.indexOf(`--${name}`);
    return at === -1 ? fallback : process.argv[at + 1];
  };
  const out = arg('out');
  if (!out) {
    process.stderr.write('usage: node bench/corpus.mjs --out <dir> [--questions 10000] [--files 1] [--seed 1]\n');
    process.exit(2);
  }
  const written = writeCorpus({
    out: path.resolve(out),
    questions: Number(arg('questions', 10000)),
    files: Number(arg('files', 1)),
    seed: Number(arg('seed', 1)),
  });
  process.stdout.write(`wrote ${written.length} bank file(s) to ${out}\n`);
}
