#!/usr/bin/env node
// Bundles the compiled program (dist/, from `tsc`) into dist/bundle/, which bin/qualify.js runs.
//
// Why: Node loads a module at a time. Starting an exam loaded about 90 of them (ours and the
// packages'), and resolving and compiling them cost more than anything the exam itself does.
// One entry module plus a few shared chunks start in a fraction of that. Each command is still
// its own chunk, loaded when the command runs, so `list` never loads the exam's code.
//
// Packages the program loads only when needed (yaml) are bundled and still loaded only when
// called (see visibleRequires). What stays outside, loaded at run time: wink-nlp and its model
// (whose files are read by path), the SQLite driver (which finds its compiled addon from its own
// folder) and the generated validators (see visibleRequires).
//
// The bundle sits two folders below the package, as dist/cli/ does, so paths the program finds
// from its own place (the shipped content, src/content/schema/) are the same from both.
// Usage: node scripts/bundle.mjs   (run by `npm run build`, after tsc)
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'dist/bundle');

/** The files of a build, listed beside them (see the end of this script). */
const FILES = path.join(OUT, 'build-files.json');
const readList = (file) => {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return [];
  }
};
const previous = readList(FILES);

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
    const ours = new RegExp(`^${path.join(ROOT, 'dist').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[\\\\/].*\\.js$`);
    // The generated validators (half a megabyte, needed only when a file is read afresh) stay on
    // disk: bundled, every command that loads content would parse them.
    build.onResolve({ filter: /validators\.generated\.cjs$/ }, (args) => ({ path: args.path, external: true }));
    build.onLoad({ filter: ours }, async (args) => {
      const text = await fs.promises.readFile(args.path, 'utf8');
      return { contents: text.replaceAll('createRequire(import.meta.url)(', 'require('), loader: 'js' };
    });
  },
};

const { metafile } = await build({
  metafile: true,
  plugins: [visibleRequires],
  // The SQLite driver finds its compiled addon from its own folder.
  external: ['better-sqlite3'],
  entryPoints: [path.join(ROOT, 'dist/cli/program.js')],
  outdir: OUT,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunk-[hash]',
  // Bundled CommonJS packages (commander) require Node's own modules; an ES module has no
  // `require` of its own, so each chunk makes one.
  banner: {
    js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);",
  },
  sourcemap: true,
  logLevel: 'warning',
});

const files = Object.keys(metafile.outputs).map((output) => path.basename(output));

// Chunks are named by their content, so a build leaves the last one's beside its own: a qualify
// started before the build still finds the chunks it loads when a command first runs. Older
// ones go.
for (const name of fs.readdirSync(OUT))
  if (![...files, ...previous, 'build-files.json', 'build-digest.txt'].includes(name))
    fs.rmSync(path.join(OUT, name), { force: true });
fs.writeFileSync(FILES, `${JSON.stringify(files.sort(), null, 1)}\n`);

// The build's digest (src/library/code-digest.ts), worked out here once: hashing the bundle's 2 MB
// on every command that keeps memos took about 10 ms.
const hash = createHash('sha256');
for (const name of files.filter((file) => file.endsWith('.js')).sort())
  hash.update(`${name}\0`).update(fs.readFileSync(path.join(OUT, name)));
fs.writeFileSync(path.join(OUT, 'build-digest.txt'), `${hash.digest('hex')}\n`);
