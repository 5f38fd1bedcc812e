import type { Question, ResolvedBank } from '../content/types.js';
import type { Response } from '../scoring/response.js';
import { scoreQuestion } from '../scoring/rubric.js';

/**
 * Item statistics for authors, after Moodle's quiz statistics report: per question, how many
 * attempts drew it, its facility (mean share of its points earned) and its discrimination (the
 * correlation between the question's score and the score on the rest of the attempt), plus how
 * often each option was picked. Pure: attempts in, figures out.
 */

/** One finished attempt at the bank: the questions it drew and the responses given. */
export interface PooledAttempt {
  questionIds: readonly string[];
  responses: ReadonlyMap<string, Response>;
}

export interface OptionCount {
  id: string;
  text: string;
  /** How many answers picked it. */
  picked: number;
  /** Whether it is (part of) the key. */
  key: boolean;
}

export type ItemFlag = 'too-easy' | 'too-hard' | 'check-key';

export interface ItemStats {
  questionId: string;
  /** Index in the bank's question list (for positions in the file). */
  index: number;
  type: Question['type'];
  sections: { id: string; title: string }[];
  /** Attempts that drew the question, and how many of them answered it. */
  attempts: number;
  answered: number;
  /** Mean share of the question's points earned, 0..1 (unanswered counts as 0); null when never drawn. */
  facility: number | null;
  /** Pearson correlation of the question's score with the rest of the attempt's score, -1..1; null when undefined. */
  discrimination: number | null;
  /** Choice questions only: the picks of each option, in the bank's order. */
  options?: OptionCount[];
  flags: ItemFlag[];
}

/** Thresholds of the flags, as the issue and Moodle's documentation suggest. */
export const TOO_EASY_ABOVE = 0.9;
export const TOO_HARD_BELOW = 0.2;

const mean = (values: readonly number[]) => values.reduce((s, v) => s + v, 0) / values.length;

/**
 * The Pearson correlation of two equally long series, or null when it is undefined (fewer than
 * two values, or a series that never varies). Moodle's C(x,X)/sqrt(V(x)V(X)): its n-1 divisors cancel.
 */
export function correlation(xs: readonly number[], ys: readonly number[]): number | null {
  if (xs.length < 2 || xs.length !== ys.length) return null;
  const mx = mean(xs);
  const my = mean(ys);
  let covariance = 0;
  let vx = 0;
  let vy = 0;
  xs.forEach((x, i) => {
    const dx = x - mx;
    const dy = ys[i]! - my;
    covariance += dx * dy;
    vx += dx * dx;
    vy += dy * dy;
  });
  if (vx < 1e-12 || vy < 1e-12) return null;
  return covariance / Math.sqrt(vx * vy);
}

function optionCounts(question: Question, answers: readonly unknown[]): OptionCount[] | undefined {
  const picks = (given: unknown) => (Array.isArray(given) ? given : [given]).map(String);
  if (question.type === 'single-choice' || question.type === 'multi-select') {
    const key = picks(question.answer);
    return question.options.map((o) => ({
      id: o.id,
      text: o.text,
      picked: answers.filter((a) => picks(a).includes(o.id)).length,
      key: key.includes(o.id),
    }));
  }
  if (question.type === 'true-false') {
    return [true, false].map((value) => ({
      id: String(value),
      text: String(value),
      picked: answers.filter((a) => a === value).length,
      key: question.answer === value,
    }));
  }
  return undefined;
}

/** The statistics of every question of a bank from the pooled attempts at it. */
export function computeItemStats(resolved: ResolvedBank, attempts: readonly PooledAttempt[]): ItemStats[] {
  const { bank, guideline } = resolved;
  const byId = new Map(bank.questions.map((q) => [q.id, q]));
  // Each attempt scored once: per drawn question its share of points, and the attempt's totals.
  const scored = attempts.map((attempt) => {
    const items = new Map<string, { earned: number; max: number; answered: boolean }>();
    for (const id of attempt.questionIds) {
      const question = byId.get(id);
      if (!question) continue; // removed from the bank since: nothing to say about it
      const score = scoreQuestion(question, attempt.responses.get(id));
      items.set(id, { earned: score.earned, max: score.max, answered: score.answered });
    }
    let earned = 0;
    let max = 0;
    for (const item of items.values()) {
      earned += item.earned;
      max += item.max;
    }
    return { attempt, items, earned, max };
  });

  return bank.questions.map((question, index) => {
    const drawn = scored.filter((s) => s.items.has(question.id));
    const shares: number[] = [];
    const rest: number[] = [];
    for (const s of drawn) {
      const item = s.items.get(question.id)!;
      shares.push(item.max > 0 ? item.earned / item.max : 0);
      // The rest of the attempt as a share of its points, so attempts that drew different
      // questions compare; when every attempt has the same points this is Moodle's raw rest score.
      const restMax = s.max - item.max;
      rest.push(restMax > 0 ? (s.earned - item.earned) / restMax : 0);
    }
    const answers = drawn
      .filter((s) => s.items.get(question.id)!.answered)
      .map((s) => s.attempt.responses.get(question.id)?.answer);
    const facility = shares.length ? mean(shares) : null;
    const discrimination = correlation(shares, rest);
    const flags: ItemFlag[] = [];
    if (facility !== null && facility > TOO_EASY_ABOVE) flags.push('too-easy');
    if (facility !== null && facility < TOO_HARD_BELOW) flags.push('too-hard');
    if (discrimination !== null && discrimination <= 0) flags.push('check-key');
    const options = optionCounts(question, answers);
    return {
      questionId: question.id,
      index,
      type: question.type,
      sections: question.sections.map((id) => ({ id, title: guideline.sectionIndex.get(id)?.title ?? id })),
      attempts: drawn.length,
      answered: answers.length,
      facility,
      discrimination,
      ...(options ? { options } : {}),
      flags,
    };
  });
}
