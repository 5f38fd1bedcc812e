import path from 'node:path';
import { guidelineById, NEW_ID, writeContentFiles, type NewContentFile } from '../../authoring/write.js';
import { authoringMessages as results } from '../../authoring/messages.js';
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
import { readNamedInput, STDIN_ARGUMENT } from '../../app/input.js';
import { guidelinesWith } from '../../app/open.js';
import { authoringMessages as messages } from '../authoring-messages.js';
import type { GlobalOptions } from '../context.js';
import { displayPath, type Io } from '../io.js';

export interface ImportOptions extends GlobalOptions {
  guideline?: string;
  id?: string;
  dir?: string;
}

/**
 * `qualify import gift|aiken <file>`: writes `<id>.yaml` (and a stub guideline when no
 * --guideline is given) and lists what could not be converted with its line. Exit 1 when
 * anything was left out, so a script notices; the converted part is written either way.
 */
export function importCommand(format: string, file: string, options: ImportOptions, io: Io): void {
  if (!(IMPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(messages.badImportFormat(format));
  const input = readNamedInput(file, io.cwd, (why) => messages.cannotRead(file, why));
  const shown = (f: string) => displayPath(io, f);
  const decoded = decodeSource(input.bytes);
  if (decoded.fallback) io.err(`${results.notUtf8(shown(input.file))}\n`);
  const bankId = options.id ?? (file === STDIN_ARGUMENT ? undefined : slugFromFileName(path.basename(input.file)));
  if (bankId === undefined) throw new UsageError(messages.stdinNeedsId);
  if (!NEW_ID.test(bankId)) throw new UsageError(messages.badId(bankId));
  const folder = path.resolve(io.cwd, options.dir ?? '.');
  const guideline =
    options.guideline === undefined ? undefined : guidelineById(guidelinesWith(options, folder), options.guideline);

  const converted = CONVERTERS[format as ImportFormat](decoded.text);
  for (const line of skippedLines(shown(input.file), converted.skipped)) io.err(`${sanitize(line)}\n`);
  if (converted.questions.length === 0) throw new ProblemsFoundError(results.nothingImported(shown(input.file)));

  const built = buildBank(format as ImportFormat, bankId, converted.questions, guideline);
  const files: NewContentFile[] = [
    { file: path.join(folder, `${bankId}.yaml`), kind: 'bank', text: (modeline) => toYaml(modeline, built.bank) },
  ];
  if (built.guideline) {
    const stub = built.guideline;
    files.push({ file: path.join(folder, `${String(stub.id)}.yaml`), kind: 'guideline', text: (m) => toYaml(m, stub) });
  }
  writeContentFiles(folder, io.cwd, files, shown);
  io.err(
    `${results.imported(
      converted.questions.length,
      files.map((f) => shown(f.file)),
    )}\n`,
  );
  if (built.fallbackCount) io.err(`${results.filedUnderFirstSection(built.fallbackCount)}\n`);
  if (converted.skipped.length) throw new ProblemsFoundError(results.skippedSome(converted.skipped.length));
}
