/** User-facing text of the study-group files and commands (export, merge, stats), in one place. */
export const shareMessages = {
  exported: (attempts: number, file: string) => `Exported ${attempts} attempt${attempts === 1 ? '' : 's'} to ${file}\n`,
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
