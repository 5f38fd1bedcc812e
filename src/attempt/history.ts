import type { ContentSet } from '../content/loaded.js';
import type { AttemptRow, AttemptStore } from '../store/attempts.js';
import type { DB } from '../store/db.js';
import { attemptIdsOfSameLearner } from '../store/pool.js';
import { analyse, type Analytics } from '../study/analytics.js';
import { retakeDecision, settleOpenPractice } from './lifecycle.js';
import { rememberedFigures, type FiguresMemo } from './figures-memo.js';
import { attemptRecords, outcomesFor } from './study-data.js';

/** Whether a bank's exam can be taken again, as `qualify history --json` prints it. */
export interface RetakeStatus {
  status: 'available' | 'waiting' | 'locked-out' | 'clock-rollback' | 'unknown-bank';
  availableAt: string | null;
}

/** The past attempts (of one bank, or all), each bank's retake status and the study analytics. */
export interface History {
  attempts: AttemptRow[];
  retake: Record<string, RetakeStatus>;
  analytics: Analytics;
}

export function retakeStatus(content: ContentSet, store: AttemptStore, bankId: string, at: number): RetakeStatus {
  const resolved = content.banks.get(bankId);
  if (!resolved) return { status: 'unknown-bank', availableAt: null };
  const decision = retakeDecision({ store, resolved, clock: () => at });
  switch (decision.kind) {
    case 'allowed':
      return { status: 'available', availableAt: null };
    case 'wait':
      return { status: 'waiting', availableAt: new Date(decision.until).toISOString() };
    case 'locked-out':
      return {
        status: 'locked-out',
        availableAt: decision.until === undefined ? null : new Date(decision.until).toISOString(),
      };
    case 'clock-rollback':
      return { status: 'clock-rollback', availableAt: null };
  }
}

/**
 * The history at `at`, from the banks loaded in `content` (those attempted). Practice rounds that
 * can no longer be resumed are closed first, not listed as in progress forever.
 */
export function historyOf(
  store: AttemptStore,
  content: ContentSet,
  bankId: string | undefined,
  at: number,
  figures?: FiguresMemo,
): History {
  for (const resolved of content.banks.values()) settleOpenPractice({ store, resolved, clock: () => at });
  const attempts = store.list(bankId);
  const bankIds = [...new Set(attempts.map((a) => a.bankId))];
  const retake = Object.fromEntries(bankIds.map((id) => [id, retakeStatus(content, store, id, at)]));
  const analytics = rememberedFigures(figures, `history\u0000${bankId ?? ''}`, () => {
    const records = attemptRecords(store, bankId, attempts);
    return analyse(records, outcomesFor(content, records));
  });
  figures?.save();
  return { attempts, retake, analytics };
}

/** The same learner's finished attempts at the same bank up to this one, for the HTML report's trend chart. */
export function scoreTrend(db: DB, store: AttemptStore, attempt: AttemptRow) {
  const sameLearner = attemptIdsOfSameLearner(db, attempt.id);
  return store
    .list(attempt.bankId)
    .filter((a) => sameLearner.has(a.id) && a.status !== 'in_progress' && a.percent !== undefined)
    .filter((a) => a.startedAt < attempt.startedAt || (a.startedAt === attempt.startedAt && a.id <= attempt.id))
    .map((a) => ({ label: `#${a.id}`, percent: a.percent!, current: a.id === attempt.id }));
}
