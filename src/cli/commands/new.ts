import fs from 'node:fs';
import path from 'node:path';
import { bankTemplate, guidelineTemplate } from '../../authoring/scaffold.js';
import { loadContent } from '../../content/load.js';
import { schemaModeline, writeSchemas } from '../../content/schema-location.js';
import { UsageError } from '../../errors.js';
import { authoringMessages as messages } from '../authoring-messages.js';
import { contentDirs, type GlobalOptions } from '../context.js';
import { displayPath, type Io } from '../io.js';

export interface NewOptions extends GlobalOptions {
  guideline?: string;
  dir?: string;
}

const SLUG = /^[a-z0-9][a-z0-9-]*$/;

/** Two section ids for the example questions: the first two, or the only one twice. */
function exampleSections(ids: string[]): [string, string] {
  return [ids[0]!, ids[1] ?? ids[0]!];
}

/** `qualify new bank|guideline <id>`: writes a commented, lint-clean starting file (never overwrites). */
export function newCommand(kind: string, id: string, options: NewOptions, io: Io): void {
  if (kind !== 'bank' && kind !== 'guideline') throw new UsageError(messages.badNewKind(kind));
  if (!SLUG.test(id)) throw new UsageError(messages.badId(id));
  const folder = path.resolve(io.cwd, options.dir ?? '.');
  const file = path.join(folder, `${id}.yaml`);
  if (fs.existsSync(file)) throw new UsageError(messages.fileExists(displayPath(io, file)));

  const schema = schemaModeline(kind, folder, io.cwd);
  let text: string;
  if (kind === 'guideline') {
    text = guidelineTemplate(id, schema.modeline);
  } else {
    // The guideline may sit in the target folder, the search path or --content.
    const content = loadContent([...contentDirs(options), folder]);
    const guidelineId = options.guideline;
    if (guidelineId === undefined) throw new UsageError(messages.bankNeedsGuideline([...content.guidelines.keys()]));
    const guideline = content.guidelines.get(guidelineId);
    if (!guideline) throw new UsageError(messages.unknownGuideline(guidelineId, [...content.guidelines.keys()]));
    text = bankTemplate({
      id,
      guidelineId,
      sections: exampleSections([...guideline.sectionIndex.keys()]),
      modeline: schema.modeline,
    });
  }
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(file, text, { flag: 'wx' });
  if (schema.schemaToWrite) writeSchemas(path.dirname(schema.schemaToWrite), [kind]);
  const shown = displayPath(io, file);
  io.err(
    `${messages.created(shown, kind === 'bank' ? messages.nextForBank(shown) : messages.nextForGuideline(shown))}\n`,
  );
}
