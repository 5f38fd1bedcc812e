import fs from 'node:fs';
import { schemaModeline, writeSchemas } from '../content/schema-location.js';
import type { Guideline } from '../content/types.js';
import type { ContentKind } from '../content/validate.js';
import { UsageError } from '../errors.js';
import { authoringMessages as messages } from './messages.js';
import { bankTemplate } from './scaffold.js';

/** What an id of a new bank or guideline may be (it names the file, <id>.yaml). */
export const NEW_ID = /^[a-z0-9][a-z0-9-]*$/;

/** A content file to write: its path, its kind, and its text given the editor line (see schemaModeline). */
export interface NewContentFile {
  file: string;
  kind: ContentKind;
  text: (modeline: string) => string;
}

/** Stops (nothing written) when any of the files exists already: new files never overwrite. */
export function refuseExisting(files: readonly string[], shown: (file: string) => string): void {
  for (const file of files) if (fs.existsSync(file)) throw new UsageError(messages.fileExists(shown(file)));
}

/**
 * Writes new content files into `folder`, each with the editor line that points at its schema
 * (the nearest up to `top`, the current folder), and the schemas missing for those lines.
 */
export function writeContentFiles(
  folder: string,
  top: string,
  files: readonly NewContentFile[],
  shown: (file: string) => string,
): void {
  const schemas = files.map((f) => schemaModeline(f.kind, folder, top));
  refuseExisting(
    files.map((f) => f.file),
    shown,
  );
  fs.mkdirSync(folder, { recursive: true });
  files.forEach((f, i) => fs.writeFileSync(f.file, f.text(schemas[i]!.modeline), { flag: 'wx' }));
  const kinds = files.filter((_, i) => schemas[i]!.schemaToWrite).map((f) => f.kind);
  if (kinds.length) writeSchemas(folder, kinds);
}

/** The guideline named by --guideline among those found, or a refusal that lists them. */
export function guidelineById(guidelines: ReadonlyMap<string, Guideline>, id: string): Guideline {
  const guideline = guidelines.get(id);
  if (!guideline) throw new UsageError(messages.unknownGuideline(id, [...guidelines.keys()]));
  return guideline;
}

/** The text of a new bank on a guideline (which --guideline must name), its examples on its first two sections. */
export function newBankText(
  id: string,
  guidelineId: string | undefined,
  guidelines: ReadonlyMap<string, Guideline>,
): (modeline: string) => string {
  if (guidelineId === undefined) throw new UsageError(messages.bankNeedsGuideline([...guidelines.keys()]));
  const ids = [...guidelineById(guidelines, guidelineId).sectionIndex.keys()];
  return (modeline) => bankTemplate({ id, guidelineId, sections: [ids[0]!, ids[1] ?? ids[0]!], modeline });
}
