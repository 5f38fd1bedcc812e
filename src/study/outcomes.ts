import type { Question } from '../content/types.js';
import type { Confidence, Response } from '../scoring/response.js';
import { fullCredit } from '../scoring/rubric.js';
import { compareNumbered } from '../text/collation.js';

/** A finished attempt with its answers, as the study rules read it. */
export interface AttemptRecord {
  attemptId: number;
  /** Names the attempt for good, so what is worked out from it can be remembered (see attempt/outcome-memo.ts). */
  uuid?: string;
  bankId: string;
  mode: 'exam' | 'practice';
  startedAt: number;
  endedAt: number;
  percent: number;
  /** Answered in the terminal, so the gaps between answers are the time taken (not so for an answers file). */
  timed: boolean;
  questionIds: readonly string[];
  answers: readonly { questionId: string; response: Response; answeredAt: number }[];
}

/** One question of one attempt: was it right, how long it took, how sure the learner was. */
export interface QuestionOutcome {
  attemptId: number;
  bankId: string;
  questionId: string;
  sections: readonly string[];
  answered: boolean;
  correct: boolean;
  /** Time since the previous answer (or the start) of the same attempt; undefined when unanswered. */
  elapsedMs?: number;
  at: number;
  /** When the attempt ended: a question missed in it is due for drilling from then. */
  attemptEndedAt: number;
  confidence?: Confidence;
  /** Rating and preference questions: positions on the scale, 0 = its first label. */
  scale?: { name: string; kind: 'rating' | 'preference'; labels: readonly string[]; chosen: number; expected: number };
}

/**
 * Every question of every finished attempt, scored again with the bank as it is now (a question
 * no longer in the bank is left out). Time per question is the gap between consecutive saved
 * answers, which is what the database records (none for an answers file, whose answers are saved all at once).
 */
export function questionOutcomes(
  attempts: readonly AttemptRecord[],
  questionsOf: (bankId: string) => ReadonlyMap<string, Question> | undefined,
  /** Scores one answer (a caller may remember verdicts between runs). */
  credit: (question: Question, response: Response) => boolean = fullCredit,
): QuestionOutcome[] {
  const out: QuestionOutcome[] = [];
  for (const attempt of attempts) {
    const questions = questionsOf(attempt.bankId);
    if (!questions) continue;
    const answers = [...attempt.answers].sort((a, b) => a.answeredAt - b.answeredAt);
    const elapsed = new Map<string, number>();
    let previous = attempt.startedAt;
    for (const answer of attempt.timed ? answers : []) {
      elapsed.set(answer.questionId, Math.max(0, answer.answeredAt - previous));
      previous = answer.answeredAt;
    }
    const byId = new Map(answers.map((a) => [a.questionId, a]));
    for (const id of attempt.questionIds) {
      const question = questions.get(id);
      if (!question) continue;
      const given = byId.get(id);
      out.push({
        attemptId: attempt.attemptId,
        bankId: attempt.bankId,
        questionId: id,
        sections: question.sections,
        answered: given !== undefined,
        // An unanswered question is never correct, so it needs no scoring.
        correct: given !== undefined && credit(question, given.response),
        elapsedMs: elapsed.get(id),
        at: given?.answeredAt ?? attempt.endedAt,
        attemptEndedAt: attempt.endedAt,
        confidence: given?.response.confidence,
        scale: scalePositions(question, given?.response),
      });
    }
  }
  return out;
}

function scalePositions(question: Question, response: Response | undefined): QuestionOutcome['scale'] {
  if ((question.type !== 'rating' && question.type !== 'preference') || !response) return undefined;
  return scaleOutcome(question, question.scale.indexOf(String(response.answer)));
}

/** A rating or preference question's outcome on its scale, from the position chosen (-1: not on it). */
export function scaleOutcome(question: Question, chosen: number): QuestionOutcome['scale'] {
  if (question.type !== 'rating' && question.type !== 'preference') return undefined;
  const expected = question.scale.indexOf(question.answer);
  if (chosen < 0 || expected < 0) return undefined;
  return { name: question.scaleName ?? question.type, kind: question.type, labels: question.scale, chosen, expected };
}

/** A question missed at least once, with its first section and when the attempt that missed it first ended. */
export interface MissedQuestion {
  bankId: string;
  questionId: string;
  section: string;
  at: number;
}

/** Questions answered wrong (or left unanswered) at least once: each becomes a drill card. */
export function missedQuestions(outcomes: readonly QuestionOutcome[]): MissedQuestion[] {
  const seen = new Map<string, MissedQuestion>();
  for (const o of outcomes) {
    if (o.correct) continue;
    const key = `${o.bankId}\u0000${o.questionId}`;
    if (!seen.has(key))
      seen.set(key, { bankId: o.bankId, questionId: o.questionId, section: o.sections[0] ?? '', at: o.attemptEndedAt });
  }
  return [...seen.values()];
}

/** A guideline section's record: questions tried, how many right, when last seen. */
export interface SectionRecord {
  tried: number;
  correct: number;
  lastSeen: number;
}

/** Per section: questions tried and right (a question counts for every section it tests). */
export function sectionRecords(outcomes: readonly QuestionOutcome[]): Map<string, SectionRecord> {
  const records = new Map<string, SectionRecord>();
  for (const o of outcomes) {
    for (const id of o.sections) {
      const r = records.get(id);
      if (!r) records.set(id, { tried: 1, correct: o.correct ? 1 : 0, lastSeen: Math.max(0, o.at) });
      else {
        r.tried += 1;
        r.correct += o.correct ? 1 : 0;
        r.lastSeen = Math.max(r.lastSeen, o.at);
      }
    }
  }
  return records;
}

/** Sections by accuracy, lowest first (ties: more questions tried first); only sections tried. */
export function weakestSections(
  records: ReadonlyMap<string, SectionRecord>,
): { sectionId: string; accuracy: number; tried: number }[] {
  return [...records.entries()]
    .map(([sectionId, r]) => ({ sectionId, accuracy: r.correct / r.tried, tried: r.tried }))
    .sort((a, b) => a.accuracy - b.accuracy || b.tried - a.tried || compareNumbered(a.sectionId, b.sectionId));
}
