#!/usr/bin/env node
// The launcher, and the one place where errors become exit codes
// (0 ok, 1 problems found, 2 usage or content error, 3 retake not yet allowed).
//
// A CommonJS script (bin/package.json), as Node starts one a little faster than an ES module.
// It runs the program bundled by scripts/bundle.mjs into dist/bundle/ (see there why one script).
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const BUNDLE = path.join(__dirname, '..', 'dist', 'bundle');

/** What the build wrote for the launcher (see scripts/bundle.mjs), or nothing before a build. */
function builtFacts() {
  try {
    return JSON.parse(fs.readFileSync(path.join(BUNDLE, 'launcher.json'), 'utf8'));
  } catch {
    return undefined;
  }
}

function notBuilt() {
  process.stderr.write('qualify is not built yet: run "npm install" (or "npm run build") in its folder first.\n');
  process.exit(2);
}

const built = builtFacts();
if (!built) notBuilt();
const argv = process.argv.slice(2);

// `qualify --version` alone needs nothing but the version: answer before loading the program.
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  process.stdout.write(`${built.version}\n`);
  process.exit(0);
}

// `qualify --help` into a pipe (not a terminal, whose width changes the layout): the text
// generated at build time from the program (scripts/generate.mjs, checked current in CI).
if (argv.length === 1 && (argv[0] === '--help' || argv[0] === '-h') && !process.stdout.isTTY) {
  process.stdout.write(built.help);
  process.exit(0);
}

/**
 * The program's exports (run, processIo, reportError) and what V8 compiled of it, started from
 * the code cache of the last run of the same command when there is one (bin/code-cache.js).
 */
function loadProgram() {
  const vm = require('node:vm');
  const { createRequire } = require('node:module');
  const file = path.join(BUNDLE, 'program.cjs');
  let source;
  try {
    // ASCII only (scripts/bundle.mjs): read as Latin-1, it becomes a one-byte string at once.
    source = fs.readFileSync(file, 'latin1');
  } catch {
    notBuilt();
  }
  // The program turns this flag on when it starts (content/regex.ts). V8 keeps a code cache only
  // for the flags it was made under, so they must be the same before the program is compiled.
  require('node:v8').setFlagsFromString('--enable-experimental-regexp-engine');
  const home = require(path.join(BUNDLE, 'home.cjs')).homeDir(process.env);
  const cache = require('./code-cache.js').codeCache(home, built.digest, argv);
  const cachedData = cache.read();
  const script = new vm.Script(source, { filename: file, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, path.dirname(file));
  /** Keeps what was compiled for the next run, unless the run started from a cache V8 took. */
  const keepCompiled = () => {
    if (cachedData === undefined || script.cachedDataRejected) cache.write(script.createCachedData());
  };
  return { cli: module.exports, keepCompiled };
}

async function main() {
  const { cli, keepCompiled } = loadProgram();
  // A reader that stops early (`qualify report | head`) ends the run quietly (see cli/process-io.ts).
  const io = cli.processIo();
  try {
    await cli.run(argv, io);
  } catch (error) {
    process.exitCode = cli.reportError(error, io);
  }
  // Only a run that went through (exit 0 or 1): a mistyped command would keep little of the program.
  if ((process.exitCode ?? 0) <= 1) keepCompiled();

  // Without a terminal nothing was asked interactively, so nothing of the command is still
  // pending once it returns: exit as soon as its output is handed over, instead of waiting while
  // V8 spends idle time collecting garbage the process no longer needs (about 10 ms).
  if (!io.terminal) {
    await cli.outputDrained();
    process.exit();
  }
}

main();
