import type { Hash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let digest: string | undefined;

/**
 * A digest of this build of qualify: every module of it (so a changed rule, scorer or parser
 * never reuses what the old one worked out) and the versions of the NLP packages that score free
 * text. The bundle's is worked out when it is built; unbundled, the modules are read and hashed.
 */
export function codeDigest(): string {
  if (digest) return digest;
  const here = path.dirname(fileURLToPath(import.meta.url));
  const require = createRequire(import.meta.url);
  const nlp = ['wink-nlp', 'wink-eng-lite-web-model'].map(
    (name) => `${name}@${(require(`${name}/package.json`) as { version: string }).version}`,
  );
  // Bundled (dist/bundle/), the bundle is the whole program, and scripts/bundle.mjs wrote its
  // digest: with the NLP packages' versions it names this build, without hashing anything again
  // (node:crypto alone takes 7 ms to load). Without it, the bundle's files are hashed.
  const bundled = path.basename(here) === 'bundle';
  const built = bundled ? readBuildDigest(here) : undefined;
  if (built) return (digest = `bundle:${built}:${nlp.join(':')}`);
  const hash = (require('node:crypto') as typeof import('node:crypto')).createHash('sha256');
  walk(bundled ? here : path.dirname(here), hash);
  for (const version of nlp) hash.update(`${version}\0`);
  return (digest = hash.digest('hex'));
}

function readBuildDigest(folder: string): string | undefined {
  try {
    return fs.readFileSync(path.join(folder, 'build-digest.txt'), 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Every module under `root` (src/ under the tests, dist/ unbundled), in a fixed order, into `hash`. */
function walk(root: string, hash: Hash, folder = root): void {
  const entries = fs.readdirSync(folder, { withFileTypes: true });
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const full = path.join(folder, entry.name);
    // The bundle is not what an unbundled run executes (and has its own digest).
    if (entry.isDirectory()) {
      if (full !== path.join(root, 'bundle')) walk(root, hash, full);
    } else if (/\.(?:js|ts|json)$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
      hash.update(`${path.relative(root, full)}\0`).update(fs.readFileSync(full));
  }
}
