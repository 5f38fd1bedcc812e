#!/usr/bin/env node
// Whole-process benchmarks at a study group's scale, each compared in the same run with a bare
// `node -e 0` (and `lint` with `ajv-cli validate` on the same files). Writes bench/RESULTS.md:
// median, min-max, ratio, peak RSS (GNU time), machine and date. Exit 1 when a target fails.
//
//   npm run bench                       the full table (a few minutes; builds first)
//   node bench/run.js --smoke           tiny sizes, two runs each, no RESULTS.md (CI and tests)
//   node bench/run.js --runs 15         more runs per row
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import YAML from 'yaml';
import { writeCorpus } from './corpus.mjs';
import { MAX_BANK_BYTES, MAX_CONTENT_BYTES } from '../dist/content/parse.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'qualify.js');
const AJV = path.join(ROOT, 'node_modules', 'ajv-cli', 'dist', 'index.js');
const smoke = process.argv.includes('--smoke');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg === -1 ? (smoke ? 2 : 9) : Number(process.argv[runsArg + 1]);
const SIZE = smoke
  ? { big: 200, huge: 400, library: 20, lintFiles: 10, lintQuestions: 300, attempts: 20 }
  : { big: 10_000, huge: 100_000, library: 500, lintFiles: 100, lintQuestions: 10_000, attempts: 1000 };
const TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'qualify-bench-'));
const home = path.join(work, 'home');
const env = { ...process.env, QUALIFY_HOME: home, NO_COLOR: '1' };
delete env.QUALIFY_NOW;

/** Runs a command once; returns its wall time in ms (and its peak RSS in MB under GNU time). */
function once(argv, { rss = false, check = true } = {}) {
  const command = rss && TIME ? [TIME, '-f', '%M', ...argv] : argv;
  const start = process.hrtime.bigint();
  const result = spawnSync(command[0], command.slice(1), { env, cwd: work, encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (check && result.status !== 0 && result.status !== 1)
    throw new Error(`${argv.join(' ')} exited ${result.status}: ${result.stderr.slice(0, 500)}`);
  const rssMb = rss && TIME ? Number(result.stderr.trim().split('\n').pop()) / 1024 : undefined;
  return { ms, rssMb, result };
}

const summary = (times) => {
  const sorted = [...times].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted.at(-1) };
};

/**
 * Median, min and max of RUNS timed runs (after one untimed warm-up), plus one run for peak RSS.
 * With `alongside` (the row's yardstick), each run of the command is followed by one of the
 * yardstick, and the ratio is taken between the two medians: this shared machine's speed drifts
 * by tens of percent within minutes, and a yardstick timed at another moment would carry the
 * drift into the ratio.
 */
function measure(argv, { before, warmup = true, alongside } = {}) {
  if (warmup) {
    before?.();
    once(argv);
    if (alongside) once(alongside);
  }
  const times = [];
  const yardstick = [];
  for (let i = 0; i < RUNS; i++) {
    before?.();
    times.push(once(argv).ms);
    if (alongside) yardstick.push(once(alongside).ms);
  }
  before?.();
  const { rssMb } = once(argv, { rss: true });
  return { ...summary(times), rssMb, yardstick: alongside ? summary(yardstick) : undefined };
}

const qualify = (...args) => [process.execPath, BIN, ...args];
const rows = [];
const row = (name, m, { vs, vsName, target, rssLimit, note }) => {
  // The yardstick timed alongside the row when there is one (see measure), else the one given.
  const yardstick = m.yardstick ?? vs;
  const ratio = m.median / yardstick.median;
  const ok =
    (target === undefined || ratio <= target) &&
    (rssLimit === undefined || m.rssMb === undefined || m.rssMb <= rssLimit);
  rows.push({ name, ...m, ratio, vsName, vsMedian: m.yardstick?.median, target, rssLimit, ok, note });
  process.stderr.write(
    `${ok ? 'ok  ' : 'MISS'} ${name}: ${m.median.toFixed(0)} ms, ${ratio.toFixed(2)}x ${vsName}${m.rssMb ? `, ${m.rssMb.toFixed(0)} MB` : ''}\n`,
  );
};

// --- the corpus -----------------------------------------------------------------------------
const bigDir = path.join(work, 'big');
const [big] = writeCorpus({ out: bigDir, questions: SIZE.big, files: 1 });
// Longer shipped questions make the corpus longer too: a bank over the per-file limit would be
// refused, and every exam row would time the refusal.
if (fs.statSync(big.file).size > MAX_CONTENT_BYTES)
  throw new Error(`${big.file} is over the ${MAX_CONTENT_BYTES} byte limit per content file; shorten bench/corpus.mjs`);
// Ten times as many questions (about 40 MB): over MAX_CONTENT_BYTES, so it is read one question at a time.
const hugeDir = path.join(work, 'huge');
const [huge] = writeCorpus({ out: hugeDir, questions: SIZE.huge, files: 1 });
if (fs.statSync(huge.file).size > MAX_BANK_BYTES)
  throw new Error(`${huge.file} is over the ${MAX_BANK_BYTES} byte limit for a bank; shorten bench/corpus.mjs`);
const libraryDir = path.join(work, 'library');
writeCorpus({ out: libraryDir, questions: SIZE.library * 10, files: SIZE.library, seed: 2 });
const lintDir = path.join(work, 'lint');
writeCorpus({ out: lintDir, questions: SIZE.lintQuestions, files: SIZE.lintFiles, seed: 3 });

// Answers to the 50 questions the seeded draw picks, from the big bank's key: a first run with an
// empty answers file lists the drawn questions (all unanswered) among its mistakes.
/** The exam of `bank` with an answers file holding the key's answers to the questions it draws. */
function examWithKey(bank, name) {
  const answersFile = path.join(work, `${name}.yaml`);
  fs.writeFileSync(answersFile, '{}\n');
  const argv = qualify('exam', bank.file, '--answers', answersFile, '--json', '--practice', '--seed', '7');
  const drawn = JSON.parse(once(argv).result.stdout).mistakes.map((m) => m.questionId);
  const key = YAML.parse(once(qualify('key', bank.file)).result.stdout);
  fs.writeFileSync(answersFile, YAML.stringify(Object.fromEntries(drawn.map((id) => [id, key[id]]))));
  return argv;
}
const exam = examWithKey(big, 'answers');
const examHuge = examWithKey(huge, 'answers-huge');
fs.rmSync(home, { recursive: true, force: true });

// --- rows -------------------------------------------------------------------------------------
const nodeArgv = [process.execPath, '-e', '0'];
const node = measure(nodeArgv);
rows.push({ name: '`node -e 0` (the yardstick)', ...node, ratio: 1, vsName: 'itself', ok: true });

row('`qualify --help`', measure(qualify('--help'), { alongside: nodeArgv }), {
  vs: node,
  vsName: '`node -e 0`',
  target: 1.3,
});
row('`qualify --version`', measure(qualify('--version'), { alongside: nodeArgv }), {
  vs: node,
  vsName: '`node -e 0`',
  target: 1.3,
});

const examWarm = measure(exam, { alongside: nodeArgv });
row(`\`exam <bank> --answers <50> --json\`, ${SIZE.big.toLocaleString('en')} questions, warm`, examWarm, {
  vs: node,
  vsName: '`node -e 0`',
  target: 2,
});
// Before each run one question of the bank is edited (its prompt gains a new number), as an
// author working on a big bank does: the bank's cache entry no longer matches.
const original = fs.readFileSync(big.file, 'utf8');
let edits = 0;
const edit = () => {
  const text = original.replace(/^( +prompt: "?)/m, (start) => `${start}(edit ${++edits}) `);
  if (text === original) throw new Error(`no prompt to edit in ${big.file}`);
  fs.writeFileSync(big.file, text);
};
row('same, first run after one question of the bank was edited', measure(exam, { before: edit, alongside: nodeArgv }), {
  vs: node,
  vsName: '`node -e 0`',
  target: 6,
});
fs.writeFileSync(big.file, original);

// measure()'s untimed warm-up reads the 40 MB bank one question at a time (about 40 s); every
// timed run reads it as remembered.
row(`same on a ${SIZE.huge.toLocaleString('en')}-question bank`, measure(examHuge, { alongside: exam }), {
  vs: examWarm,
  vsName: `the ${SIZE.big.toLocaleString('en')} figure`,
  target: 8,
  rssLimit: 250,
});

const list = qualify('list', '--content', libraryDir);
row(`\`list\` with ${SIZE.library} bank files, warm`, measure(list, { alongside: nodeArgv }), {
  vs: node,
  vsName: '`node -e 0`',
  target: 2,
});

const ajv = [
  process.execPath,
  AJV,
  'validate',
  '-s',
  path.join(ROOT, 'src/content/schema/bank.schema.json'),
  '-d',
  path.join(lintDir, '*.yaml'),
  '--strict=false',
  '--all-errors',
];
const ajvRun = measure(ajv, { alongside: nodeArgv });
rows.push({
  name: `\`ajv-cli validate\`, ${SIZE.lintQuestions.toLocaleString('en')} questions in ${SIZE.lintFiles} files (yardstick)`,
  ...ajvRun,
  ratio: ajvRun.median / ajvRun.yardstick.median,
  vsName: '`node -e 0`',
  vsMedian: ajvRun.yardstick.median,
  ok: true,
});
const lintMany = measure(qualify('lint', lintDir), { alongside: ajv });
row(`\`lint\`, ${SIZE.lintQuestions.toLocaleString('en')} questions in ${SIZE.lintFiles} files, all rules`, lintMany, {
  vs: ajvRun,
  vsName: '`ajv-cli validate`',
  target: 1,
  rssLimit: 200,
});
// The row above is lint as a study group runs it again and again: files unchanged since they
// loaded cleanly come from the cache. This one is lint on a fresh data folder, every file parsed.
const lintCold = measure(qualify('lint', lintDir), {
  before: () => fs.rmSync(path.join(home, 'cache'), { recursive: true, force: true }),
  alongside: ajv,
});
rows.push({
  name: `\`lint\`, the same files, nothing cached (a fresh data folder)`,
  ...lintCold,
  ratio: lintCold.median / lintCold.yardstick.median,
  vsName: '`ajv-cli validate`',
  vsMedian: lintCold.yardstick.median,
  ok: true,
});
row(
  `\`lint\`, one ${SIZE.big.toLocaleString('en')}-question bank`,
  measure(qualify('lint', bigDir), { alongside: qualify('lint', lintDir) }),
  {
    vs: lintMany,
    vsName: 'the 100-file lint',
    target: 3,
  },
);

// 1,000 finished attempts of 50 answers: one real attempt, copied in SQL.
once(exam);
const db = new Database(path.join(home, 'qualify.db'));
const columns = (table) =>
  db
    .prepare(`SELECT name FROM pragma_table_info('${table}')`)
    .all()
    .map((c) => c.name)
    .filter((c) => c !== 'id' && c !== 'attempt_id');
const attemptColumns = columns('attempts').join(', ');
const answerColumns = columns('answers').join(', ');
db.transaction(() => {
  const first = db.prepare('SELECT max(id) AS id FROM attempts').get().id;
  const picked = attemptColumns
    .split(', ')
    .map((c) => (c === 'uuid' ? 'lower(hex(randomblob(16)))' : c))
    .join(', ');
  const copyAttempt = db.prepare(
    `INSERT INTO attempts (${attemptColumns}) SELECT ${picked} FROM attempts WHERE id = ?`,
  );
  const copyAnswers = db.prepare(
    `INSERT INTO answers (attempt_id, ${answerColumns}) SELECT ?, ${answerColumns} FROM answers WHERE attempt_id = ?`,
  );
  const have = db.prepare('SELECT count(*) AS n FROM attempts').get().n;
  for (let i = have; i < SIZE.attempts; i++) copyAnswers.run(copyAttempt.run(first).lastInsertRowid, first);
})();
db.close();
const withBig = ['--content', bigDir];
row(
  `\`history --json\`, ${SIZE.attempts.toLocaleString('en')} attempts of 50 answers`,
  measure(qualify('history', '--json', ...withBig), { alongside: nodeArgv }),
  { vs: node, vsName: '`node -e 0`', target: 2 },
);
row(
  `\`report\`, ${SIZE.attempts.toLocaleString('en')} attempts of 50 answers`,
  measure(qualify('report', ...withBig), { alongside: nodeArgv }),
  { vs: node, vsName: '`node -e 0`', target: 2 },
);

// --- RESULTS.md -------------------------------------------------------------------------------
const fmt = (ms) => `${ms.toFixed(0)} ms`;
const lines = [
  '# Benchmark results',
  '',
  '<!-- Written by `npm run bench` (bench/run.js); every figure comes from one run. -->',
  '',
  `Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'} (${os.cpus().length} cores, shared), ${(os.totalmem() / 2 ** 30).toFixed(1)} GB, ${os.type()} ${os.release()}, Node ${process.version}.`,
  `Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC. Whole processes, ${RUNS} timed runs per row after one warm-up; peak RSS from one more run under GNU time.`,
  "Each run of a row is followed by a run of its yardstick, and the ratio is between the two medians (the yardstick's in brackets): the machine's speed drifts within minutes.",
  '`exam` runs with `--practice --seed 7` so repeated runs are never refused by the retake policy.',
  '',
  '| what | median | min-max | ratio | target | peak RSS | holds |',
  '|---|---|---|---|---|---|---|',
  ...rows.map(
    (r) =>
      `| ${r.name} | ${fmt(r.median)} | ${fmt(r.min)}-${fmt(r.max)} | ${r.ratio.toFixed(2)}x ${r.vsName}${r.vsMedian === undefined ? '' : ` (${fmt(r.vsMedian)})`} | ${r.target === undefined ? '' : `<= ${r.target}x`}${r.rssLimit ? `, <= ${r.rssLimit} MB` : ''} | ${r.rssMb === undefined ? '' : `${r.rssMb.toFixed(0)} MB`} | ${r.target === undefined ? '' : r.ok ? 'yes' : '**no**'} |`,
  ),
  '',
  'The `lint` rows with a target run with the content cache of earlier runs (as a study group',
  'lints again after an edit); the row without one starts from an empty data folder each time.',
  '',
  `The ${SIZE.huge.toLocaleString('en')}-question bank is ${(fs.statSync(huge.file).size / 2 ** 20).toFixed(0)} MB of YAML: over the 4 MB limit for parsing a file whole, so it`,
  'is read one question at a time (docs/reliability.md); its first read is not timed.',
  '',
];
if (!smoke) fs.writeFileSync(path.join(ROOT, 'bench', 'RESULTS.md'), lines.join('\n'));
process.stdout.write(`${lines.join('\n')}\n`);
fs.rmSync(work, { recursive: true, force: true });
process.exitCode = smoke || rows.every((r) => r.ok) ? 0 : 1;
