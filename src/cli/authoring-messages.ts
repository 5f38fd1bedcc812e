/** User-facing text of the authoring commands (lint, schema, new, import), in one place. */
export const authoringMessages = {
  noSuchPath: (p: string) => `Nothing to lint at "${p}": no such file or folder.`,
  cannotReadStdin: (why: string) => `Cannot read standard input: ${why}.`,
  noFilesFound: (paths: string[]) => `No .yaml or .yml files found in ${paths.join(', ')}.`,
  badFormat: (format: string, allowed: readonly string[]) =>
    `Unknown format "${format}"; use one of: ${allowed.join(', ')}.`,
  badMaxWarnings: (value: string) => `--max-warnings must be a whole number (or -1 for no limit), not "${value}".`,
  notContent: 'this file has no "kind"; a guideline starts with "kind: guideline" and a bank with "kind: bank"',
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
  bankNeedsGuideline: (known: string[]) =>
    `A bank tests one guideline: add --guideline ` +
    `<id>${known.length ? ` (found: ${known.slice(0, 8).join(', ')})` : ''}, or first run "qualify new ` +
    `guideline <id>".`,
  fileExists: (file: string) => `${file} already exists; choose another id or folder (nothing was overwritten).`,
  created: (file: string, next: string) => `Created ${file}\nNext: ${next}`,
  nextForBank: (file: string) =>
    `edit the questions, then run "qualify lint ${file}" (with --content <folder of its guideline> when it lives ` +
    `elsewhere).`,
  nextForGuideline: (file: string) => `write the sections, then run "qualify lint ${file}".`,
  badImportFormat: (format: string) => `Cannot import "${format}"; use "gift" or "aiken".`,
  notUtf8: (file: string) =>
    `warning: ${file} is not UTF-8; it was read as Windows-1252. Check accented letters and quotes in the result.`,
  stdinNeedsId: 'Reading from standard input ("-"), the bank needs a name: add --id <id>.',
  cannotRead: (file: string, why: string) => `Cannot read ${file}: ${why}`,
  unknownGuideline: (id: string, known: string[]) =>
    `There is no guideline with id "${id}"${known.length ? ` (found: ${known.slice(0, 8).join(', ')})` : ''}.`,
  nothingImported: (file: string) => `Nothing in ${file} could be converted into a question.`,
  imported: (count: number, files: string[]) =>
    `Imported ${count} question${count === 1 ? '' : 's'} into ${files.join(' and ')}.`,
  filedUnderFirstSection: (n: number) =>
    `${n} question${n === 1 ? ' was' : 's were'} filed under the guideline's first section (no section matched ` +
    `${n === 1 ? 'its' : 'their'} category); set their "sections" by hand.`,
  skippedSome: (count: number) =>
    `${count} item${count === 1 ? '' : 's'} could not be converted (listed above); the rest was written.`,
};
