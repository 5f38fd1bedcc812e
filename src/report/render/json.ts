import { safeJson } from '../../text/sanitize.js';
import type { ReportModel } from '../model.js';

/**
 * The stable JSON summary `qualify exam --json` prints. Field names are a public contract for
 * scripts; add fields, never rename them.
 */
export function examSummary(report: ReportModel) {
  return {
    attemptId: report.attemptId,
    seed: report.seed ?? null,
    bank: report.bank.id,
    mode: report.mode,
    status: report.status,
    score: report.score,
    maxScore: report.maxScore,
    percent: report.percent,
    passMark: report.passMark,
    passed: report.passed,
    criticalMissed: report.criticalMisses.length > 0,
    criticalMisses: report.criticalMisses,
    sections: report.sections.map(({ id, title, earned, max }) => ({ id, title, earned, max })),
    sectionMinimums: report.sectionMinimums,
    mistakes: report.mistakes.map((m) => ({
      questionId: m.questionId,
      sections: m.sections.map((s) => s.id),
      earned: m.earned,
      max: m.max,
      response: m.response,
      expected: m.expected,
      // As the learner saw them on screen (option texts, item text -> label, True/False).
      responseText: m.responseText,
      expectedText: m.expectedText,
      answered: m.answered,
      explanation: m.explanation ?? null,
    })),
    studyPlan: report.studyPlan,
    ...(report.firstTry ? { firstTry: report.firstTry } : {}),
    nextAttemptAt: report.nextAttemptAt,
  };
}

export function renderJson(value: unknown): string {
  return safeJson(value, 2) + '\n';
}
