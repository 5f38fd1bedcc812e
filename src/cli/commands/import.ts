import fs from 'node:fs';
import path from 'node:path';
import { loadContent } from '../../content/load.js';
import { schemaModeline, writeSchemas } from '../../content/schema-location.js';
import { ProblemsFoundError, UsageError } from '../../errors.js';
import { decodeSource } from '../../import/text.js';
import {
  buildBank,
  CONVERTERS,
  IMPORT_FORMATS,
  skippedLines,
  slugFromFileName,
  toYaml,
  type ImportFormat,
} from '../../import/index.js';
import { sanitize } from '../../text/sanitize.js';
import { authoringMessages as messages } from '../authoring-messages.js';
import { contentDirs, type GlobalOptions } from '../context.js';
import { readInputBytes, STDIN_ARGUMENT } from '../input.js';
import { displayPath, type Io } from '../io.js';

export interface ImportOptions extends GlobalOptions {
  guideline?: string;
  id?: string;
  dir?: string;
}

const SLUG = /^[a-z0-9][a-z0-9-]*$/;

/**
 * `qualify import gift|aiken <file>`: writes `<id>.yaml` (and a stub guideline when no
 * --guideline is given) and lists what could not be converted with its line. Exit 1 when
 * anything was left out, so a script notices; the converted part is written either way.
 */
export function importCommand(format: string, file: string, options: ImportOptions, io: Io): void {
  if (!(IMPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(messages.badImportFormat(format));
  let input: { bytes: Buffer; file: string };
  try {
    input = readInputBytes(file, io.cwd);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(messages.cannotRead(file, code === 'ENOENT' ? 'no such file' : (error as Error).message));
  }
  const sourceFile = input.file;
  const decoded = decodeSource(input.bytes);
  if (decoded.fallback) io.err(`${messages.notUtf8(displayPath(io, sourceFile))}\n`);
  const source = decoded.text;
  const bankId = options.id ?? (file === STDIN_ARGUMENT ? undefined : slugFromFileName(path.basename(sourceFile)));
  if (bankId === undefined) throw new UsageError(messages.stdinNeedsId);
  if (!SLUG.test(bankId)) throw new UsageError(messages.badId(bankId));
  const folder = path.resolve(io.cwd, options.dir ?? '.');

  let guideline;
  if (options.guideline !== undefined) {
    const content = loadContent([...contentDirs(options), folder]);
    guideline = content.guidelines.get(options.guideline);
    if (!guideline) throw new UsageError(messages.unknownGuideline(options.guideline, [...content.guidelines.keys()]));
  }

  const converted = CONVERTERS[format as ImportFormat](source);
  const shownSource = displayPath(io, sourceFile);
  for (const line of skippedLines(shownSource, converted.skipped)) io.err(`${sanitize(line)}\n`);
  if (converted.questions.length === 0) throw new ProblemsFoundError(messages.nothingImported(shownSource));

  const built = buildBank(format as ImportFormat, bankId, converted.questions, guideline);
  const bankSchema = schemaModeline('bank', folder, io.cwd);
  const guidelineSchema = schemaModeline('guideline', folder, io.cwd);
  const outputs: [string, string][] = [[path.join(folder, `${bankId}.yaml`), toYaml(bankSchema.modeline, built.bank)]];
  if (built.guideline)
    outputs.push([
      path.join(folder, `${String(built.guideline.id)}.yaml`),
      toYaml(guidelineSchema.modeline, built.guideline),
    ]);
  for (const [target] of outputs)
    if (fs.existsSync(target)) throw new UsageError(messages.fileExists(displayPath(io, target)));
  fs.mkdirSync(folder, { recursive: true });
  for (const [target, text] of outputs) fs.writeFileSync(target, text, { flag: 'wx' });
  if (bankSchema.schemaToWrite) writeSchemas(folder, ['bank']);
  if (built.guideline && guidelineSchema.schemaToWrite) writeSchemas(folder, ['guideline']);

  io.err(
    `${messages.imported(
      converted.questions.length,
      outputs.map(([target]) => displayPath(io, target)),
    )}\n`,
  );
  if (built.fallbackCount) io.err(`${messages.filedUnderFirstSection(built.fallbackCount)}\n`);
  if (converted.skipped.length) throw new ProblemsFoundError(messages.skippedSome(converted.skipped.length));
}
