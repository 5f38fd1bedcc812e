import { AbortPromptError, ExitPromptError } from '@inquirer/core';
import type { ResolvedBank } from '../../content/types.js';
import { QualifyError } from '../../errors.js';
import type { AttemptStore } from '../../store/attempts.js';
import { uiMessages } from '../../ui/messages.js';
import { choicePrompt } from '../../ui/prompts/choice.js';
import { pagerPrompt } from '../../ui/prompts/pager.js';
import { guidelineText } from '../../ui/question-view.js';
import { safe } from '../../ui/screen.js';
import type { Terminal } from '../../ui/terminal.js';
import { makeTheme } from '../../text/theme.js';
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
  const c = makeTheme(terminal.color);
  const context = { input: terminal.input, output: terminal.output, clearPromptOnDone: true };
  const screen = (body: string) => ({ title: uiMessages.homeTitle, body, color: terminal.color, size: terminal.size() });
  let cursor: string | undefined;
  while (true) {
    const { db, store } = openStore(options);
    let statuses: Map<string, string>;
    try {
      statuses = new Map(banks.map((b) => [b.bank.id, bankStatus(store, b, now(io.env))]));
    } finally {
      db.close();
    }
    const picked = await ask(() =>
      choicePrompt(
        {
          screen: screen(uiMessages.homeHint),
          choices: [...banks.map((b) => ({ value: b.bank.id, label: `${b.bank.id}  ${b.bank.title}`, note: `— ${statuses.get(b.bank.id)}` })), { value: '', label: uiMessages.quit }],
          default: cursor,
          enterHint: uiMessages.keys.choose,
        },
        context,
      ),
    );
    if (!picked || picked.kind !== 'answer' || picked.value === '') return;
    cursor = picked.value;
    const resolved = content.banks.get(picked.value)!;
    const inProgress = statuses.get(picked.value)?.includes(uiMessages.bankStatus.inProgress) ?? false;
    const a = uiMessages.actions;
    const action = await ask(() =>
      choicePrompt(
        {
          screen: screen(`${c.bold(safe(resolved.bank.title))}\n${c.dim(`${resolved.bank.questions.length} questions · guideline: ${safe(resolved.guideline.title)}`)}`),
          choices: [
            inProgress ? { value: 'resume', label: a.resume } : { value: 'exam', label: a.exam },
            { value: 'practice', label: a.practice },
            { value: 'guideline', label: a.guideline },
            { value: 'history', label: a.history },
            { value: 'back', label: a.back },
          ],
          enterHint: uiMessages.keys.choose,
        },
        context,
      ),
    );
    if (!action || action.kind !== 'answer') continue;
    try {
      switch (action.value) {
        case 'exam':
        case 'resume':
          await runInteractive(resolved, { ...options, mode: 'exam', resume: action.value === 'resume' }, io, terminal);
          await ask(() => pagerPrompt({ screen: { color: terminal.color, size: terminal.size() }, text: '', hint: uiMessages.pressToContinue }, { ...context, clearPromptOnDone: false }));
          break;
        case 'practice':
          await runInteractive(resolved, { ...options, mode: 'practice' }, io, terminal);
          await ask(() => pagerPrompt({ screen: { color: terminal.color, size: terminal.size() }, text: '', hint: uiMessages.pressToContinue }, { ...context, clearPromptOnDone: false }));
          break;
        case 'guideline':
          await ask(() => pagerPrompt({ screen: { title: resolved.guideline.title, color: terminal.color, size: terminal.size() }, text: guidelineText(resolved.guideline, undefined, terminal.color) }, context));
          break;
        case 'history': {
          let text = '';
          historyCommand(resolved.bank.id, options, { ...io, color: terminal.color, out: (s) => void (text += s) });
          await ask(() => pagerPrompt({ screen: { title: resolved.bank.title, color: terminal.color, size: terminal.size() }, text: text.trimEnd() }, context));
          break;
        }
      }
    } catch (error) {
      // A refusal (retake wait, lockout, an exam in progress) is news, not the end of the session.
      if (!(error instanceof QualifyError)) throw error;
      await ask(() => pagerPrompt({ screen: screen(''), text: c.yellow(error.message), hint: uiMessages.pressToContinue }, context));
    }
  }
}
