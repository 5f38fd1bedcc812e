/** User-facing text of the authoring commands (lint, schema, new, import), in one place. */
export const authoringMessages = {
  badFormat: (format: string, allowed: readonly string[]) =>
    `Unknown format "${format}"; use one of: ${allowed.join(', ')}.`,
  badMaxWarnings: (value: string) => `--max-warnings must be a whole number (or -1 for no limit), not "${value}".`,
  tooManyWarnings: (count: number, max: number) =>
    `${count} warning${count === 1 ? '' : 's'} found; --max-warnings allows ${max}.`,
  lintFailed: (errors: number) => `${errors} error${errors === 1 ? '' : 's'} found.`,
  badSchemaKind: (kind: string) => `Unknown schema "${kind}"; use "bank" or "guideline".`,
  schemaNeedsKind: 'Name a schema ("bank" or "guideline"), or add --write <dir> to write both into a content folder.',
  schemasWritten: (files: string[], folder: string) =>
    files.length ? `Wrote ${files.join(' and ')}.` : `The schemas in ${folder} are already up to date.`,
  badNewKind: (kind: string) => `Cannot scaffold "${kind}"; use "bank" or "guideline".`,
  badId: (id: string) =>
    `"${id}" is not a valid id: use lowercase letters, digits and dashes, starting with a letter or digit (like ` +
    `"search-basics").`,
  badImportFormat: (format: string) => `Cannot import "${format}"; use "gift" or "aiken".`,
  stdinNeedsId: 'Reading from standard input ("-"), the bank needs a name: add --id <id>.',
  cannotRead: (file: string, why: string) => `Cannot read ${file}: ${why}`,
};
