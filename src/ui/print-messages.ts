import { groupedCount } from '../text/count.js';

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** The user-facing text of the printed views (the bank list, the history), in one place. */
export const printMessages = {
  noBanks: 'No question banks found. Add some with --content <dir> or in $QUALIFY_HOME/content.',
  bankFacts: (questions: number, guideline: string) => `${plural(questions, 'question')} · guideline ${guideline}`,
  /** After `list`: in a terminal the interactive exam comes first; piped, the answers-file route. */
  startOne: (terminal: boolean) =>
    terminal
      ? 'Start one with: qualify exam <id>   ' +
        '(qualify practice <id> never counts; --answers <file> scores a prepared file)'
      : 'Start one with: qualify exam <id> --answers <file>   (or --practice to keep it off the record)',
  noAttempts: (bankId?: string) => (bankId ? `No attempts at "${bankId}" yet.\n` : 'No attempts yet.\n'),
  earlierAttempts: (n: number) =>
    `… ${groupedCount(n)} earlier attempt${n === 1 ? '' : 's'} (qualify history --json lists them all)`,
  // Only a counted exam is settled by the next start; a practice round waits for its own resume.
  expiredInProgress: (mode: string) =>
    mode === 'exam'
      ? 'time ran out; it is submitted as it stood when you next start or resume this exam'
      : 'time ran out; it is closed as it stood the next time practice or history looks at it',
};
