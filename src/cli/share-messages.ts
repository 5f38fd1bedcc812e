/** User-facing text of the study-group commands (report --out, export, merge, stats). */
export const shareMessages = {
  cannotWrite: (file: string, why: string) => `Cannot write ${file}: ${why}`,
  wrote: (file: string) => `Wrote ${file}\n`,
};
