#!/usr/bin/env node
// The naive test-wise taker (issue 11): answers every question of every shipped bank (`--all`)
// without reading it: always false on true-false, the longest option on single-choice, every
// option on multi-select, the middle of the scale on rating/preference, the items as listed on
// ranking, the first label for every item on label-each, a comma-separated list of the rubric's
// expressions on free-text (and as the rationale wherever a rubric reads one), nothing on
// short-answer/numeric. A bank passes at or under 40% of its points, and every free-text
// keyword list must earn under half of what the model answer earns.
// Usage: npm run naive [-- [bank-id...] [--summary]]   (exit 1 when a bank or a question fails)
// Runs on the built code (dist/), so build first (npm run naive does).
import { SHIPPED_CONTENT_DIRS } from '../dist/content/discover.js';
import { loadContent } from '../dist/library/load.js';
import { KEYWORD_LIMIT, NAIVE_LIMIT, keywordListHeldOff, takeNaively } from '../dist/scoring/naive.js';

const args = process.argv.slice(2);
const summaryOnly = args.includes('--summary');
const wanted = args.filter((a) => !a.startsWith('--'));

const content = loadContent(SHIPPED_CONTENT_DIRS);
const errors = content.diagnostics.filter((d) => d.severity === 'error');
if (errors.length) {
  for (const d of errors) console.error(`${d.file}:${d.line}:${d.column} ${d.message}`);
  console.error('The shipped content has errors (see above); fix them first (qualify lint).');
  process.exit(2);
}
const banks = [...content.banks.values()].filter((b) => wanted.length === 0 || wanted.includes(b.bank.id));
if (wanted.length && banks.length !== wanted.length) {
  const known = new Set(banks.map((b) => b.bank.id));
  console.error(`No shipped bank ${wanted.filter((w) => !known.has(w)).join(', ')}`);
  process.exit(2);
}

const round = (n) => Math.round(n * 100) / 100;
const pad = (s, n) => (s.length >= n ? `${s.slice(0, n - 1)}… ` : s.padEnd(n + 1));
let failures = 0;
const summary = [];

for (const resolved of banks.sort((a, b) => a.bank.id.localeCompare(b.bank.id))) {
  const result = takeNaively(resolved);
  const leaky = result.questions.filter((q) => !keywordListHeldOff(q));
  const ok = result.percent <= NAIVE_LIMIT && leaky.length === 0;
  if (!ok) failures++;
  const verdict = ok
    ? 'ok'
    : [
        result.percent > NAIVE_LIMIT ? `FAIL: over ${NAIVE_LIMIT}%` : '',
        leaky.length ? `FAIL: ${leaky.length} keyword list(s) earn half or more of the model answer` : '',
      ]
        .filter(Boolean)
        .join('; ');
  const line = `${result.bankId}: naive taker scores ${result.percent.toFixed(1)}% (${round(result.earned)} of ${round(result.max)} points)  ${verdict}`;
  summary.push(line);
  if (summaryOnly) continue;
  console.log(line);
  // Where the points come from, per question type (the strategy that leaks most shows first).
  const byType = new Map();
  for (const q of result.questions) {
    const t = byType.get(q.type) ?? { earned: 0, max: 0 };
    byType.set(q.type, { earned: t.earned + q.earned, max: t.max + q.max });
  }
  const leaks = [...byType]
    .sort((a, b) => b[1].earned - a[1].earned)
    .map(([type, t]) => `${type} ${round(t.earned)}/${round(t.max)}`);
  console.log(`  by type: ${leaks.join(', ')}`);
  console.log(`  ${pad('question', 22)}${pad('type', 14)}${pad('answered', 26)}${pad('points', 10)}model answer`);
  for (const q of result.questions) {
    const model =
      q.modelEarned === undefined
        ? ''
        : `${round(q.modelEarned)}${keywordListHeldOff(q) ? '' : `  FAIL: keywords earn >= ${KEYWORD_LIMIT * 100}%`}`;
    const mark = q.earned > 0 ? ' <' : '';
    console.log(
      `  ${pad(q.questionId, 22)}${pad(q.type, 14)}${pad(q.answered, 26)}${pad(`${round(q.earned)}/${round(q.max)}${mark}`, 10)}${model}`,
    );
  }
  console.log('');
}
if (!summaryOnly) console.log('Summary ("<" marks a question that gave the naive taker points):');
for (const line of summary) console.log(line);
process.exit(failures ? 1 : 0);
