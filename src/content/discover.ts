import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package's own folder, where the shipped guidelines and banks live. */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const SHIPPED_CONTENT_DIRS = [path.join(PACKAGE_ROOT, 'guidelines'), path.join(PACKAGE_ROOT, 'question-banks')];

/**
 * Every `.yaml`/`.yml` file under the given folders, sorted, each listed once. Symbolic links
 * are not followed, so a shared folder cannot pull in files from elsewhere on the disk.
 */
export function findContentFiles(dirs: readonly string[]): string[] {
  const found = new Set<string>();
  // One collator for every comparison: localeCompare builds one per call, which a library of
  // hundreds of files felt on every command. The order is the same.
  const { compare } = new Intl.Collator();
  const walk = (dir: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => compare(a.name, b.name))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      // `dir` is absolute and normalised, so the joined path already is what path.resolve gives.
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && /\.ya?ml$/i.test(entry.name)) found.add(full);
    }
  };
  for (const dir of dirs) walk(path.resolve(dir));
  return [...found];
}
