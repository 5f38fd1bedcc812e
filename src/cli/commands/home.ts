import { AbortPromptError, ExitPromptError } from '@inquirer/core';
import type { ResolvedBank } from '../../content/types.js';
import { QualifyError, RetakeRefusedError } from '../../errors.js';
import type { AttemptStore } from '../../store/attempts.js';
import { uiMessages } from '../../ui/messages.js';
import { choicePrompt } from '../../ui/prompts/choice.js';
import { pagerPrompt } from '../../ui/prompts/pager.js';
import { guidelineText } from '../../ui/question-view.js';
import { safe } from '../../ui/screen.js';
import { screenSize, type Terminal } from '../../ui/terminal.js';
import { formatWhen, makeTheme } from '../../text/theme.js';
import { retakeDecision } from '../attempt.js';
import { loadAllContent, now, openStore, type GlobalOptions } from '../context.js';
import { runInteractive } from '../interactive.js';
import type { Io } from '../io.js';
import { historyCommand } from './history.js';

/** One bank's line on the home screen: best score, passed, and when the exam is open. */
export function bankStatus(store: AttemptStore, resolved: ResolvedBank, at: number): string {
  const s = uiMessages.bankStatus;
  const attempts = store.list(resolved.bank.id).filter((a) => a.mode === 'exam');
  const parts: string[] = [];
  const finished = attempts.filter((a) => a.status !== 'in_progress' && a.percent !== undefined);
  if (finished.length === 0) parts.push(s.neverTried);
  else parts.push(s.best(Math.max(...finished.map((a) => a.percent!))));
  if (finished.some((a) => a.passed)) parts.push(s.passed);
  if (attempts.some((a) => a.status === 'in_progress')) parts.push(s.inProgress);
  else {
    const decision = retakeDecision(store, resolved, at);
    if (decision.kind === 'wait') parts.push(s.waitUntil(decision.until));
    else if (decision.kind === 'locked-out') parts.push(s.locked(decision.until));
    else if (finished.length) parts.push(s.available);
  }
  return parts.join(' · ');
}

/** Resolves to undefined when the prompt was closed with Ctrl+C (leave the home screen). */
async function ask<T>(run: () => Promise<T>): Promise<T | undefined> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ExitPromptError || error instanceof AbortPromptError) return undefined;
    throw error;
  }
}

/**
 * `qualify` with no arguments in a terminal: the banks with their status, and for the one picked,
 * exam, practice, reading the guideline, or its history. Returns when the learner quits.
 */
export async function homeCommand(options: GlobalOptions, io: Io, terminal: Terminal): Promise<void> {
  const content = loadAllContent(options);
  const banks = [...content.banks.values()].sort((a, b) => a.bank.id.localeCompare(b.bank.id));
  const home = new HomeScreens(options, io, terminal);
  let cursor: string | undefined;
  while (true) {
    const statuses = home.statuses(banks);
    const picked = await ask(() =>
      choicePrompt(
        {
          screen: home.screen(uiMessages.homeHint),
          // A table: id, title, status; the title gives way first on a narrow screen.
          choices: [...banks.map((b) => ({ value: b.bank.id, label: b.bank.id, cells: [b.bank.title, statuses.get(b.bank.id) ?? ''] })), { value: '', label: uiMessages.quit }],
          shrinkColumn: 1,
          default: cursor,
          enterHint: uiMessages.keys.choose,
        },
        home.context,
      ),
    );
    if (!picked || picked.kind !== 'answer' || picked.value === '') return;
    cursor = picked.value;
    await home.bankMenu(content.banks.get(picked.value)!);
  }
}

/** The home screen's parts that share the terminal and the options. */
class HomeScreens {
  readonly context;
  private readonly c;

  constructor(
    private readonly options: GlobalOptions,
    private readonly io: Io,
    private readonly terminal: Terminal,
  ) {
    this.context = { input: terminal.input, output: terminal.output, clearPromptOnDone: true };
    this.c = makeTheme(terminal.color);
  }

  screen(body: string, title: string = uiMessages.homeTitle) {
    return { title, body, color: this.terminal.color, size: screenSize(this.terminal) };
  }

  statuses(banks: readonly ResolvedBank[]): Map<string, string> {
    const { db, store } = openStore(this.options, 'read');
    try {
      return new Map(banks.map((b) => [b.bank.id, bankStatus(store, b, now(this.io.env))]));
    } finally {
      db.close();
    }
  }

  /** One bank's menu, shown again after each action until the learner goes back to the banks. */
  async bankMenu(resolved: ResolvedBank): Promise<void> {
    const a = uiMessages.actions;
    const c = this.c;
    while (true) {
      const status = this.statuses([resolved]).get(resolved.bank.id) ?? '';
      const inProgress = status.includes(uiMessages.bankStatus.inProgress);
      const action = await ask(() =>
        choicePrompt(
          {
            screen: this.screen(`${c.bold(safe(resolved.bank.title))}\n${c.dim(`${resolved.bank.questions.length} questions · guideline: ${safe(resolved.guideline.title)} · ${status}`)}`),
            choices: [
              inProgress ? { value: 'resume', label: a.resume } : { value: 'exam', label: a.exam },
              { value: 'practice', label: a.practice },
              { value: 'guideline', label: a.guideline },
              { value: 'history', label: a.history },
              { value: 'back', label: a.back },
            ],
            enterHint: uiMessages.keys.choose,
          },
          this.context,
        ),
      );
      if (!action || action.kind !== 'answer' || action.value === 'back') return;
      await this.act(resolved, action.value);
    }
  }

  private async act(resolved: ResolvedBank, action: string): Promise<void> {
    const { terminal, context } = this;
    try {
      switch (action) {
        case 'exam':
        case 'resume':
          await runInteractive(resolved, { ...this.options, mode: 'exam', resume: action === 'resume' }, this.io, terminal);
          await this.pressToContinue();
          break;
        case 'practice':
          await runInteractive(resolved, { ...this.options, mode: 'practice' }, this.io, terminal);
          await this.pressToContinue();
          break;
        case 'guideline':
          await ask(() => pagerPrompt({ screen: this.screen('', resolved.guideline.title), text: guidelineText(resolved.guideline, undefined, terminal.color) }, context));
          break;
        case 'history': {
          let text = '';
          historyCommand(resolved.bank.id, this.options, { ...this.io, color: terminal.color, out: (s) => void (text += s) });
          await ask(() => pagerPrompt({ screen: this.screen('', resolved.bank.title), text: text.trimEnd() }, context));
          break;
        }
      }
    } catch (error) {
      // A refusal (retake wait, lockout, an exam in progress) is news, not the end of the session.
      if (error instanceof RetakeRefusedError) return this.offerPractice(resolved, error);
      if (!(error instanceof QualifyError)) throw error;
      await ask(() => pagerPrompt({ screen: this.screen(''), text: this.c.yellow(safe(error.message)), hint: uiMessages.pressToContinue }, context));
    }
  }

  /** After the report: the learner reads it, then Enter goes back to the menu. */
  private async pressToContinue(): Promise<void> {
    await ask(() => pagerPrompt({ screen: { color: this.terminal.color, size: screenSize(this.terminal) }, text: '', hint: uiMessages.pressToContinue }, { ...this.context, clearPromptOnDone: false }));
  }

  /** The exam may not start now: say why, and offer practice (which never counts) right here. */
  private async offerPractice(resolved: ResolvedBank, error: RetakeRefusedError): Promise<void> {
    const r = uiMessages.homeRefusal;
    const refusal = error.refusal;
    const when = (iso: string) => formatWhen(Date.parse(iso));
    const text =
      refusal.error === 'retake-wait'
        ? r.wait(when(refusal.availableAt))
        : refusal.error === 'locked-out'
          ? refusal.availableAt === null
            ? r.lockedForGood
            : r.lockedFor(when(refusal.availableAt))
          : safe(error.message);
    const choice = await ask(() =>
      choicePrompt(
        {
          screen: this.screen(this.c.yellow(text), resolved.bank.title),
          choices: [
            { value: 'practice', label: uiMessages.actions.practiseInstead },
            { value: 'back', label: uiMessages.actions.backToBank },
          ],
          enterHint: uiMessages.keys.choose,
        },
        this.context,
      ),
    );
    if (choice?.kind === 'answer' && choice.value === 'practice') await this.act(resolved, 'practice');
  }
}
