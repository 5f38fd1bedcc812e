import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareText } from '../text/collation.js';

/** The package's own folder, where the shipped guidelines and banks live. */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const SHIPPED_CONTENT_DIRS = [path.join(PACKAGE_ROOT, 'guidelines'), path.join(PACKAGE_ROOT, 'question-banks')];

/**
 * Every `.yaml`/`.yml` file under the given folders, sorted, each listed once. Symbolic links
 * are not followed, so a shared folder cannot pull in files from elsewhere on the disk.
 */
export function findContentFiles(dirs: readonly string[]): string[] {
  const found = new Set<string>();
  const walk = (dir: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    // Only what is read is sorted (hidden files, node_modules and other files are never read).
    const kept = entries.filter(
      (entry) =>
        !entry.name.startsWith('.') &&
        entry.name !== 'node_modules' &&
        (entry.isDirectory() || (entry.isFile() && /\.ya?ml$/i.test(entry.name))),
    );
    for (const entry of kept.sort((a, b) => compareText(a.name, b.name))) {
      // `dir` is absolute and normalised, so the joined path already is what path.resolve gives.
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else found.add(full);
    }
  };
  for (const dir of dirs) walk(path.resolve(dir));
  return [...found];
}
