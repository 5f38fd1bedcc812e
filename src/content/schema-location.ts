import fs from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from './discover.js';
import { SCHEMAS, type ContentKind } from './validate.js';

/** The JSON Schema files as shipped (package.json lists src/content/schema under "files"). */
export function schemaFile(kind: ContentKind): string {
  return path.join(PACKAGE_ROOT, 'src', 'content', 'schema', `${kind}.schema.json`);
}

/** The name a schema has inside a content folder, where `qualify schema --write` puts it. */
export const schemaFileName = (kind: ContentKind) => `${kind}.schema.json`;

/** The schema as written to a content folder: the shipped one, byte for byte in meaning. */
export const schemaText = (kind: ContentKind) => `${JSON.stringify(SCHEMAS[kind], null, 2)}\n`;

/**
 * Writes the schema of each kind into a folder (creating it). Returns the files written; a file
 * that already holds this very schema is left alone.
 */
export function writeSchemas(folder: string, kinds: readonly ContentKind[]): string[] {
  fs.mkdirSync(folder, { recursive: true });
  const written: string[] = [];
  for (const kind of kinds) {
    const target = path.join(folder, schemaFileName(kind));
    const text = schemaText(kind);
    if (fs.existsSync(target) && fs.readFileSync(target, 'utf8') === text) continue;
    fs.writeFileSync(target, text);
    written.push(target);
  }
  return written;
}

/** Folders from `folder` up to `top` (inclusive) when `folder` lies inside `top`; else `folder` alone. */
function foldersUpTo(folder: string, top: string): string[] {
  const relative = path.relative(top, folder);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return [folder];
  const found = [folder];
  for (let current = folder; current !== top;) {
    current = path.dirname(current);
    found.push(current);
  }
  return found;
}

/**
 * The first line that makes the YAML language server (VS Code's YAML extension and others) check
 * and autocomplete a file as you type, and the schema file it needs. The line must survive sharing
 * the content folder, so it never points into this machine's install folder: it names a schema
 * inside the content, the nearest one in the file's folder or a parent up to `top` (the current
 * folder), else one written beside the file. The path is relative, with forward slashes.
 */
export function schemaModeline(
  kind: ContentKind,
  folder: string,
  top: string,
): { modeline: string; schemaToWrite?: string } {
  const existing = foldersUpTo(folder, top)
    .map((dir) => path.join(dir, schemaFileName(kind)))
    .find((file) => fs.existsSync(file));
  const target = existing ?? path.join(folder, schemaFileName(kind));
  const relative = path.relative(folder, target).split(path.sep).join('/');
  return { modeline: `# yaml-language-server: $schema=${relative}`, ...(existing ? {} : { schemaToWrite: target }) };
}
