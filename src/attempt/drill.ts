import type { ContentSet } from '../content/loaded.js';
import type { Guideline, Question, ResolvedBank } from '../content/types.js';
import { UsageError } from '../errors.js';
import { questionResult, type QuestionResult } from '../report/model.js';
import type { Confidence, Response } from '../scoring/response.js';
import { KEY_CRITERION_ID, type QuestionScore } from '../scoring/rubric.js';
import type { AttemptStore } from '../store/attempts.js';
import type { StoredCard, StudyStore } from '../store/study.js';
import { cardQuestion, drillRound, guidelineCards, inSection } from '../study/cards.js';
import { expectedAnswerMs, gradeAnswer, gradeName } from '../study/grade.js';
import { missedQuestions, sectionRecords, weakestSections } from '../study/outcomes.js';
import { newCardState, reviewCard, type CardState } from '../study/scheduler.js';
import type { Clock } from './lifecycle.js';
import { attemptMessages as m } from './messages.js';
import { attemptRecords, outcomesFor, syncMissedCards } from './study-data.js';

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

/** When the next card of the deck falls due (undefined: the deck is empty). */
export function nextDue(study: StudyStore): number | undefined {
  return study
    .cards()
    .map((c) => c.due)
    .sort((a, b) => a - b)[0];
}

/** A card of a drill round, with the question it asks and the bank it came from (missed questions). */
export interface DrillCard {
  card: StoredCard;
  question: Question;
  bank?: ResolvedBank;
}

/** What a drill round is drawn from: the deck, the attempts, the content, the target and filter, and when. */
export interface DeckRequest {
  study: StudyStore;
  store: AttemptStore;
  content: ContentSet;
  target: DrillTarget;
  filter: DrillFilter;
  at: number;
}

/**
 * Brings the deck up to date for a target (missed questions, and the target guideline's terms and
 * rules: all of them for a guideline, those of the sections missed or asked for otherwise) and
 * returns the cards the filter keeps, with their questions.
 */
export function prepareDeck({ study, store, content, target, filter, at }: DeckRequest): DrillCard[] {
  const bankIds = new Set(target.banks.map((b) => b.bank.id));
  const records = attemptRecords(store).filter((r) => bankIds.has(r.bankId));
  const outcomes = outcomesFor(content, records);
  syncMissedCards(study, content, missedQuestions(outcomes));
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

/**
 * A drill answer counts as right when it matches the key (the rubric's extras, such as a
 * rationale, are not asked in a drill).
 */
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

/** A drill answer, graded and saved: what --json prints, the question's outcome, and the card's next state. */
export interface DrillRecord {
  result: DrillResult;
  outcome: QuestionResult;
  grade: string;
  reviewedAt: number;
  state: CardState;
}

/**
 * Grades a drill answer from its correctness, speed and sureness, and saves the card's new state
 * with its review log in one transaction, before any feedback is shown.
 */
export function recordDrillAnswer(
  study: StudyStore,
  clock: Clock,
  { card, question, bank }: DrillCard,
  answer: { response: Response; elapsedMs: number; guideline: Guideline },
): DrillRecord {
  const { response, elapsedMs } = answer;
  const outcome = questionResult(question, response, answer.guideline);
  const correct = drillCorrect(outcome.score);
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
  const result: DrillResult = {
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
  };
  return { result, outcome, grade: gradeName(grade), reviewedAt, state };
}
