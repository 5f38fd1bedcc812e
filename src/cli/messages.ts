/** The CLI's own user-facing text (options refused, commands that need a terminal), in one place. */
export const messages = {
  cannotReadAnswers: (file: string, why: string) => `Cannot read the answers file ${file}: ${why}`,
  allNeedsPractice: '--all answers every question of the bank, which is not the real exam; use it with --practice.',
  badSeed: (seed: string) => `--seed must be a whole number, not "${seed}".`,
  noAttempts: 'No finished attempts yet. Take one with "qualify exam <bank> --answers <file>".',
  unknownAttempt: (id: string) => `There is no finished attempt #${id}. Run "qualify history" to see them.`,
  badAttemptId: (id: string) => `An attempt id is a number, not "${id}".`,
  badFormat: (format: string, allowed: string[]) => `Unknown format "${format}"; use one of: ${allowed.join(', ')}.`,
  needsTerminal: (command: string, resume = false) =>
    `"qualify ${command}" runs in a terminal; here stdin or stdout is not one. ` +
    (resume ? 'To finish it with' : 'To score') +
    ` an answers file instead, use "qualify exam <bank> --answers <file>${resume ? ' --resume' : ''}"` +
    `${command === 'practice' ? ' with --practice' : ''}.`,
  cannotWrite: (file: string, why: string) => `Cannot write ${file}: ${why}`,
  wrote: (file: string) => `Wrote ${file}\n`,
  badName: 'A display name is 1 to 80 characters on one line.',
  streamNeedsStdin: '--stream reads JSON lines from standard input; use it with --answers -.',
};
