/** User-facing text of the study-group commands (report --out, export, merge, stats). */
export const shareMessages = {
  cannotWrite: (file: string, why: string) => `Cannot write ${file}: ${why}`,
  wrote: (file: string) => `Wrote ${file}\n`,
  exported: (attempts: number, file: string) => `Exported ${attempts} attempt${attempts === 1 ? '' : 's'} to ${file}\n`,
  badName: 'A display name is 1 to 80 characters on one line.',
  noSuchDb: (file: string) =>
    `There is no attempts database ${file}. Pool your group's exports into it first: "qualify merge <files...> ` +
    `--db ${file}".`,
  cannotRead: (file: string, why: string) => `Cannot read ${file}: ${why}`,
  mergeRefused: (files: number) =>
    `Nothing was merged: ${files === 1 ? 'the file above is' : 'the files above are'} damaged, edited or not an ` +
    `attempts file. Ask for a fresh "qualify export".`,
  merged: (file: string, added: number, duplicates: number) =>
    `${file}: ${added} attempt${added === 1 ? '' : 's'} ` +
    `added${duplicates ? `, ${duplicates} already in the database` : ''}\n`,
  mergeTotal: (db: string, total: number) => `${db} now holds ${total} finished attempt${total === 1 ? '' : 's'}.\n`,
};
