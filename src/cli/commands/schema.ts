import path from 'node:path';
import { schemaText, writeSchemas } from '../../content/schema-location.js';
import type { ContentKind } from '../../content/validate.js';
import { UsageError } from '../../errors.js';
import { authoringMessages as messages } from '../authoring-messages.js';
import { SCHEMA_KINDS } from '../choices.js';
import { displayPath, type Io } from '../io.js';

export { SCHEMA_KINDS };

export interface SchemaOptions {
  /** A content folder to write the schema files into, for the editor line of its YAML files. */
  write?: string;
}

/**
 * `qualify schema bank|guideline`: the JSON Schema the loader validates against, for editors and
 * tools. With `--write <dir>`, writes it (both kinds when none is named) into a content folder,
 * where the `# yaml-language-server` lines written by `new` and `import` look for it.
 */
export function schemaCommand(kind: string | undefined, options: SchemaOptions, io: Io): void {
  if (kind !== undefined && !(SCHEMA_KINDS as readonly string[]).includes(kind))
    throw new UsageError(messages.badSchemaKind(kind));
  const kinds = kind === undefined ? [...SCHEMA_KINDS] : [kind as ContentKind];
  if (options.write === undefined) {
    if (kind === undefined) throw new UsageError(messages.schemaNeedsKind);
    io.out(schemaText(kind as ContentKind));
    return;
  }
  const folder = path.resolve(io.cwd, options.write);
  const written = writeSchemas(folder, kinds);
  io.err(
    `${messages.schemasWritten(
      written.map((file) => displayPath(io, file)),
      displayPath(io, folder) || '.',
    )}\n`,
  );
}
