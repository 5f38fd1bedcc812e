import type { AttemptMode } from '../exam/attempt-kind.js';
import type { ResolvedBank } from '../content/types.js';
import { QualifyError, RetakeRefusedError } from '../errors.js';
import { retakeDecision } from '../attempt/lifecycle.js';
import type { AttemptStore } from '../store/attempts.js';
import type { NextStep } from '../study/next-step.js';
import { formatWhen, makeTheme } from '../text/theme.js';
import { uiMessages } from './messages.js';
import { choicePrompt } from './prompts/choice.js';
import { unlessClosed } from './prompts/closed.js';
import { pagerPrompt } from './prompts/pager.js';
import { clearRows } from './resize.js';
import { safe } from './screen.js';
import { studyMessages } from './study-messages.js';
import { screenSize, type Terminal } from './terminal.js';

/** What the home screen asks of the command: the data it shows and the actions it starts. */
export interface HomeActions {
  /** Each bank's status line ("retake in 23 h · best 80%"), read now. */
  statuses(banks: readonly ResolvedBank[]): Map<string, string>;
  /** The next step for the bank worked on last, if any. */
  nextStep(): NextStep | undefined;
  /** An exam or practice round in the terminal; false when the learner said "Not now". */
  runAttempt(resolved: ResolvedBank, mode: AttemptMode, resume: boolean): Promise<boolean>;
  /** A bank's history, as `qualify history <bank>` prints it. */
  historyText(resolved: ResolvedBank, color: boolean): string;
  /** The bank's guideline in the reader of `qualify read` (contents, search, passes); returns when closed. */
  readGuideline(resolved: ResolvedBank): Promise<void>;
}

/** One bank's line on the home screen: best score, passed, and when the exam is open. */
export function bankStatus(store: AttemptStore, resolved: ResolvedBank, at: number): string {
  const s = uiMessages.bankStatus;
  const all = store.list(resolved.bank.id);
  const attempts = all.filter((a) => a.mode === 'exam');
  // When the exam can be taken comes first: on a narrow screen the end of the cell is cut.
  const parts: string[] = [];
  const finished = attempts.filter((a) => a.status !== 'in_progress' && a.percent !== undefined);
  if (attempts.some((a) => a.status === 'in_progress')) parts.push(s.inProgress);
  else {
    const decision = retakeDecision({ store, resolved, clock: () => at });
    if (decision.kind === 'wait') parts.push(s.waitUntil(decision.until - at));
    else if (decision.kind === 'locked-out') parts.push(s.locked(decision.until, at));
    else if (finished.length) parts.push(s.available);
  }
  // Practice rounds count for nothing, but a learner who practised has not "not tried".
  const practised = all.filter((a) => a.mode === 'practice' && a.status !== 'in_progress' && a.percent !== undefined);
  if (finished.length) parts.push(s.best(Math.max(...finished.map((a) => a.percent!))));
  else if (practised.length) parts.push(s.practisedOnly(Math.max(...practised.map((a) => a.percent!))));
  else parts.push(s.neverTried);
  if (finished.some((a) => a.passed)) parts.push(s.passed);
  if (store.inProgress(resolved.bank.id, 'practice')) parts.push(s.practiceInProgress);
  return parts.join(' · ');
}

/**
 * The home screen (`qualify` with no arguments in a terminal): the banks with their status, and
 * for the one picked, exam, practice, reading the guideline, or its history. Returns when the
 * learner quits.
 */
export async function runHome(banks: readonly ResolvedBank[], actions: HomeActions, terminal: Terminal): Promise<void> {
  const home = new HomeScreens(actions, terminal);
  let cursor: string | undefined;
  while (true) {
    const statuses = actions.statuses(banks);
    const next = home.nextStep();
    const picked = await unlessClosed(() =>
      choicePrompt(
        {
          screen: home.screen(next ? `${uiMessages.homeHint}\n${next}` : uiMessages.homeHint),
          // A table: id, title, status; the title gives way first on a narrow screen, and is left
          // out when even so the status would be cut.
          choices: [
            ...banks.map((b) => ({
              value: b.bank.id,
              label: b.bank.id,
              cells: [b.bank.title, statuses.get(b.bank.id) ?? ''],
            })),
            { value: '', label: uiMessages.quit },
          ],
          shrinkColumn: 1,
          dropColumns: [1],
          default: cursor,
          keys: { q: '' },
          enterHint: uiMessages.keys.chooseOrQuit,
        },
        home.context,
      ),
    );
    if (!picked || picked.kind !== 'answer' || picked.value === '') return;
    cursor = picked.value;
    await home.bankMenu(banks.find((b) => b.bank.id === picked.value)!);
    home.clearScreen();
  }
}

/** The home screen's parts that share the terminal and the command's actions. */
class HomeScreens {
  readonly context;
  private readonly c;

  constructor(
    private readonly actions: HomeActions,
    private readonly terminal: Terminal,
  ) {
    this.context = { input: terminal.input, output: terminal.output, clearPromptOnDone: true };
    this.c = makeTheme(terminal.color);
  }

  /**
   * Clears what the last action left on screen (a report, "Enter continue") before the next menu,
   * so no old line stays under it. Only the visible rows: the report stays in the scrollback.
   */
  clearScreen(): void {
    this.terminal.output.write(clearRows(this.terminal.size().rows));
  }

  screen(body: string, title: string = uiMessages.homeTitle) {
    return { title, body, color: this.terminal.color, size: screenSize(this.terminal) };
  }

  /** The next step, in bold, under the banks. */
  nextStep(): string | undefined {
    const step = this.actions.nextStep();
    return step && this.c.bold(safe(studyMessages.nextStep(step.text, step.command)));
  }

  /** One bank's menu, shown again after each action until the learner goes back to the banks. */
  async bankMenu(resolved: ResolvedBank): Promise<void> {
    const a = uiMessages.actions;
    const c = this.c;
    while (true) {
      const status = this.actions.statuses([resolved]).get(resolved.bank.id) ?? '';
      const inProgress = status.includes(uiMessages.bankStatus.inProgress);
      const action = await unlessClosed(() =>
        choicePrompt(
          {
            screen: this.screen(
              `${c.bold(safe(resolved.bank.title))}\n` +
                c.dim(uiMessages.bankFacts(resolved.bank.questions.length, safe(resolved.guideline.title), status)),
            ),
            choices: [
              inProgress ? { value: 'resume', label: a.resume } : { value: 'exam', label: a.exam },
              { value: 'practice', label: a.practice },
              { value: 'guideline', label: a.guideline },
              { value: 'history', label: a.history },
              { value: 'back', label: a.back },
            ],
            keys: { escape: 'back' },
            enterHint: uiMessages.keys.chooseOrBack,
          },
          this.context,
        ),
      );
      if (!action || action.kind !== 'answer' || action.value === 'back') return;
      const next = await this.act(resolved, action.value);
      if (next === 'home') return;
      this.clearScreen();
    }
  }

  /** Does what was picked; "home" when the learner said "Not now" on the start screen: back to the banks. */
  private async act(resolved: ResolvedBank, action: string): Promise<'home' | undefined> {
    const { terminal, context } = this;
    try {
      switch (action) {
        case 'exam':
        case 'resume':
        case 'practice': {
          const mode = action === 'practice' ? 'practice' : 'exam';
          if (!(await this.actions.runAttempt(resolved, mode, action === 'resume'))) return 'home';
          await this.pressToContinue();
          break;
        }
        case 'guideline':
          await this.actions.readGuideline(resolved);
          break;
        case 'history': {
          const text = this.actions.historyText(resolved, terminal.color);
          await unlessClosed(() =>
            pagerPrompt({ screen: this.screen('', resolved.bank.title), text: text.trimEnd() }, context),
          );
          break;
        }
      }
    } catch (error) {
      // A refusal (retake wait, lockout, an exam in progress) is news, not the end of the session.
      if (error instanceof RetakeRefusedError) return await this.offerPractice(resolved, error);
      if (!(error instanceof QualifyError)) throw error;
      await unlessClosed(() =>
        pagerPrompt(
          { screen: this.screen(''), text: this.c.yellow(safe(error.message)), hint: uiMessages.pressToContinue },
          context,
        ),
      );
    }
  }

  /** After the report: the learner reads it, then Enter goes back to the menu. */
  private async pressToContinue(): Promise<void> {
    await unlessClosed(() =>
      pagerPrompt(
        {
          screen: { color: this.terminal.color, size: screenSize(this.terminal) },
          text: '',
          hint: uiMessages.pressToContinue,
        },
        this.context,
      ),
    );
  }

  /** The exam may not start now: say why, and offer practice (which never counts) right here. */
  private async offerPractice(resolved: ResolvedBank, error: RetakeRefusedError): Promise<'home' | undefined> {
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
    const choice = await unlessClosed(() =>
      choicePrompt(
        {
          screen: this.screen(this.c.yellow(text), resolved.bank.title),
          choices: [
            { value: 'practice', label: uiMessages.actions.practiseInstead },
            { value: 'back', label: uiMessages.actions.backToBank },
          ],
          keys: { escape: 'back' },
          enterHint: uiMessages.keys.chooseOrBack,
        },
        this.context,
      ),
    );
    if (choice?.kind === 'answer' && choice.value === 'practice') return this.act(resolved, 'practice');
    return undefined;
  }
}
