import { sanitize } from '../text/sanitize.js';
import { makeTheme } from '../text/theme.js';
import { wrapLines } from '../text/wrap.js';
import { printMessages as messages } from './print-messages.js';

/** One bank as `qualify list` shows it (and prints it with --json); `file` as the user reads it. */
export interface BankRow {
  id: string;
  title: string;
  guideline: string;
  questions: number;
  file: string;
}

/** The bank list: ids, titles and facts wrapped to the width, then how to start one. */
export function bankListText(banks: readonly BankRow[], view: { color: boolean; width: number; terminal: boolean }) {
  if (banks.length === 0) return `${messages.noBanks}\n`;
  const c = makeTheme(view.color);
  const idWidth = Math.max(...banks.map((b) => b.id.length));
  // Wrapped to the window, continuing under the title column. The file goes on a line of its
  // own and is never broken (it is copied into commands); when it would not fit beside the ids,
  // each id goes on its own line with the rest indented under it.
  const wrap = (line: string, hang: number) => `${wrapLines(line, view.width - 1, { hang }).join('\n')}\n`;
  const indent = Math.max(...banks.map((b) => b.file.length)) + idWidth + 2 <= view.width - 1 ? idWidth + 2 : 2;
  let text = '';
  for (const b of banks) {
    const pad = ' '.repeat(indent);
    const head =
      indent === 2
        ? `${c.bold(b.id)}\n${wrap(`${pad}${sanitize(b.title)}`, indent)}`
        : wrap(`${c.bold(b.id.padEnd(idWidth))}  ${sanitize(b.title)}`, indent);
    const facts = wrap(`${pad}${c.dim(messages.bankFacts(b.questions, b.guideline))}`, indent);
    text += `${head}${facts}${pad}${c.dim(b.file)}\n`;
  }
  return `${text}\n${wrap(c.dim(messages.startOne(view.terminal)), 2)}`;
}
