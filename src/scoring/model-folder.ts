/*
 * Where the prepared language model is kept (see language-model.ts). Apart from it so that the
 * program can say where while it starts, without loading the loader of the model.
 */

let folder: string | undefined;

/** Where the prepared model is kept; without a folder it is prepared in memory on every load. */
export function keepLanguageModelIn(where: string | undefined): void {
  folder = where;
}

export const languageModelFolder = (): string | undefined => folder;
