import { formatDuration } from '../content/duration.js';
import { formatWhen } from '../text/theme.js';

/** Closest known ids first, so a typo gets a useful suggestion. */
function suggestions(wanted: string, known: string[]): string {
  if (known.length === 0) return '';
  const distance = (a: string, b: string) => {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
      let previous = row[0]!;
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const current = row[j]!;
        row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
        previous = current;
      }
    }
    return row[b.length]!;
  };
  const sorted = [...known].sort((a, b) => distance(wanted, a) - distance(wanted, b));
  return `\nKnown banks: ${sorted.slice(0, 8).join(', ')}${known.length > 8 ? ', ...' : ''}`;
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** The CLI's user-facing text, in one place. */
export const messages = {
  contentErrors: (n: number) => `${n} problem${n === 1 ? '' : 's'} in content files; fix ${n === 1 ? 'it' : 'them'} and run the command again.`,
  answersErrors: (n: number) => `${n} problem${n === 1 ? '' : 's'} in the answers file.`,
  unknownBank: (id: string, known: string[]) => `There is no question bank with id "${id}". Run "qualify list" to see them.${suggestions(id, known)}`,
  noSuchFile: (file: string) => `File not found: ${file}`,
  notABank: (file: string) => `${file} is not a question bank (its "kind" is not "bank").`,
  cannotReadAnswers: (file: string, why: string) => `Cannot read the answers file ${file}: ${why}`,
  answersNotMapping: 'an answers file maps question ids to responses, like "se-001: b"',
  unknownQuestion: (id: string, bank: string) => `question "${id}" is not in bank "${bank}"; its response is ignored`,
  answersForAnotherBank: (bank: string, unknown: number, total: number, owner: string | undefined) =>
    (unknown === total ? `none of the ${plural(total, 'question id')} in this answers file is in bank "${bank}"` : `${unknown} of the ${total} question ids in this answers file are not in bank "${bank}"`) +
    (owner ? `; they belong to bank "${owner}"` : '; no bank found has them'),
  answersWrongBank: (bank: string, owner: string | undefined) =>
    `This answers file is not for "${bank}"; nothing was recorded.` + (owner ? ` Did you mean: qualify exam ${owner} --answers <file>?` : ''),
  badAnswer: (id: string, problem: string) => `question "${id}": ${problem}`,
  badConfidence: (id: string, value: string) => `question "${id}": confidence must be low, medium or high, not "${value}"`,
  allNeedsPractice: '--all answers every question of the bank, which is not the real exam; use it with --practice.',
  badSeed: (seed: string) => `--seed must be a whole number, not "${seed}".`,
  badClock: (value: string) => `QUALIFY_NOW must be an ISO date or milliseconds, not "${value}".`,
  cannotOpenDb: (file: string, why: string) => `Cannot open the attempts database ${file}: ${why}`,
  noAttempts: 'No finished attempts yet. Take one with "qualify exam <bank> --answers <file>".',
  unknownAttempt: (id: string) => `There is no finished attempt #${id}. Run "qualify history" to see them.`,
  badAttemptId: (id: string) => `An attempt id is a number, not "${id}".`,
  badFormat: (format: string, allowed: string[]) => `Unknown format "${format}"; use one of: ${allowed.join(', ')}.`,
  retakeWait: (bank: string, until: number, failed: number) =>
    `You cannot retake "${bank}" yet: after ${failed} failed attempt${failed === 1 ? '' : 's'} the waiting period runs until ${formatWhen(until)}.\n` +
    `Use the time to re-read the sections in your last report ("qualify report"), or practise with --practice, which never counts.`,
  lockedOut: (bank: string, until: number | undefined, failed: number) =>
    until === undefined
      ? `"${bank}" is locked: ${plural(failed, 'failed attempt')} used up its attempts for good, as on platforms that close a qualification after repeated failures. Practice mode (--practice) is still open.`
      : `"${bank}" is locked after ${plural(failed, 'failed attempt')} until ${formatWhen(until)}; then the attempts reset. Practice mode (--practice) is still open.`,
  clockRollback: (bank: string, last: number) =>
    `Refusing to start "${bank}": the system clock says it is earlier than an attempt already recorded (${formatWhen(last)}). ` +
    'A clock turned back cannot shorten a waiting period; fix the date and time and try again.',
  waitDescription: (ms: number) => formatDuration(ms),
  needsTerminal: (command: string) =>
    `"qualify ${command}" runs in a terminal; here stdin or stdout is not one. To score an answers file instead, use ` +
    `"qualify exam <bank> --answers <file>"${command === 'practice' ? ' with --practice' : ''}.`,
  nothingToResume: (bank: string, mode: string) => `There is no ${mode} of "${bank}" in progress to resume. Start one with "qualify ${mode} ${bank}".`,
  examInProgress: (bank: string, started: number) =>
    `An exam of "${bank}" started ${formatWhen(started)} is still in progress. Continue it with "qualify exam ${bank} --resume".`,
  noBanks: 'No question banks found. Add some with --content <dir> or in $QUALIFY_HOME/content.',
  bankFacts: (questions: number, guideline: string) => `${plural(questions, 'question')} · guideline ${guideline}`,
  /** After `list`: in a terminal the interactive exam comes first; piped, the answers-file route. */
  startOne: (terminal: boolean) =>
    terminal
      ? 'Start one with: qualify exam <id>   (qualify practice <id> never counts; --answers <file> scores a prepared file)'
      : 'Start one with: qualify exam <id> --answers <file>   (or --practice to keep it off the record)',
  resumeWithAnswers: '--resume continues an interactive attempt in the terminal; it cannot be combined with --answers.',
};
