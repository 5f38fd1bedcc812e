import type { ReportModel } from '../report/model.js';
import type { Response } from '../scoring/response.js';
import {
  finishAttempt,
  openNewAttempt,
  resumeOpenAttempt,
  settleLapsedExam,
  type AttemptRequest,
  type AttemptScope,
} from './lifecycle.js';

/** A whole attempt from an answers file: a new one (as requested), or the one in progress. */
export interface BatchRequest extends AttemptRequest {
  /** Record the answers into the attempt in progress instead of starting one. */
  resume?: boolean;
}

/**
 * Runs a whole attempt from prepared responses. The run is one transaction (retake check,
 * attempt, every answer, result) at one instant, read once from the clock: a run killed half-way
 * leaves nothing behind, so it can neither block the next run nor become a counted failure.
 */
export function recordAnswers(
  scope: AttemptScope,
  request: BatchRequest,
  responses: ReadonlyMap<string, Response>,
): ReportModel {
  const at = scope.clock();
  const instant: AttemptScope = { ...scope, clock: () => at };
  const { store } = scope;
  const { mode } = request;
  if (mode === 'exam' && !request.resume) settleLapsedExam(instant);
  return store.immediately(() => {
    const attempt = request.resume ? resumeOpenAttempt(instant, mode) : openNewAttempt(instant, request);
    if (attempt.deadlineAt !== undefined && attempt.deadlineAt <= at)
      return finishAttempt(instant, attempt, { mode, status: 'expired', endedAt: attempt.deadlineAt });
    // On a resume, the file's answers replace the ones given before, as a change of mind would.
    for (const question of attempt.questions) {
      const response = responses.get(question.id);
      if (response)
        store.saveAnswer(attempt.attemptId, { questionId: question.id, response, answeredAt: at, flagged: false });
    }
    return finishAttempt(instant, attempt, { mode, status: 'submitted', endedAt: at });
  });
}
