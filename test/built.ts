import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SRC = path.join(ROOT, 'src');
const DIST = path.join(ROOT, 'dist');
const BUNDLE = path.join(DIST, 'bundle', 'program.cjs');

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

const modified = (file: string) => fs.statSync(file).mtimeMs;

/**
 * Why `dist/` does not match `src/`, or undefined when it does: a source file (or the compiler
 * settings) changed after its compiled file was written, or has no compiled file yet. The
 * compiler rewrites every output on each build, so comparing times is enough.
 */
export function staleReason(): string | undefined {
  const tsconfig = path.join(ROOT, 'tsconfig.json');
  let newest = 0;
  for (const source of filesUnder(SRC)) {
    if (!/\.(ts|json)$/.test(source) || source.endsWith('.d.ts')) continue;
    const compiled = path.join(DIST, path.relative(SRC, source)).replace(/\.ts$/, '.js');
    if (!fs.existsSync(compiled)) return `${path.relative(ROOT, compiled)} does not exist`;
    const since = Math.max(modified(source), modified(tsconfig));
    if (modified(compiled) < since) return `${path.relative(ROOT, compiled)} is older than its source`;
    newest = Math.max(newest, modified(compiled));
  }
  // The launcher runs the bundle (scripts/bundle.mjs) of the compiled modules and the installed packages.
  if (!fs.existsSync(BUNDLE)) return `${path.relative(ROOT, BUNDLE)} does not exist`;
  const inputs = [path.join(ROOT, 'scripts', 'bundle.mjs'), path.join(ROOT, 'package-lock.json')];
  for (const input of inputs)
    if (fs.existsSync(input) && modified(BUNDLE) < modified(input))
      return `${path.relative(ROOT, BUNDLE)} is older than ${path.relative(ROOT, input)}`;
  if (modified(BUNDLE) < newest) return `${path.relative(ROOT, BUNDLE)} is older than the compiled modules`;
  return undefined;
}

let checked = false;

/** Fails with the reason when `dist/` is older than `src/`, so a test never runs yesterday's CLI. */
export function assertBuilt(): void {
  if (checked) return;
  const reason = staleReason();
  if (reason) throw new Error(`the built CLI is out of date (${reason}): run "npm run build" first`);
  checked = true;
}

/** Builds `dist/` from `src/` (as `npm run build` does) when it is out of date; returns what was done, for the log. */
export function buildIfStale(): string | undefined {
  const reason = staleReason();
  if (!reason) return undefined;
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'bundle.mjs')], { cwd: ROOT, stdio: 'inherit' });
  return reason;
}
