import { sanitize } from '../../text/sanitize.js';
import { makeTheme } from '../../text/theme.js';
import { loadAllContent, type GlobalOptions } from '../context.js';
import { displayPath, type Io } from '../io.js';
import { messages } from '../messages.js';
import { renderJson } from '../../report/render/json.js';

export interface ListOptions extends GlobalOptions {
  json?: boolean;
}

/** `qualify list`: the banks found, with their guideline and size. */
export function listCommand(options: ListOptions, io: Io): void {
  const content = loadAllContent(options);
  const banks = [...content.banks.values()]
    .sort((a, b) => a.bank.id.localeCompare(b.bank.id))
    .map(({ bank, guideline }) => ({
      id: bank.id,
      title: bank.title,
      guideline: guideline.id,
      questions: bank.questions.length,
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
  for (const b of banks) {
    io.out(`${c.bold(b.id.padEnd(idWidth))}  ${sanitize(b.title)}\n${' '.repeat(idWidth)}  ${c.dim(messages.bankFacts(b.questions, b.guideline, b.file))}\n`);
  }
  io.out(c.dim(`\n${messages.startOne(io.terminal !== undefined)}\n`));
}
