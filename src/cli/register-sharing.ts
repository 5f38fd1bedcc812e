import { Command, Option } from 'commander';
import { STATS_FORMATS } from './choices.js';
import type { ExportOptions } from './commands/export.js';
import type { StatsOptions } from './commands/stats.js';
import { optionsOf, type GlobalOptions } from './context.js';
import type { Io } from './io.js';

/** The study-group commands (export, merge, stats), registered in one place like the authoring ones. */
export function registerSharingCommands(program: Command, io: Io): void {
  const globals = <T extends GlobalOptions = GlobalOptions & Record<string, unknown>>(command: Command) =>
    optionsOf<T>(command, io);

  program
    .command('export')
    .description('write your finished attempts, with answers, to a versioned attempts file for a study group')
    .option('--bank <id>', 'only the attempts at this bank')
    .option('--out <file>', 'write to this file (default: the terminal)')
    .option(
      '--name <display name>',
      'show this name to your group (remembered for later exports); without it, only a random id',
    )
    .option('--no-name', 'forget the display name set before')
    .addHelpText(
      'after',
      '\nExamples:\n  $ qualify export --out my-attempts.json\n' +
        '  $ qualify export --bank search-evaluation-basics --name Ana --out ana.json\n\n' +
        'Format: docs/export-format.md\n',
    )
    .action(async (_options, command: Command) =>
      (await import('./commands/export.js')).exportCommand(globals<ExportOptions>(command), io),
    );

  program
    .command('merge')
    .description(
      "add members' attempts files to a group database (--db group.db); duplicates are skipped, nothing is overwritten",
    )
    .argument('<files...>', 'attempts files written by "qualify export"')
    .addHelpText(
      'after',
      '\nExamples:\n  $ qualify merge ana.json ben.json --db group.db\n' +
        '  $ qualify stats search-evaluation-basics --db group.db\n',
    )
    .action(async (files: string[], _options, command: Command) =>
      (await import('./commands/merge.js')).mergeCommand(files, globals(command), io),
    );

  program
    .command('stats')
    .description(
      'for authors: how each question of a bank performs (facility, discrimination, option picks) from the ' +
        "database's attempts",
    )
    .argument('<bank>', 'a bank id or the path of a bank file')
    .addOption(new Option('--format <format>', 'output format').choices([...STATS_FORMATS]).default('text'))
    .option('--out <file>', 'write to this file instead of the terminal')
    .addHelpText(
      'after',
      '\nExamples:\n  $ qualify stats search-evaluation-basics --db group.db\n' +
        '  $ qualify stats ./my-bank.yaml --db group.db --format html --out stats.html\n',
    )
    .action(async (bank: string, _options, command: Command) =>
      (await import('./commands/stats.js')).statsCommand(bank, globals<StatsOptions>(command), io),
    );
}
