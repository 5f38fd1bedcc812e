#!/usr/bin/env node
// Bundles the compiled program (dist/, from `tsc`) into dist/bundle/, which bin/qualify.js runs:
//
//   program.cjs    the whole program as one CommonJS script, wrapped in a function expression
//   home.cjs       where qualify keeps its files (app/workspace.ts), for the launcher alone
//   launcher.json  what the launcher answers without the program: the version, `--help` to a
//                  pipe, and the digest of program.cjs (which names its compiled-code cache)
//   build-digest.txt  the same digest, for src/library/code-digest.ts
//
// Why one CommonJS script: Node loads an ES module at a time. The program is about a hundred
// modules (ours and the packages'); even bundled into a few dozen chunks, resolving, reading and
// compiling them was a third of an exam's time. One script is read at once, and V8 can hand back
// what it compiled the last time (a code cache, see bin/code-cache.cjs): Node 20 has no compile
// cache for ES modules (`module.enableCompileCache` is Node 22). The script is written already
// wrapped as the function Node wraps a CommonJS module in, and in ASCII only, so the launcher
// reads it as Latin-1 into a one-byte string, with neither decoding nor a second copy.
//
// Code of a command runs only when the command does: what the modules import dynamically
// (each command's module) becomes a function the bundle calls when first needed. Packages the
// program loads only when needed (yaml) are bundled and still loaded only when called (see
// visibleRequires). What stays outside, loaded at run time: wink-nlp and its model (whose files
// are read by path), the SQLite driver's compiled addon (store/db.ts names it by its path) and
// the generated validators (see visibleRequires).
//
// The bundle sits two folders below the package, as dist/cli/ does, so paths the program finds
// from its own place (the shipped content, src/content/schema/) are the same from both.
// Usage: node scripts/bundle.mjs   (run by `npm run build`, after tsc)
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist');
const OUT = path.join(DIST, 'bundle');

/**
 * Our modules load some packages only when needed, through `createRequire(import.meta.url)(name)`
 * (an ES module has no `require`). The bundler cannot see such a call, so the package would be
 * loaded from node_modules file by file, even where the bundle already holds it (yaml, which the
 * answers-file reader imports): written as a plain `require(name)`, it is bundled and still
 * loaded only when called.
 */
const visibleRequires = {
  name: 'visible-requires',
  setup(build) {
    const ours = new RegExp(`^${DIST.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[\\\\/].*\\.js$`);
    // The generated validators (half a megabyte, needed only when a file is read afresh) stay on
    // disk: bundled, every command that loads content would read them.
    build.onResolve({ filter: /validators\.generated\.cjs$/ }, (args) => ({ path: args.path, external: true }));
    build.onLoad({ filter: ours }, async (args) => {
      const text = await fs.promises.readFile(args.path, 'utf8');
      return { contents: text.replaceAll('createRequire(import.meta.url)(', 'require('), loader: 'js' };
    });
  },
};

/**
 * commander loads node:child_process when it loads, for subcommands that are programs of their own,
 * which qualify has none of; loading it (with net, dgram and the rest) took 5 ms of every start. It
 * is required when a subcommand would be spawned, which never happens here.
 */
const deferredChildProcess = {
  name: 'deferred-child-process',
  setup(build) {
    build.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, async (args) => {
      const text = await fs.promises.readFile(args.path, 'utf8');
      const eager = "const childProcess = require('node:child_process');";
      if (!text.includes(eager)) throw new Error(`commander changed: no "${eager}" in ${args.path}`);
      const lazy = "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };";
      return { contents: text.replace(eager, lazy), loader: 'js' };
    });
  },
};

/**
 * chalk's own colour detection (its vendored supports-color) is never used: qualify always gives
 * chalk its level (src/text/theme.ts decides from the stream and NO_COLOR/FORCE_COLOR). Loading
 * it loaded node:tty, and with it the network modules, in every run (about 5 ms), although a
 * run writing to a pipe or a file never needs them. The bundle gets a detection that finds none.
 */
const noChalkDetection = {
  name: 'no-chalk-detection',
  setup(build) {
    build.onResolve({ filter: /^#supports-color$/ }, (args) => {
      if (!/[\\/]chalk[\\/]/.test(args.importer)) return undefined;
      return { path: 'supports-color', namespace: 'no-chalk-detection' };
    });
    build.onLoad({ filter: /.*/, namespace: 'no-chalk-detection' }, () => ({
      contents: 'export default { stdout: false, stderr: false };',
      loader: 'js',
    }));
  },
};

/**
 * The function Node wraps a CommonJS module in (bin/qualify.js calls it with the same arguments),
 * strict as the ES modules it is built from were.
 */
const WRAPPER = "(function (exports, require, module, __filename, __dirname) {'use strict';";

const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // What the modules find from their own place (import.meta.url) is the bundle's file.
  define: { 'import.meta.url': '__bundleUrl' },
  charset: 'ascii',
  // Less to read at every start (1.6 MB to 0.8 MB). QUALIFY_READABLE_BUNDLE=1 leaves it as
  // written (names and layout), to read a stack trace (QUALIFY_DEBUG=1) or instrument the bundle.
  minify: !process.env.QUALIFY_READABLE_BUNDLE,
  logLevel: 'warning',
};
const bundleUrl = "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;";

fs.rmSync(OUT, { recursive: true, force: true });
await build({
  ...common,
  plugins: [visibleRequires, deferredChildProcess, noChalkDetection],
  entryPoints: [path.join(DIST, 'cli/program.js')],
  outfile: path.join(OUT, 'program.cjs'),
  banner: { js: `${WRAPPER}${bundleUrl}` },
  footer: { js: '})' },
  sourcemap: true,
});
await build({
  ...common,
  entryPoints: [path.join(DIST, 'app/workspace.js')],
  outfile: path.join(OUT, 'home.cjs'),
  banner: { js: bundleUrl },
});

// esbuild writes strings in ASCII, but keeps a regular expression's characters as written: they
// are written as \u escapes instead, which mean the same in a pattern (and in a comment, nothing).
const programFile = path.join(OUT, 'program.cjs');
const program = fs
  .readFileSync(programFile, 'utf8')
  .replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
fs.writeFileSync(programFile, program, 'latin1');
// The launcher runs the script without a loader for ES modules: an `import()` left in it (of a
// package not bundled) would fail only when reached.
const dynamicImport = /(?<![\w$.])import\s*\(/.exec(program);
if (dynamicImport)
  throw new Error(
    `program.cjs still imports a module dynamically: ${program.slice(dynamicImport.index, dynamicImport.index + 80)}`,
  );
const digest = createHash('sha256').update(program).digest('hex');

const { VERSION } = await import(pathToFileURL(path.join(DIST, 'cli/version.js')).href);
const { HELP } = await import(pathToFileURL(path.join(DIST, 'cli/help.generated.js')).href);
fs.writeFileSync(path.join(OUT, 'launcher.json'), `${JSON.stringify({ version: VERSION, help: HELP, digest })}\n`);
// Worked out here once: hashing the bundle's 2 MB on every command that keeps memos took 10 ms.
fs.writeFileSync(path.join(OUT, 'build-digest.txt'), `${digest}\n`);
