import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let digest: string | undefined;

/**
 * A digest of this build of qualify: every module of it (so a changed rule, scorer or parser
 * never reuses what the old one worked out) and the versions of the NLP packages that score free
 * text. Reading about 2 MB of our own modules takes a few milliseconds.
 */
export function codeDigest(): string {
  if (digest) return digest;
  const here = path.dirname(fileURLToPath(import.meta.url));
  // Bundled (dist/bundle/, see scripts/bundle.mjs), the bundle is the whole program; otherwise
  // every module beside this one's folder (src/ under the tests, dist/ when built).
  const root = path.basename(here) === 'bundle' ? here : path.dirname(here);
  const hash = createHash('sha256');
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(?:js|ts|json)$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
        hash.update(`${path.relative(root, full)}\0`).update(fs.readFileSync(full));
    }
  };
  walk(root);
  const require = createRequire(import.meta.url);
  for (const name of ['wink-nlp', 'wink-eng-lite-web-model']) {
    const { version } = require(`${name}/package.json`) as { version: string };
    hash.update(`${name}@${version}\0`);
  }
  return (digest = hash.digest('hex'));
}
