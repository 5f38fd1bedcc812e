import { listedBanks } from '../../app/content.js';
import type { GlobalOptions } from '../context.js';
import { displayPath, type Io } from '../io.js';
import { renderJson } from '../../report/render/json.js';
import { bankListText } from '../../ui/bank-list.js';
import { compareText } from '../../text/collation.js';

export interface ListOptions extends GlobalOptions {
  json?: boolean;
}

/** `qualify list`: the banks found, with their guideline and size. */
export async function listCommand(options: ListOptions, io: Io): Promise<void> {
  // The index holds what the list shows: no bank is read unless it changed.
  const banks = [...(await listedBanks(options))]
    .sort((a, b) => compareText(a.id, b.id))
    .map((bank) => ({
      id: bank.id,
      title: bank.title,
      guideline: bank.guideline!.id,
      questions: bank.questions,
      file: displayPath(io, bank.file),
    }));
  const view = { color: io.color, width: io.width, terminal: io.terminal !== undefined };
  io.out(options.json ? renderJson(banks) : bankListText(banks, view));
}
