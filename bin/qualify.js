#!/usr/bin/env node
// The launcher, and the one place where errors become exit codes
// (0 ok, 1 problems found, 2 usage or content error, 3 retake not yet allowed).
// `qualify --version` alone needs nothing but the version: answer before loading the program.
if (process.argv.length === 3 && (process.argv[2] === '--version' || process.argv[2] === '-V')) {
  try {
    process.stdout.write(`${(await import('../dist/cli/version.js')).VERSION}\n`);
    process.exit(0);
  } catch {
    // Not built yet: the import below says so.
  }
}

// `qualify --help` into a pipe (not a terminal, whose width changes the layout): the text
// generated at build time from the program (scripts/generate.mjs, checked current in CI).
if (process.argv.length === 3 && (process.argv[2] === '--help' || process.argv[2] === '-h') && !process.stdout.isTTY) {
  try {
    process.stdout.write((await import('../dist/cli/help.generated.js')).HELP);
    process.exit(0);
  } catch {
    // Not built yet: the import below says so.
  }
}

// The program as one bundle (scripts/bundle.mjs): Node starts it much faster than the ninety-odd
// modules it is built from.
let cli;
try {
  cli = await import('../dist/bundle/program.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
  process.stderr.write('qualify is not built yet: run "npm install" (or "npm run build") in its folder first.\n');
  process.exit(2);
}

// A reader that stops early (`qualify report | head`) closes the pipe: stop quietly, as other
// command-line tools do, instead of dying with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const io = cli.processIo();
try {
  await cli.run(process.argv.slice(2), io);
} catch (error) {
  process.exitCode = cli.reportError(error, io);
}

// Without a terminal nothing was asked interactively, so nothing of the command is still
// pending once it returns: exit as soon as its output is handed over, instead of waiting while
// V8 spends idle time collecting garbage the process no longer needs (about 10 ms).
if (!io.terminal) {
  for (const stream of [process.stdout, process.stderr])
    if (stream.writableLength > 0) await new Promise((resolve) => stream.once('drain', resolve));
  process.exit();
}
