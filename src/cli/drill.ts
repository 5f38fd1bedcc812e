import type { ContentSet } from '../content/load.js';
import type { Guideline, Question, ResolvedBank } from '../content/types.js';
import { UsageError } from '../errors.js';
import { isConfidence, type Confidence, type Response } from '../scoring/response.js';
import { KEY_CRITERION_ID, scoreQuestion, type QuestionScore } from '../scoring/rubric.js';
import type { AttemptStore } from '../store/attempts.js';
import { StudyStore, type StoredCard } from '../store/study.js';
import { cardQuestion, drillRound, guidelineCards, inSection } from '../study/cards.js';
import { expectedAnswerMs, gradeAnswer, gradeName } from '../study/grade.js';
import { waitText } from '../study/next-step.js';
import { sectionRecords, weakestSections } from '../study/outcomes.js';
import { newCardState, reviewCard } from '../study/scheduler.js';
import { askConfidence, askSelfAssessment, ownAnswerText } from '../ui/answer-extras.js';
import { askQuestion, type PromptContext } from '../ui/ask.js';
import { uiMessages } from '../ui/messages.js';
import { pagerPrompt } from '../ui/prompts/pager.js';
import { feedbackText } from '../ui/question-view.js';
import { safe, type ScreenConfig } from '../ui/screen.js';
import { screenSize, type Terminal } from '../ui/terminal.js';
import { formatWhen, makeTheme } from '../text/theme.js';
import { attemptRecords, outcomesFor, syncMissedCards } from './study-data.js';
import { studyMessages as m } from './study-messages.js';
import { unlessClosed } from '../ui/prompts/closed.js';

/** What a drill round is about: one bank, a guideline (all its banks), or the whole deck. */
export interface DrillTarget {
  kind: 'bank' | 'guideline' | 'deck';
  title: string;
  banks: ResolvedBank[];
  guideline?: Guideline;
}

export interface DrillFilter {
  weak?: boolean;
  section?: string;
  limit: number;
}

/** Sections --weak draws from: the ones with the lowest accuracy, at most this many. */
export const WEAK_SECTIONS = 3;

/** A bank id, a guideline id (every bank on it), or nothing (the whole deck). */
export function resolveDrillTarget(content: ContentSet, ref: string | undefined): DrillTarget {
  const banks = [...content.banks.values()];
  if (ref === undefined) return { kind: 'deck', title: m.drillEverything, banks };
  const bank = content.banks.get(ref);
  if (bank) return { kind: 'bank', title: bank.bank.title, banks: [bank], guideline: bank.guideline };
  const guideline = content.guidelines.get(ref);
  if (guideline)
    return {
      kind: 'guideline',
      title: guideline.title,
      banks: banks.filter((b) => b.guideline.id === guideline.id),
      guideline,
    };
  throw new UsageError(m.unknownTarget(ref, [...content.banks.keys()], [...content.guidelines.keys()]));
}

/**
 * Brings the deck up to date for a target (missed questions, and the target guideline's terms and
 * rules: all of them for a guideline, those of the sections missed or asked for otherwise) and
 * returns the cards the filter keeps, with their questions.
 */
export function prepareDeck(
  study: StudyStore,
  store: AttemptStore,
  content: ContentSet,
  target: DrillTarget,
  filter: DrillFilter,
  at: number,
): { card: StoredCard; question: Question; bank?: ResolvedBank }[] {
  const bankIds = new Set(target.banks.map((b) => b.bank.id));
  const records = attemptRecords(store).filter((r) => bankIds.has(r.bankId));
  const outcomes = outcomesFor(content, records);
  syncMissedCards(study, content, outcomes);
  let sections: Set<string> | undefined;
  if (filter.section !== undefined) {
    if (target.guideline && !target.guideline.sectionIndex.has(filter.section))
      throw new UsageError(
        m.unknownSection(filter.section, target.guideline.id, [...target.guideline.sectionIndex.keys()]),
      );
    if (!target.guideline) throw new UsageError(m.sectionNeedsTarget);
    sections = new Set([filter.section]);
  }
  if (filter.weak) {
    const weak = weakestSections(sectionRecords(outcomes))
      .filter((s) => s.accuracy < 1)
      .slice(0, WEAK_SECTIONS)
      .map((s) => s.sectionId);
    sections = new Set(sections ? weak.filter((id) => [...sections!].some((s) => inSection(id, s))) : weak);
  }
  if (target.guideline) {
    const missedSections = new Set(
      study
        .cards()
        .filter((c) => c.kind === 'question' && bankIds.has(c.bankId))
        .map((c) => c.sectionId),
    );
    // A bank's round adds the flash cards of the sections it was missed in; a guideline's, all of them.
    const wanted = sections ?? (target.kind === 'bank' ? missedSections : undefined);
    const flash = guidelineCards(target.guideline).filter(
      (c) => !wanted || [...wanted].some((s) => inSection(c.sectionId, s)),
    );
    study.addCards(flash.map((card) => ({ card, state: newCardState(at), createdAt: at })));
  }
  const guidelineIds = new Set(target.banks.map((b) => b.guideline.id));
  const cards = study
    .cards()
    .filter((c) => (c.kind === 'question' ? bankIds.has(c.bankId) : guidelineIds.has(c.guidelineId)))
    .filter((c) => !sections || [...sections].some((s) => inSection(c.sectionId, s)));
  return drillRound(cards, at, Number.MAX_SAFE_INTEGER).flatMap((card) => {
    const bank = card.kind === 'question' ? content.banks.get(card.bankId) : undefined;
    const guideline = bank?.guideline ?? content.guidelines.get(card.guidelineId);
    const question = cardQuestion(card, bank && new Map(bank.bank.questions.map((q) => [q.id, q])), guideline);
    return question ? [{ card, question, bank }] : [];
  });
}

/** A drill answer counts as right when it matches the key (the rubric's extras, such as a rationale, are not asked in a drill). */
export function drillCorrect(score: QuestionScore): boolean {
  const key = score.criteria.find((c) => c.id === KEY_CRITERION_ID);
  return key ? key.holds : score.answered && score.earned >= score.max - 1e-9;
}

/** One drilled card, as --json prints it. */
export interface DrillResult {
  card: string;
  kind: string;
  bank: string | null;
  section: string;
  correct: boolean;
  grade: string;
  elapsedMs: number;
  confidence: Confidence | null;
  dueBefore: string;
  dueAfter: string;
}

/**
 * Runs a drill round in the terminal: each card asked with the exam's own prompts, "how sure?",
 * graded from the answer, saved (card and review log in one transaction) before the feedback,
 * so a kill loses nothing and the next round carries on with what is still due.
 */
export async function runDrill(
  round: { card: StoredCard; question: Question; bank?: ResolvedBank }[],
  content: ContentSet,
  study: StudyStore,
  title: string,
  terminal: Terminal,
  clock: () => number,
): Promise<DrillResult[]> {
  const c = makeTheme(terminal.color);
  const results: DrillResult[] = [];
  const context: PromptContext = { input: terminal.input, output: terminal.output, clearPromptOnDone: true };
  for (const [index, { card, question, bank }] of round.entries()) {
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
    const outcome = await unlessClosed(() => askQuestion(question, { screen, nav: {}, readOnly: false, context }));
    if (!outcome || outcome.kind !== 'answer') break;
    const answeredAt = clock();
    const response: Response =
      question.type === 'free-text'
        ? { text: String(outcome.value ?? ''), self: [] }
        : { answer: outcome.value, self: [] };
    const sure = await unlessClosed(() => askConfidence(question, screen, context));
    if (sure?.kind === 'answer' && isConfidence(sure.value)) response.confidence = sure.value;
    if (question.rubric.some((x) => x.check === 'self')) {
      const own = ownAnswerText(question, response);
      const ticked = await unlessClosed(() => askSelfAssessment(question, screen, [], context, own));
      if (ticked?.kind === 'answer') response.self = ticked.value;
    }
    const score = scoreQuestion(question, response);
    const correct = drillCorrect(score);
    const elapsedMs = answeredAt - shownAt;
    const expectedMs = bank
      ? expectedAnswerMs(
          bank.bank.exam.timeLimitMs,
          Math.min(bank.bank.exam.draw ?? bank.bank.questions.length, bank.bank.questions.length),
          question.timeLimitMs,
        )
      : expectedAnswerMs(undefined, 0);
    const grade = gradeAnswer({ correct, elapsedMs, expectedMs, confidence: response.confidence });
    const reviewedAt = clock();
    const state = reviewCard(card.state, grade, reviewedAt);
    study.recordReview(
      {
        cardId: card.id,
        reviewedAt,
        grade: gradeName(grade),
        correct,
        elapsedMs,
        confidence: response.confidence,
        response,
        dueBefore: card.due,
        dueAfter: state.due,
      },
      state,
    );
    results.push({
      card: card.id,
      kind: card.kind,
      bank: bank?.bank.id ?? null,
      section: card.sectionId,
      correct,
      grade: gradeName(grade),
      elapsedMs,
      confidence: response.confidence ?? null,
      dueBefore: new Date(card.due).toISOString(),
      dueAfter: new Date(state.due).toISOString(),
    });
    const feedback = `${feedbackText(question, response, score, guideline, terminal.color)}\n\n${c.cyan(m.gradeLine(m.gradeNames[gradeName(grade)]!, waitText(state.due - reviewedAt), formatWhen(state.due)))}`;
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
