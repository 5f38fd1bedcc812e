import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { UsageError } from '../errors.js';
import { REPORT_FORMATS } from './choices.js';
import type { DrillOptions } from './commands/drill.js';
import type { ExamOptions } from './commands/exam.js';
import type { HistoryOptions } from './commands/history.js';
import type { ListOptions } from './commands/list.js';
import type { PracticeOptions } from './commands/practice.js';
import type { ReadOptions } from './commands/read.js';
import type { ReportOptions } from './commands/report.js';
import type { GlobalOptions } from './context.js';
import type { IoInput } from './io.js';
import { optionsOf, runIo } from './context.js';
import { homeDir } from '../app/workspace.js';
import { keepLanguageModelIn } from '../scoring/model-folder.js';
import { preloadTextPackages } from '../text/deferred-packages.js';
import { registerAuthoringCommands } from './register-authoring.js';
import { registerSharingCommands } from './register-sharing.js';
import { VERSION } from './version.js';

// Each command's module is imported when that command runs, so building the program (and
// printing --help) loads only commander: no YAML parser, schema validator, SQLite or prompts.
const collect = (value: string, previous: string[]) => [...previous, value];

const EXAMPLES = `
Examples:
  $ qualify                                  home: banks, scores, retake times
  $ qualify list                             banks found
  $ qualify exam search-evaluation-basics    timed and counted, in the terminal
  $ qualify exam search-evaluation-basics --resume
  $ qualify practice search-evaluation-basics --confidence
  $ qualify key search-evaluation-basics > key.yaml
  $ qualify exam search-evaluation-basics --answers key.yaml --practice --all
  $ qualify report --format md > mistakes.md
  $ qualify history search-evaluation-basics
  $ qualify read search-evaluation           the guideline: contents, / search, passes
  $ qualify drill search-evaluation-basics   spaced repetition of what you missed
  $ qualify report --format html --out report.html
  $ qualify export --out mine.json           study group: export, merge, stats
  $ qualify lint question-banks/mine         authoring: lint, schema, new, import

Banks are read from the shipped folders, $QUALIFY_HOME/content and every --content.
Exit codes: 0 ok · 1 problems found · 2 usage or content error · 3 retake not yet allowed
Data: one SQLite file in $QUALIFY_HOME (default: your data folder); --db <file> to use another.
`;

/** Builds the command-line program. Commands throw typed errors; nothing here exits the process. */
export function buildProgram(given: IoInput): Command {
  const io = runIo(given);
  const program = new Command('qualify')
    .description('Practise the qualification exams of AI-training and data-labeling platforms.')
    .version(VERSION, '-V, --version')
    .addOption(
      new Option('--content <dir>', 'also read guidelines and banks from this folder (repeatable)')
        .default([], 'none')
        .argParser(collect),
    )
    .option('--db <file>', 'the attempts database to use')
    .showHelpAfterError('(run "qualify --help" for usage)')
    .addHelpText('after', EXAMPLES)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });

  const globals = <T extends GlobalOptions = GlobalOptions & Record<string, unknown>>(command: Command) =>
    optionsOf<T>(command, io);

  program
    .command('list')
    .description('list the question banks found, with their guideline and size')
    .option('--json', 'print JSON: [{id, title, guideline, questions, file}]')
    .addHelpText('after', '\nExamples:\n  $ qualify list\n  $ qualify list --content ./study-group --json\n')
    .action(async (_options, command: Command) =>
      (await import('./commands/list.js')).listCommand(globals<ListOptions>(command), io),
    );

  program
    .command('exam')
    .description('take an exam in the terminal (or from an answers file), record it, and print the mistake report')
    .argument('<bank>', 'a bank id (see "qualify list") or the path of a bank file')
    .option(
      '--answers <file>',
      'YAML file mapping question ids to responses (see docs/format.md; - reads standard input); without it, ' +
        'the exam runs in the terminal',
    )
    .option(
      '--resume',
      'continue the exam left in progress (same questions and answers; its clock kept running); with ' +
        '--answers, record them into it and submit',
    )
    .option(
      '--stream',
      'with --answers -: read one JSON answer per line from stdin, acknowledge each once saved, {"submit": true} ends',
    )
    .option('--confidence', 'ask "how sure?" after each answer; the report shows how sureness matched correctness')
    .option('--seed <n>', 'draw the same questions again (the seed of every attempt is recorded)')
    .option('--practice', 'practice mode: never counts toward retake waiting periods')
    .option('--all', "with --practice: every question of the bank, ignoring the exam's draw (to check a whole key)")
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  $ qualify exam search-evaluation-basics                       in the terminal: timed and counted\n' +
        '  $ qualify exam search-evaluation-basics --resume              continue after Ctrl+C\n' +
        '  $ qualify exam search-evaluation-basics --answers mine.yaml   score an answers file\n' +
        '  $ qualify exam ./my-bank.yaml --answers key.yaml --practice --all --json\n' +
        '  $ producer | qualify exam search-evaluation-basics --answers - --stream   drive an attempt answer ' +
        'by answer\n',
    )
    .action(async (bank: string, _options, command: Command) =>
      (await import('./commands/exam.js')).examCommand(bank, globals<ExamOptions>(command), io),
    );

  program
    .command('practice')
    .description('practise a bank in the terminal: feedback after each question, untimed, never counted toward retakes')
    .argument('<bank>', 'a bank id or the path of a bank file')
    .option('--timed', "keep the exam's time limit")
    .option('--confidence', 'ask "how sure?" after each answer')
    .option('--resume', 'continue the practice round left in progress')
    .option('--seed <n>', 'draw the same questions again')
    .addHelpText(
      'after',
      '\nExamples:\n  $ qualify practice search-evaluation-basics\n' +
        '  $ qualify practice search-evaluation-basics --timed --confidence\n',
    )
    .action(async (bank: string, _options, command: Command) =>
      (await import('./commands/practice.js')).practiceCommand(bank, globals<PracticeOptions>(command), io),
    );

  program
    .command('key')
    .description("print a bank's answer key as an answers file (it must score 100%)")
    .argument('<bank>', 'a bank id or the path of a bank file')
    .addHelpText(
      'after',
      '\nExamples:\n  $ qualify key search-evaluation-basics > key.yaml\n' +
        '  $ qualify exam search-evaluation-basics --answers key.yaml --practice --all   # must score 100%\n',
    )
    .action(async (bank: string, _options, command: Command) =>
      (await import('./commands/key.js')).keyCommand(bank, globals(command), io),
    );

  program
    .command('report')
    .description('show the mistake report of an attempt (default: the latest)')
    .argument('[attemptId]', 'an attempt number from "qualify history"')
    .addOption(new Option('--format <format>', 'output format').choices([...REPORT_FORMATS]).default('text'))
    .option('--out <file>', 'write the report to this file instead of the terminal')
    .addHelpText(
      'after',
      '\nExamples:\n  $ qualify report                      the latest attempt\n' +
        '  $ qualify report 12 --format md > attempt-12.md\n' +
        '  $ qualify report --format html --out report.html   one self-contained page, to share or print\n',
    )
    .action(async (attemptId: string | undefined, _options, command: Command) =>
      (await import('./commands/report.js')).reportCommand(attemptId, globals<ReportOptions>(command), io),
    );

  program
    .command('history')
    .description('list past attempts with score, pass/fail and when the next exam attempt is allowed')
    .argument('[bank]', 'only this bank')
    .option('--json', 'print JSON: {attempts: [...], retake: {bank: {status, availableAt}}, analytics: {...}}')
    .addHelpText('after', '\nExamples:\n  $ qualify history\n  $ qualify history search-evaluation-basics --json\n')
    .action(async (bank: string | undefined, _options, command: Command) =>
      (await import('./commands/history.js')).historyCommand(bank, globals<HistoryOptions>(command), io),
    );

  program
    .command('read')
    .description('read a guideline: contents with your record per section, search, and three study passes')
    .argument('<guideline>', 'a guideline id, or a bank id (its guideline)')
    .argument('[section]', 'open at this section')
    .option('--search <words>', 'print the sections that hold all these words, and exit')
    .addHelpText(
      'after',
      '\nExamples:\n  $ qualify read search-evaluation            contents; 1, 2, 3 start a pass; / searches\n' +
        '  $ qualify read search-evaluation 5.2\n' +
        '  $ qualify read search-evaluation --search "first-hand experience"\n',
    )
    .action(async (guideline: string, section: string | undefined, _options, command: Command) =>
      (await import('./commands/read.js')).readCommand(guideline, section, globals<ReadOptions>(command), io),
    );

  program
    .command('drill')
    .description(
      'spaced repetition (FSRS) of the questions you missed and the guideline terms and rules; never counted ' +
        'toward retakes',
    )
    .argument('[target]', 'a bank id or a guideline id (default: your whole deck)')
    .option('--weak', 'only the sections with the lowest accuracy so far')
    .option('--section <id>', 'only this guideline section (and its subsections)')
    .option('--limit <n>', 'at most this many cards in the round (default: 20)')
    .option('--json', 'print JSON: {target, round: [{card, correct, grade, dueAfter, ...}], due: [...]}')
    .addHelpText(
      'after',
      '\nExamples:\n  $ qualify drill search-evaluation-basics\n' +
        '  $ qualify drill search-evaluation-basics --weak --limit 10\n' +
        '  $ qualify drill search-evaluation --section 5.2\n',
    )
    .action(async (target: string | undefined, _options, command: Command) =>
      (await import('./commands/drill.js')).drillCommand(target, globals<DrillOptions>(command), io),
    );

  registerSharingCommands(program, io);

  registerAuthoringCommands(program, io);

  return program;
}

/** True when the arguments hold options of the program itself and nothing else (no command, no --help). */
function onlyGlobalOptions(probe: Command, argv: readonly string[]): boolean {
  try {
    const { operands, unknown } = probe.parseOptions([...argv]);
    return operands.length === 0 && unknown.length === 0;
  } catch {
    // A malformed option (--content without a folder) or --version: the real parse reports it.
    return false;
  }
}

/** Runs the CLI with the given arguments. Resolves when done; rejects with a typed error. */
export async function run(argv: readonly string[], given: IoInput): Promise<void> {
  // The one clock of this run, built here at the edge and passed down in `io`.
  const io = runIo(given);
  await preloadTextPackages();
  keepLanguageModelIn(path.join(homeDir(io.env), 'cache', 'nlp'));
  const program = buildProgram(io);
  if (argv.length === 0) {
    // In a terminal, no arguments opens the home screen; piped or in CI, the help as before.
    if (io.terminal)
      return (await import('./commands/home.js')).homeCommand(
        { content: [], cwd: io.cwd, home: homeDir(io.env) },
        io,
        io.terminal,
      );
    program.outputHelp();
    return;
  }
  try {
    if (io.terminal) {
      // Only global options (`qualify --content ./mine`, `qualify --db f.db`): the home screen
      // with them, as for `qualify` alone. Anything else (a command, --help) parses as usual.
      // A separate program looks, so the real one parses every option once (--content collects).
      const probe = buildProgram({ ...io, out: () => {}, err: () => {} });
      if (onlyGlobalOptions(probe, argv))
        return (await import('./commands/home.js')).homeCommand(optionsOf(probe, io), io, io.terminal);
    }
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end in a CommanderError too, with exit code 0.
      if (error.exitCode === 0) return;
      throw new UsageError('', true);
    }
    throw error;
  }
}
