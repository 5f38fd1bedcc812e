import type { Clock } from '../attempt/lifecycle.js';
import { recordDrillAnswer, type DrillCard, type DrillResult, type DrillTarget } from '../attempt/drill.js';
import { renderJson } from '../report/render/json.js';
import type { ContentSet } from '../content/loaded.js';
import { isConfidence, type Response } from '../scoring/response.js';
import type { StudyStore } from '../store/study.js';
import { waitText, type NextStep } from '../study/next-step.js';
import { sanitize } from '../text/sanitize.js';
import { wrapMessage } from '../text/wrap.js';
import { formatWhen, makeTheme } from '../text/theme.js';
import { askConfidence, askSelfAssessment, ownAnswerText } from './answer-extras.js';
import { askQuestion, type PromptContext } from './ask.js';
import { uiMessages } from './messages.js';
import { unlessClosed } from './prompts/closed.js';
import { pagerPrompt } from './prompts/pager.js';
import { feedbackText } from './question-view.js';
import { safe, type ScreenConfig } from './screen.js';
import { studyMessages as m } from './study-messages.js';
import { screenSize, type Terminal } from './terminal.js';

/** A drill round to run: its cards, where they come from, the deck that records them, and the clock. */
export interface DrillRun {
  round: DrillCard[];
  content: ContentSet;
  study: StudyStore;
  title: string;
  terminal: Terminal;
  clock: Clock;
}

/**
 * Runs a drill round in the terminal: each card asked with the exam's own prompts, "how sure?",
 * graded from the answer, saved (card and review log in one transaction) before the feedback,
 * so a kill loses nothing and the next round carries on with what is still due.
 */
export async function runDrill({ round, content, study, title, terminal, clock }: DrillRun): Promise<DrillResult[]> {
  const c = makeTheme(terminal.color);
  const results: DrillResult[] = [];
  const context: PromptContext = { input: terminal.input, output: terminal.output, clearPromptOnDone: true };
  for (const [index, drilled] of round.entries()) {
    const { card, question, bank } = drilled;
    const guideline = bank?.guideline ?? content.guidelines.get(card.guidelineId)!;
    const screen: Omit<ScreenConfig, 'body'> = {
      title: m.drillTitle(title),
      status: {
        number: index + 1,
        total: round.length,
        note: safe(m.cardFrom(m.cardKind[card.kind] ?? card.kind, card.sectionId)),
      },
      color: terminal.color,
      size: screenSize(terminal),
    };
    const shownAt = clock();
    // Ctrl+C ends the round (each card is saved as it is answered): the footer says so.
    const outcome = await unlessClosed(() =>
      askQuestion(question, { screen, nav: { quitHint: true }, readOnly: false, context }),
    );
    if (!outcome || outcome.kind !== 'answer') break;
    const answeredAt = clock();
    const response: Response =
      question.type === 'free-text'
        ? { text: typeof outcome.value === 'string' ? outcome.value : '', self: [] }
        : { answer: outcome.value, self: [] };
    const sure = await unlessClosed(() => askConfidence(question, screen, context));
    if (sure?.kind === 'answer' && isConfidence(sure.value)) response.confidence = sure.value;
    if (question.rubric.some((x) => x.check === 'self')) {
      const ticked = await unlessClosed(() =>
        askSelfAssessment(question, { screen, checked: [], context, ownAnswer: ownAnswerText(question, response) }),
      );
      if (ticked?.kind === 'answer') response.self = ticked.value;
    }
    const recorded = recordDrillAnswer(study, clock, drilled, { response, elapsedMs: answeredAt - shownAt, guideline });
    results.push(recorded.result);
    const { state, reviewedAt } = recorded;
    const gradeLine = m.gradeLine(
      m.gradeNames[recorded.grade]!,
      waitText(state.due - reviewedAt),
      formatWhen(state.due),
    );
    const feedback = `${feedbackText(recorded.outcome, terminal.color)}\n\n${c.cyan(gradeLine)}`;
    const read = await unlessClosed(async () => {
      await pagerPrompt(
        { screen: { ...screen, title: screen.title ?? '' }, text: feedback, hint: uiMessages.continueHint },
        context,
      );
      return 'read' as const;
    });
    if (read === undefined) break;
  }
  return results;
}

/** `qualify drill --json`: the round's results and the cards due after it (the shape the README documents). */
export function drillJson(target: DrillTarget, ref: string | undefined, round: unknown[], due: readonly DrillCard[]) {
  return renderJson({
    target: { kind: target.kind, id: ref ?? null },
    round,
    due: due.map(({ card: c }) => ({
      card: c.id,
      kind: c.kind,
      bank: c.bankId || null,
      section: c.sectionId,
      due: new Date(c.due).toISOString(),
    })),
  });
}

/** After a round, wrapped to the width: how many were drilled and right, how many are still due, the next step. */
export function drillEndText(results: DrillResult[], stillDue: number, step: NextStep | undefined, width: number) {
  const summary = m.drillSummary(results.length, results.filter((r) => r.correct).length, stillDue);
  return (
    wrapMessage(summary, width) + (step ? wrapMessage(`${sanitize(m.nextStep(step.text, step.command))}\n`, width) : '')
  );
}
