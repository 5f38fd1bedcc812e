import { sanitize } from '../../text/sanitize.js';
import { makeTheme } from '../../text/theme.js';
import { wrapLines } from '../../text/wrap.js';
import { selectAllContent, type GlobalOptions } from '../context.js';
import { displayPath, type Io } from '../io.js';
import { messages } from '../messages.js';
import { renderJson } from '../../report/render/json.js';

export interface ListOptions extends GlobalOptions {
  json?: boolean;
}

/** `qualify list`: the banks found, with their guideline and size. */
export function listCommand(options: ListOptions, io: Io): void {
  // The index holds what the list shows: no bank is read unless it changed.
  const banks = [...selectAllContent(options).banks]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((bank) => ({
      id: bank.id,
      title: bank.title,
      guideline: bank.guideline!.id,
      questions: bank.questions,
      file: displayPath(io, bank.file),
    }));
  if (options.json) {
    io.out(renderJson(banks));
    return;
  }
  if (banks.length === 0) {
    io.out(`${messages.noBanks}\n`);
    return;
  }
  const c = makeTheme(io.color);
  const idWidth = Math.max(...banks.map((b) => b.id.length));
  // Wrapped to the window, continuing under the title column. The file goes on a line of its
  // own and is never broken (it is copied into commands); when it would not fit beside the ids,
  // each id goes on its own line with the rest indented under it.
  const wrap = (line: string, hang: number) => `${wrapLines(line, io.width - 1, { hang }).join('\n')}\n`;
  const indent = Math.max(...banks.map((b) => b.file.length)) + idWidth + 2 <= io.width - 1 ? idWidth + 2 : 2;
  for (const b of banks) {
    const pad = ' '.repeat(indent);
    const head =
      indent === 2
        ? `${c.bold(b.id)}\n${wrap(`${pad}${sanitize(b.title)}`, indent)}`
        : wrap(`${c.bold(b.id.padEnd(idWidth))}  ${sanitize(b.title)}`, indent);
    io.out(
      `${head}${wrap(`${pad}${c.dim(messages.bankFacts(b.questions, b.guideline))}`, indent)}${pad}${c.dim(b.file)}\n`,
    );
  }
  io.out(`\n${wrap(c.dim(messages.startOne(io.terminal !== undefined)), 2)}`);
}
