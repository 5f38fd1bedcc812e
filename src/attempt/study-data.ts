import type { ContentSet } from '../content/loaded.js';
import type { ReportModel } from '../report/model.js';
import { analyse, sectionAccuracy, type Analytics } from '../study/analytics.js';
import type { Question, ResolvedBank } from '../content/types.js';
import type { AttemptStore, SavedAnswer } from '../store/attempts.js';
import type { DB } from '../store/db.js';
import { StudyStore } from '../store/study.js';
import { questionCard } from '../study/cards.js';
import { nextStep, type NextStep } from '../study/next-step.js';
import {
  missedQuestions,
  questionOutcomes,
  sectionRecords,
  weakestSections,
  type AttemptRecord,
  type MissedQuestion,
  type QuestionOutcome,
} from '../study/outcomes.js';
import { newCardState } from '../study/scheduler.js';
import { creditMemo } from './credit-memo.js';
import { outcomeMemo } from './outcome-memo.js';
import { rememberedFigures, type FiguresMemo } from './figures-memo.js';
import { nextAttemptAt, retakeDecision } from './lifecycle.js';

/** Where the study figures are read from: the database (attempts and the deck) and the content loaded now. */
export interface StudySources {
  db: DB;
  store: AttemptStore;
  content: ContentSet;
}

/**
 * The finished attempts (of one bank, or all) with their answers, for the study rules. `rows` are
 * the attempts when the caller has listed them already. The answers are read (all in one query)
 * only when one is looked at: remembered outcomes need none (see outcome-memo.ts).
 */
export function attemptRecords(store: AttemptStore, bankId?: string, rows = store.list(bankId)): AttemptRecord[] {
  let answers: Map<number, SavedAnswer[]> | undefined;
  const answersOf = (id: number) => (answers ??= store.answersByAttempt(bankId)).get(id) ?? [];
  const uuids = store.uuids();
  return rows
    .filter((a) => a.status !== 'in_progress' && a.endedAt !== undefined)
    .map((a) => ({
      attemptId: a.id,
      uuid: uuids.get(a.id),
      bankId: a.bankId,
      mode: a.mode,
      startedAt: a.startedAt,
      endedAt: a.endedAt!,
      percent: a.percent ?? 0,
      // Only the interactive runner times answers, and it always records `confidence`; an answers
      // file records no timing (nor, before options were shuffled, any settings). A stream records
      // when each answer arrived, but never showed the questions: no timing either.
      timed: a.settings?.confidence !== undefined && a.settings.driver !== 'stream',
      questionIds: a.questionIds,
      get answers() {
        return answersOf(a.id);
      },
    }));
}

/** Looks questions up by bank id in the content loaded now. */
export function questionLookup(content: ContentSet): (bankId: string) => ReadonlyMap<string, Question> | undefined {
  const cache = new Map<string, Map<string, Question>>();
  return (bankId) => {
    const resolved = content.banks.get(bankId);
    if (!resolved) return undefined;
    if (!cache.has(bankId)) cache.set(bankId, new Map(resolved.bank.questions.map((q) => [q.id, q])));
    return cache.get(bankId);
  };
}

/**
 * Every question of these attempts, scored against the content now; with a cache, each attempt's
 * outcomes and each answer's verdict are remembered in it.
 */
export function outcomesFor(content: ContentSet, records: readonly AttemptRecord[]): QuestionOutcome[] {
  const lookup = questionLookup(content);
  if (!content.cache) return questionOutcomes(records, lookup);
  const credit = creditMemo(content.cache);
  const kept = outcomeMemo({ ...content, cache: content.cache }, lookup);
  const outcomes = kept.outcomes(records, (record) =>
    questionOutcomes([record], lookup, (q, r) => credit.fullCredit(q, r)),
  );
  credit.save();
  kept.save();
  return outcomes;
}

/**
 * Every question missed in an exam or practice becomes a card of the deck, due from when it was
 * missed. Done whenever the deck is read, so nothing in the attempt flow needs to know of drills.
 */
export function syncMissedCards(study: StudyStore, content: ContentSet, missed: readonly MissedQuestion[]): void {
  study.addCards(
    missed.flatMap((m) => {
      const resolved = content.banks.get(m.bankId);
      if (!resolved) return [];
      return [
        {
          card: questionCard(m.bankId, resolved.guideline.id, m.questionId, m.section),
          state: newCardState(m.at),
          createdAt: m.at,
        },
      ];
    }),
  );
}

/** Cards of a bank's deck (its missed questions and its guideline's flash cards) due at `at`. */
export function dueCount(study: StudyStore, resolved: ResolvedBank, at: number): number {
  return study
    .cards()
    .filter(
      (c) =>
        c.due <= at && (c.bankId === resolved.bank.id || (c.bankId === '' && c.guidelineId === resolved.guideline.id)),
    ).length;
}

/** What the next step reads of a bank's finished attempts and their outcomes (see `bankFacts`). */
export interface BankFacts {
  examsTaken: number;
  weakest?: { sectionId: string; accuracy: number; tried: number };
  missed: MissedQuestion[];
}

/** The facts of a bank's attempt records, from their outcomes. */
export function bankFacts(records: readonly AttemptRecord[], outcomes: readonly QuestionOutcome[]): BankFacts {
  return {
    examsTaken: records.filter((r) => r.mode === 'exam').length,
    weakest: weakestSections(sectionRecords(outcomes))[0],
    missed: missedQuestions(outcomes),
  };
}

/** The next step for one bank, from its attempts, the deck and the retake policy. */
export function nextStepFor(
  { db, store, content }: StudySources,
  resolved: ResolvedBank,
  at: number,
  /** The bank's facts, when the caller has them already. */
  known?: BankFacts,
): NextStep {
  const study = new StudyStore(db);
  const facts =
    known ??
    (() => {
      const records = attemptRecords(store, resolved.bank.id);
      return bankFacts(records, outcomesFor(content, records));
    })();
  syncMissedCards(study, content, facts.missed);
  const { weakest } = facts;
  const decision = retakeDecision({ store, resolved, clock: () => at });
  return nextStep({
    bankId: resolved.bank.id,
    guidelineId: resolved.guideline.id,
    now: at,
    dueCards: dueCount(study, resolved, at),
    weakest: weakest && {
      ...weakest,
      title: resolved.guideline.sectionIndex.get(weakest.sectionId)?.title ?? weakest.sectionId,
    },
    passMark: resolved.bank.exam.passMark,
    examsTaken: facts.examsTaken,
    passed: store.exams(resolved.bank.id).some((a) => a.passed === true),
    openAttempt: store.inProgress(resolved.bank.id, 'exam')
      ? 'exam'
      : store.inProgress(resolved.bank.id, 'practice')
        ? 'practice'
        : undefined,
    examOpensAt:
      decision.kind === 'locked-out' && decision.until === undefined ? null : (nextAttemptAt(decision) ?? undefined),
  });
}

/** The next step for the bank worked on last (the first of `banks` when none was tried yet). */
export function latestNextStep(
  sources: StudySources,
  banks: readonly ResolvedBank[],
  at: number,
): NextStep | undefined {
  const last = sources.store
    .list()
    .filter((a) => a.status !== 'in_progress')
    .pop();
  const resolved = (last && sources.content.banks.get(last.bankId)) ?? banks[0];
  return resolved && nextStepFor(sources, resolved, at);
}

/** What the study loop adds at the end of a report: the attempt's analytics and the next step. */
export interface ReportStudy {
  analytics: Analytics;
  nextStep: NextStep | null;
}

/** The content one resolved bank needs (for a report shown right after an attempt). */
export function contentOf(resolved: ResolvedBank): ContentSet {
  return {
    guidelines: new Map([[resolved.guideline.id, resolved.guideline]]),
    banks: new Map([[resolved.bank.id, resolved]]),
    diagnostics: [],
    files: [],
  };
}

/**
 * The attempt's own calibration, rushing and confidence figures, its bank's trend and section
 * accuracy over all attempts, and the next step (null when the bank is no longer installed).
 */
export function reportStudy(
  sources: StudySources,
  report: ReportModel,
  at: number,
  /** Where the figures of an unchanged database and content are remembered (see figures-memo.ts). */
  figures?: FiguresMemo,
): ReportStudy {
  const { store, content } = sources;
  const { analytics, facts } = rememberedFigures(figures, `report\u0000${report.attemptId}`, () => {
    const records = attemptRecords(store, report.bank.id);
    const all = outcomesFor(content, records);
    const mine = all.filter((o) => o.attemptId === report.attemptId);
    return { analytics: { ...analyse(records, mine), sections: sectionAccuracy(all) }, facts: bankFacts(records, all) };
  });
  figures?.save();
  const resolved = content.banks.get(report.bank.id);
  return { analytics, nextStep: resolved ? nextStepFor(sources, resolved, at, facts) : null };
}
