/** User-facing text of writing new content files (`qualify new`, `qualify import`), in one place. */
export const authoringMessages = {
  fileExists: (file: string) => `${file} already exists; choose another id or folder (nothing was overwritten).`,
  bankNeedsGuideline: (known: string[]) =>
    `A bank tests one guideline: add --guideline ` +
    `<id>${known.length ? ` (found: ${known.slice(0, 8).join(', ')})` : ''}, or first run "qualify new ` +
    `guideline <id>".`,
  unknownGuideline: (id: string, known: string[]) =>
    `There is no guideline with id "${id}"${known.length ? ` (found: ${known.slice(0, 8).join(', ')})` : ''}.`,
  created: (file: string, next: string) => `Created ${file}\nNext: ${next}`,
  nextForBank: (file: string) =>
    `edit the questions, then run "qualify lint ${file}" (with --content <folder of its guideline> when it lives ` +
    `elsewhere).`,
  nextForGuideline: (file: string) => `write the sections, then run "qualify lint ${file}".`,
  notUtf8: (file: string) =>
    `warning: ${file} is not UTF-8; it was read as Windows-1252. Check accented letters and quotes in the result.`,
  nothingImported: (file: string) => `Nothing in ${file} could be converted into a question.`,
  imported: (count: number, files: string[]) =>
    `Imported ${count} question${count === 1 ? '' : 's'} into ${files.join(' and ')}.`,
  filedUnderFirstSection: (n: number) =>
    `${n} question${n === 1 ? ' was' : 's were'} filed under the guideline's first section (no section matched ` +
    `${n === 1 ? 'its' : 'their'} category); set their "sections" by hand.`,
  skippedSome: (count: number) =>
    `${count} item${count === 1 ? '' : 's'} could not be converted (listed above); the rest was written.`,
};
