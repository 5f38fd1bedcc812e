import { SCHEMAS, type ContentKind } from '../../content/validate.js';
import { UsageError } from '../../errors.js';
import { authoringMessages as messages } from '../authoring-messages.js';
import { SCHEMA_KINDS } from '../choices.js';
import type { Io } from '../io.js';

export { SCHEMA_KINDS };

/** `qualify schema bank|guideline`: the JSON Schema the loader validates against, for editors and tools. */
export function schemaCommand(kind: string, io: Io): void {
  if (!(SCHEMA_KINDS as readonly string[]).includes(kind)) throw new UsageError(messages.badSchemaKind(kind));
  io.out(`${JSON.stringify(SCHEMAS[kind as ContentKind], null, 2)}\n`);
}
