import path from 'node:path';
import { guidelineTemplate } from '../../authoring/scaffold.js';
import { NEW_ID, newBankText, refuseExisting, writeContentFiles } from '../../authoring/write.js';
import { authoringMessages as results } from '../../authoring/messages.js';
import { UsageError } from '../../errors.js';
import { guidelinesWith } from '../../app/open.js';
import { authoringMessages as messages } from '../authoring-messages.js';
import type { GlobalOptions } from '../context.js';
import { displayPath, type Io } from '../io.js';

export interface NewOptions extends GlobalOptions {
  guideline?: string;
  dir?: string;
}

/** `qualify new bank|guideline <id>`: writes a commented, lint-clean starting file (never overwrites). */
export function newCommand(kind: string, id: string, options: NewOptions, io: Io): void {
  if (kind !== 'bank' && kind !== 'guideline') throw new UsageError(messages.badNewKind(kind));
  if (!NEW_ID.test(id)) throw new UsageError(messages.badId(id));
  const folder = path.resolve(io.cwd, options.dir ?? '.');
  const file = path.join(folder, `${id}.yaml`);
  const shown = (f: string) => displayPath(io, f);
  refuseExisting([file], shown);
  // A bank's guideline may sit in the target folder, the search path or --content.
  const text =
    kind === 'guideline'
      ? (modeline: string) => guidelineTemplate(id, modeline)
      : newBankText(id, options.guideline, guidelinesWith(options, folder));
  writeContentFiles(folder, io.cwd, [{ file, kind, text }], shown);
  const next = kind === 'bank' ? results.nextForBank(shown(file)) : results.nextForGuideline(shown(file));
  io.err(`${results.created(shown(file), next)}\n`);
}
