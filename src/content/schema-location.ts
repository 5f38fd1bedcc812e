import path from 'node:path';
import { PACKAGE_ROOT } from './discover.js';
import type { ContentKind } from './validate.js';

/** The JSON Schema files as shipped (package.json lists src/content/schema under "files"). */
export function schemaFile(kind: ContentKind): string {
  return path.join(PACKAGE_ROOT, 'src', 'content', 'schema', `${kind}.schema.json`);
}

/**
 * The first line that makes the YAML language server (VS Code's YAML extension and others) check
 * and autocomplete a file as you type. The path is relative to the file's folder, as the server
 * resolves it, with forward slashes on every platform.
 */
export function schemaModeline(kind: ContentKind, folder: string): string {
  const relative = path.relative(folder, schemaFile(kind)).split(path.sep).join('/');
  return `# yaml-language-server: $schema=${relative}`;
}
