#!/usr/bin/env node
// Benchmarks for the paths a user waits on: loading every shipped guideline and bank (every
// command does this first), scoring whole attempts, and writing answers to a real SQLite file.
// Run with `npm run bench` (it builds first). Prints the median of several runs; the targets
// below are what a beginner on a modest laptop should never notice.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { SHIPPED_CONTENT_DIRS } from '../dist/content/discover.js';
import { loadContent } from '../dist/content/load.js';
import { keyResponse } from '../dist/cli/commands/key.js';
import { scoreAttempt } from '../dist/scoring/attempt.js';
import { normalizeResponse } from '../dist/scoring/response.js';
import { rubricPatternMatches } from '../dist/content/regex.js';
import { openDatabase } from '../dist/store/db.js';
import { AttemptStore } from '../dist/store/attempts.js';

function median(runs, fn) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const results = [];
function bench(name, runs, targetMs, fn) {
  const ms = median(runs, fn);
  results.push({ name, ms: Math.round(ms * 10) / 10, targetMs, ok: ms <= targetMs });
}

let content;
bench('load all shipped content (parse, validate, resolve)', 7, 1500, () => {
  content = loadContent(SHIPPED_CONTENT_DIRS);
});

const banks = [...content.banks.values()];
const questionCount = banks.reduce((n, b) => n + b.bank.questions.length, 0);
bench(`score every shipped bank with its key, 50 times (${questionCount} questions each time)`, 5, 2000, () => {
  for (let i = 0; i < 50; i++) {
    for (const resolved of banks) {
      const responses = new Map(resolved.bank.questions.map((q) => [q.id, normalizeResponse(keyResponse(q))]));
      scoreAttempt(resolved, resolved.bank.questions, responses);
    }
  }
});

// A shared bank's worst case: a pattern that backtracks exponentially on an ordinary engine.
bench('match (a|a)*b against a crafted 20,000-character answer, 100 times', 3, 2000, () => {
  for (let i = 0; i < 100; i++) rubricPatternMatches('(a|a)*b', `${'a'.repeat(19_999)}!`);
});

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qualify-bench-'));
const db = openDatabase(path.join(dir, 'bench.db'));
const store = new AttemptStore(db);
bench('save 200 answers, each in its own durable transaction', 3, 5000, () => {
  const id = store.start({ bankId: 'b', bankTitle: 'B', bankVersion: '1', bankFile: 'f', guidelineId: 'g', mode: 'practice', seed: 1, questionIds: [], startedAt: Date.now() });
  for (let i = 0; i < 200; i++) store.saveAnswer(id, { questionId: `q${i}`, response: { answer: 'a', self: [] }, answeredAt: Date.now(), flagged: false });
});
db.close();
fs.rmSync(dir, { recursive: true, force: true });

// Whole commands as a user starts them: the first run reads every file, later runs reuse the
// content cache in $QUALIFY_HOME/cache.
const bin = fileURLToPath(new URL('../bin/qualify.js', import.meta.url));
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'qualify-bench-home-'));
const qualify = (...args) => spawnSync(process.execPath, [bin, ...args], { env: { ...process.env, QUALIFY_HOME: home }, stdio: 'ignore' });
bench('qualify --help', 5, 400, () => qualify('--help'));
bench('qualify list, first run (empty cache)', 1, 3000, () => qualify('list'));
bench('qualify list, later runs (warm cache)', 5, 800, () => qualify('list'));
fs.rmSync(home, { recursive: true, force: true });

for (const r of results) console.log(`${r.ok ? 'ok  ' : 'SLOW'}  ${String(r.ms).padStart(8)} ms  (target ${r.targetMs} ms)  ${r.name}`);
process.exitCode = results.every((r) => r.ok) ? 0 : 1;
