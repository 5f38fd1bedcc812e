import { Command, Option } from 'commander';
import { IMPORT_FORMATS, LINT_FORMATS, SCHEMA_KINDS } from './choices.js';
import type { ImportOptions } from './commands/import.js';
import type { LintOptions } from './commands/lint.js';
import type { NewOptions } from './commands/new.js';
import type { SchemaOptions } from './commands/schema.js';
import { optionsOf, type GlobalOptions } from './context.js';
import type { Io } from './io.js';

/**
 * The authoring commands (lint, schema, new, import), registered in one place so main.ts stays a
 * short list of the learner's commands.
 */
export function registerAuthoringCommands(program: Command, io: Io): void {
  const globals = <T extends GlobalOptions = GlobalOptions & Record<string, unknown>>(command: Command) =>
    optionsOf<T>(command, io);

  program
    .command('lint')
    .description('check guideline documents and banks for mistakes, with file:line:col for each')
    .argument('[paths...]', 'files or folders to lint (default: the current folder); - reads standard input')
    .addOption(new Option('--format <format>', 'output format').choices([...LINT_FORMATS]).default('stylish'))
    .option('--max-warnings <n>', 'fail (exit 1) when there are more warnings than this; -1: no limit', '-1')
    .option(
      '--stats <db>',
      'also warn about questions that a (group) attempts database shows too easy, too hard or with a doubtful key',
    )
    .addHelpText(
      'after',
      '\nExamples:\n  $ qualify lint question-banks/mine\n' +
        '  $ qualify lint guidelines question-banks --format github --max-warnings 0\n' +
        '  $ qualify lint question-banks/mine --stats group.db\n\n' +
        'Silence a warning with a comment on the line before it:\n  # qualify-lint-disable-next-line near-duplicate\n' +
        'Rules: docs/rules/<rule-id>.md\n',
    )
    .action(async (paths: string[], _options, command: Command) =>
      (await import('./commands/lint.js')).lintCommand(paths, globals<LintOptions>(command), io),
    );

  program
    .command('schema')
    .description(
      'print the JSON Schema of a bank or a guideline, or write both into a content folder (for editors and tools)',
    )
    .addArgument(
      new Command().createArgument('[kind]', 'bank or guideline (both with --write)').choices([...SCHEMA_KINDS]),
    )
    .option('--write <dir>', 'write <kind>.schema.json into this content folder instead of printing it')
    .addHelpText(
      'after',
      '\nExamples:\n  $ qualify schema bank > bank.schema.json\n' +
        '  $ qualify schema --write content   # the files the editor line of content/*.yaml points at\n',
    )
    .action(async (kind: string | undefined, options: SchemaOptions) =>
      (await import('./commands/schema.js')).schemaCommand(kind, options, io),
    );

  program
    .command('new')
    .description('write a commented, lint-clean starting file for a bank or a guideline')
    .addArgument(new Command().createArgument('<kind>', 'bank or guideline').choices(['bank', 'guideline']))
    .argument('<id>', 'the new id (lowercase letters, digits, dashes); the file is <id>.yaml')
    .option('--guideline <id>', 'for a bank: the guideline it tests')
    .option('--dir <folder>', 'where to write the file (default: the current folder)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ qualify new guideline my-task --dir content\n' +
        '  $ qualify new bank my-task-basics --guideline my-task --dir content\n',
    )
    .action(async (kind: string, id: string, _options, command: Command) =>
      (await import('./commands/new.js')).newCommand(kind, id, globals<NewOptions>(command), io),
    );

  program
    .command('import')
    .description('convert a Moodle GIFT or Aiken file into a v1 bank, reporting what could not be converted')
    .addArgument(new Command().createArgument('<format>', 'gift or aiken').choices([...IMPORT_FORMATS]))
    .argument('<file>', 'the file to convert; - reads standard input (then --id is needed)')
    .option(
      '--guideline <id>',
      'file the questions under this guideline (default: write a stub guideline beside the bank)',
    )
    .option('--id <id>', 'the bank id (default: from the file name)')
    .option('--dir <folder>', 'where to write (default: the current folder)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ qualify import gift quiz.gift.txt --dir content\n' +
        '  $ qualify import aiken quiz.txt --guideline search-evaluation\n',
    )
    .action(async (format: string, file: string, _options, command: Command) =>
      (await import('./commands/import.js')).importCommand(format, file, globals<ImportOptions>(command), io),
    );
}
