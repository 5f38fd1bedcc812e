import type { Question } from '../content/types.js';
import type { Response } from '../scoring/response.js';
import { uiMessages } from './messages.js';
import { checkboxPrompt } from './prompts/checkbox.js';
import { choicePrompt } from './prompts/choice.js';
import type { NavKeys, Outcome } from './prompts/nav.js';
import { reorderPrompt } from './prompts/reorder.js';
import { textPrompt } from './prompts/text.js';
import { positionLabel, textOf } from '../report/model.js';
import { questionBody } from './question-view.js';
import { safe, type ScreenConfig } from './screen.js';
import { makeTheme } from '../text/theme.js';

export interface AskSetup {
  /** Title, status line (progress and clocks), colour and size; the body is the question's. */
  screen: Omit<ScreenConfig, 'body'>;
  nav: NavKeys;
  /** The response saved before, shown as given. */
  given?: Response;
  /** The selection on screen when the question was left to flag it or read the guideline. */
  draft?: unknown;
  /** The question's own time is up: it can be read, not answered. */
  readOnly: boolean;
  /** Inquirer context: streams, the AbortSignal of the deadlines, clearing the screen. */
  context: PromptContext;
  /**
   * Called with what is on screen while the learner is still answering (free text as it is
   * typed, the labels chosen so far), so it can be saved before the answer is complete.
   */
  onDraft?: (draft: unknown) => void;
  /** Open the text input at once (writing was interrupted by Ctrl+C and the learner kept going). */
  keepWriting?: boolean;
  /** Told when the text input opens (true) and closes (false), so an interruption can return to it. */
  onWriting?: (writing: boolean) => void;
}

/** Inquirer's prompt context (streams, AbortSignal, clearing the prompt when done). */
export type PromptContext = NonNullable<Parameters<typeof choicePrompt>[1]>;

const asStrings = (value: unknown): string[] | undefined => (Array.isArray(value) ? value.map(String) : undefined);

/**
 * Asks one question with the prompt of its type. Resolves to the answer in the answer key's shape
 * (free text: the written text), or to the move the learner asked for.
 */
export async function askQuestion(question: Question, setup: AskSetup): Promise<Outcome<unknown>> {
  const color = setup.screen.color;
  const screen: ScreenConfig = { ...setup.screen, body: questionBody(question, color) };
  const given = setup.given?.answer;
  const base = { screen, nav: setup.nav, readOnly: setup.readOnly };
  switch (question.type) {
    case 'single-choice':
      return choicePrompt(
        {
          ...base,
          choices: question.options.map((o, i) => ({ value: o.id, label: `${positionLabel(i)}) ${o.text}` })),
          given: given as string | undefined,
          default: setup.draft as string | undefined,
        },
        setup.context,
      );
    case 'true-false': {
      const outcome = await choicePrompt(
        {
          ...base,
          choices: [
            { value: 'true', label: 'True' },
            { value: 'false', label: 'False' },
          ],
          given: given === undefined ? undefined : textOf(given),
          default: setup.draft as string | undefined,
        },
        setup.context,
      );
      return outcome.kind === 'answer' ? { kind: 'answer', value: outcome.value === 'true' } : outcome;
    }
    case 'rating':
    case 'preference':
      return choicePrompt(
        {
          ...base,
          choices: question.scale.map((label, i) => ({
            value: label,
            label,
            note: `${i + 1}/${question.scale.length}`,
          })),
          given: given as string | undefined,
          default: setup.draft as string | undefined,
        },
        setup.context,
      );
    case 'multi-select':
      return checkboxPrompt(
        {
          ...base,
          choices: question.options.map((o, i) => ({ value: o.id, label: `${positionLabel(i)}) ${o.text}` })),
          checked: asStrings(setup.draft) ?? asStrings(given) ?? [],
          requireOne: true,
        },
        setup.context,
      );
    case 'ranking':
      return reorderPrompt(
        {
          ...base,
          items: question.items.map((item, i) => ({ value: item.id, label: `${positionLabel(i)}) ${item.text}` })),
          order: asStrings(setup.draft) ?? asStrings(given),
        },
        setup.context,
      );
    case 'label-each':
      return askLabels(question, screen, setup);
    case 'free-text':
      return askFreeText(screen, setup, setup.given?.text);
    case 'short-answer':
    case 'numeric': {
      // A typed answer is saved as the answer itself (scored against the accepted ones), trimmed.
      const previous = setup.given?.answer === undefined ? undefined : textOf(setup.given.answer);
      const outcome = await askFreeText(
        screen,
        setup,
        previous,
        question.type === 'numeric' ? question.unit : undefined,
      );
      return outcome.kind === 'answer' ? { kind: 'answer', value: String(outcome.value).trim() } : outcome;
    }
  }
}

/**
 * One choice per item, each on its own screen; the answer is complete when every item has a label.
 * ← → move between the items; p and n leave the question, carrying the labels chosen so far as
 * the draft (each one is also passed to `onDraft` as it is chosen). The question opens again at
 * the first item still without a label.
 */
async function askLabels(
  question: Extract<Question, { type: 'label-each' }>,
  screen: ScreenConfig,
  setup: AskSetup,
): Promise<Outcome<unknown>> {
  const c = makeTheme(screen.color);
  const start = (setup.draft ?? setup.given?.answer ?? {}) as Record<string, string>;
  const labels: Record<string, string> = { ...start };
  const { items } = question;
  const unlabelledFrom = (from: number) => {
    for (let k = 0; k < items.length; k++) {
      const index = (from + k) % items.length;
      if (labels[items[index]!.id] === undefined) return index;
    }
    return -1;
  };
  let i = Math.max(0, unlabelledFrom(0));
  while (true) {
    const item = items[i]!;
    const outcome = await choicePrompt(
      {
        screen: {
          ...screen,
          pinned: c.bold(uiMessages.labelItem(i + 1, items.length, safe(item.text))),
        },
        nav: { ...setup.nav, items: true, 'prev-item': i > 0, 'next-item': i < items.length - 1 },
        readOnly: setup.readOnly,
        choices: question.labels.map((label) => ({ value: label, label })),
        given: labels[item.id],
        default: labels[item.id],
      },
      setup.context,
    );
    if (outcome.kind === 'prev-item' || outcome.kind === 'next-item') {
      const steps = outcome.steps ?? (outcome.kind === 'next-item' ? 1 : -1);
      i = Math.min(items.length - 1, Math.max(0, i + steps));
    } else if (outcome.kind !== 'answer') return { kind: outcome.kind, draft: { ...labels } };
    else {
      labels[item.id] = outcome.value;
      const next = unlabelledFrom(i + 1);
      if (next < 0) return { kind: 'answer', value: labels };
      setup.onDraft?.({ ...labels });
      i = next;
    }
  }
}

/**
 * The question screen with the text written so far; Enter opens the input (Enter on an empty line
 * ends it). Free text, short answers and numbers share it; a number's unit is named beside it.
 */
async function askFreeText(
  screen: ScreenConfig,
  setup: AskSetup,
  given: string | undefined,
  unit?: string,
): Promise<Outcome<unknown>> {
  const c = makeTheme(screen.color);
  const written = typeof setup.draft === 'string' ? setup.draft : given;
  const shown = written ? safe(written) : c.dim(uiMessages.noAnswerYet);
  const heading = c.bold(unit ? uiMessages.writeNumber(safe(unit)) : uiMessages.writeAnswer);
  if (!setup.keepWriting || setup.readOnly) {
    const outcome = await choicePrompt(
      {
        screen: { ...screen, body: `${screen.body}\n\n${heading}\n${shown}` },
        nav: setup.nav,
        readOnly: setup.readOnly,
        choices: [{ value: 'write', label: written ? 'Edit your answer' : 'Write your answer' }],
        enterHint: uiMessages.keys.write,
      },
      setup.context,
    );
    if (outcome.kind !== 'answer') return { kind: outcome.kind, draft: written };
  }
  setup.onWriting?.(true);
  const text = await textPrompt(
    { screen: { ...screen, body: `${screen.body}\n\n${heading}` }, draft: written, onChange: setup.onDraft },
    setup.context,
  );
  setup.onWriting?.(false);
  return { kind: 'answer', value: text };
}
