import type { Confidence } from '../scoring/response.js';
import type { AttemptRecord, QuestionOutcome } from './outcomes.js';
import { compareNumbered } from '../text/collation.js';

/** Calibration on one rating or preference scale. */
export interface ScaleCalibration {
  scale: string;
  /** Rating scales run low to high; preference scales from one response to the other. */
  kind: 'rating' | 'preference';
  labels: readonly string[];
  answered: number;
  /** Mean of (chosen - expected) in scale steps: positive means rating too high (further down the list). */
  meanSignedError: number;
  /** Mean of |chosen - expected|. */
  meanAbsoluteError: number;
  /** confusion[expected][chosen]: how often each label was chosen when another was expected. */
  confusion: number[][];
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Mean signed error and the confusion table per scale, from the rating and preference answers. */
export function calibration(outcomes: readonly QuestionOutcome[]): ScaleCalibration[] {
  const byScale = new Map<string, QuestionOutcome[]>();
  for (const o of outcomes) {
    if (!o.scale) continue;
    const rows = byScale.get(o.scale.name);
    if (rows) rows.push(o);
    else byScale.set(o.scale.name, [o]);
  }
  return [...byScale.entries()].map(([scale, rows]) => {
    const labels = rows[0]!.scale!.labels;
    const confusion = labels.map(() => labels.map(() => 0));
    let signed = 0;
    let absolute = 0;
    for (const { scale: s } of rows) {
      const diff = s!.chosen - s!.expected;
      signed += diff;
      absolute += Math.abs(diff);
      if (confusion[s!.expected] && s!.chosen < labels.length) confusion[s!.expected]![s!.chosen]! += 1;
    }
    return {
      scale,
      kind: rows[0]!.scale!.kind,
      labels,
      answered: rows.length,
      meanSignedError: round2(signed / rows.length),
      meanAbsoluteError: round2(absolute / rows.length),
      confusion,
    };
  });
}

/** Accuracy of the quickest quarter of answers against the rest. */
export interface Rushing {
  answers: number;
  fastCount: number;
  /** The slowest of the fast answers, in ms. */
  fastUpToMs: number;
  fastAccuracy: number;
  restAccuracy: number;
  /** Quick answers are much worse: RUSHING_GAP or more below the rest. */
  warning: boolean;
}

/** Fewer timed answers than this say nothing about rushing. */
export const RUSHING_MIN_ANSWERS = 8;
/** How much worse (as a share, 0.2 = 20 points) the quick answers must be to warn. */
export const RUSHING_GAP = 0.2;

/** The quickest quarter (rounded down) of the answered questions against the rest; undefined with too few answers. */
export function rushing(outcomes: readonly QuestionOutcome[]): Rushing | undefined {
  const timed = outcomes
    .filter((o) => o.answered && o.elapsedMs !== undefined)
    .sort((a, b) => a.elapsedMs! - b.elapsedMs!);
  if (timed.length < RUSHING_MIN_ANSWERS) return undefined;
  const fastCount = Math.floor(timed.length / 4);
  const fast = timed.slice(0, fastCount);
  const rest = timed.slice(fastCount);
  const accuracy = (rows: QuestionOutcome[]) => round2(rows.filter((o) => o.correct).length / rows.length);
  const fastAccuracy = accuracy(fast);
  const restAccuracy = accuracy(rest);
  return {
    answers: timed.length,
    fastCount,
    fastUpToMs: fast[fast.length - 1]!.elapsedMs!,
    fastAccuracy,
    restAccuracy,
    warning: restAccuracy - fastAccuracy >= RUSHING_GAP - 1e-9,
  };
}

/** Moodle's certainty-based marks: right / wrong at each level of sureness. */
export const CBM_MARKS: Record<Confidence, { right: number; wrong: number }> = {
  low: { right: 1, wrong: 0 },
  medium: { right: 2, wrong: -2 },
  high: { right: 3, wrong: -6 },
};

/** Accuracy at which each level pays best under CBM (Moodle: high above 80%, medium 67-80%). */
const CBM_BANDS: Record<Confidence, { from: number; to: number }> = {
  low: { from: 0, to: 2 / 3 },
  medium: { from: 2 / 3, to: 0.8 },
  high: { from: 0.8, to: 1 },
};

export interface CbmLevel {
  confidence: Confidence;
  answered: number;
  correct: number;
  accuracy: number;
  /** Accuracy above the band where this level pays best: say it more surely; below: less. */
  verdict: 'under-confident' | 'well judged' | 'over-confident';
}

export interface Cbm {
  levels: CbmLevel[];
  /** Total CBM marks and their mean per answer (Moodle's "average CBM mark"). */
  total: number;
  average: number;
}

/** Confidence against correctness with Moodle's CBM marks; undefined when confidence was never asked. */
export function certaintyBasedMarks(outcomes: readonly QuestionOutcome[]): Cbm | undefined {
  const rated = outcomes.filter((o) => o.answered && o.confidence);
  if (rated.length === 0) return undefined;
  let total = 0;
  const levels: CbmLevel[] = [];
  for (const confidence of ['high', 'medium', 'low'] as const) {
    const rows = rated.filter((o) => o.confidence === confidence);
    if (rows.length === 0) continue;
    const correct = rows.filter((o) => o.correct).length;
    total += correct * CBM_MARKS[confidence].right + (rows.length - correct) * CBM_MARKS[confidence].wrong;
    const accuracy = round2(correct / rows.length);
    const band = CBM_BANDS[confidence];
    const verdict =
      correct / rows.length > band.to + 1e-9
        ? 'under-confident'
        : correct / rows.length < band.from - 1e-9
          ? 'over-confident'
          : 'well judged';
    levels.push({ confidence, answered: rows.length, correct, accuracy, verdict });
  }
  return { levels, total, average: round2(total / rated.length) };
}

/** A bank's scores over its finished attempts, oldest first. */
export interface BankTrend {
  bankId: string;
  percents: number[];
}

export function bankTrends(attempts: readonly AttemptRecord[]): BankTrend[] {
  const trends = new Map<string, number[]>();
  for (const a of [...attempts].sort((x, y) => x.endedAt - y.endedAt)) {
    const percents = trends.get(a.bankId);
    if (percents) percents.push(a.percent);
    else trends.set(a.bankId, [a.percent]);
  }
  return [...trends.entries()].map(([bankId, percents]) => ({ bankId, percents }));
}

/** Per section, the accuracy in each attempt that tested it, oldest first (percent, rounded). */
export function sectionTrends(outcomes: readonly QuestionOutcome[]): Map<string, number[]> {
  const perAttempt = new Map<string, Map<number, { tried: number; correct: number; at: number }>>();
  for (const o of outcomes) {
    for (const id of o.sections) {
      let attempts = perAttempt.get(id);
      if (!attempts) perAttempt.set(id, (attempts = new Map<number, { tried: number; correct: number; at: number }>()));
      const r = attempts.get(o.attemptId);
      if (!r) attempts.set(o.attemptId, { tried: 1, correct: o.correct ? 1 : 0, at: o.at });
      else {
        r.tried += 1;
        r.correct += o.correct ? 1 : 0;
        r.at = Math.min(r.at, o.at);
      }
    }
  }
  return new Map(
    [...perAttempt.entries()].map(([id, attempts]) => [
      id,
      [...attempts.values()].sort((a, b) => a.at - b.at).map((r) => Math.round((100 * r.correct) / r.tried)),
    ]),
  );
}

/** All the analytics of a set of attempts (one attempt for a report, all of them for history). */
export interface Analytics {
  calibration: ScaleCalibration[];
  rushing: Rushing | null;
  confidence: Cbm | null;
  trends: BankTrend[];
  sections: { sectionId: string; accuracy: number[] }[];
}

export function analyse(attempts: readonly AttemptRecord[], outcomes: readonly QuestionOutcome[]): Analytics {
  return {
    calibration: calibration(outcomes),
    rushing: rushing(outcomes) ?? null,
    confidence: certaintyBasedMarks(outcomes) ?? null,
    trends: bankTrends(attempts),
    sections: sectionAccuracy(outcomes),
  };
}

/** Per section (in section order), its accuracy in each attempt that tested it. */
export function sectionAccuracy(outcomes: readonly QuestionOutcome[]): Analytics['sections'] {
  return [...sectionTrends(outcomes).entries()]
    .sort(([a], [b]) => compareNumbered(a, b))
    .map(([sectionId, accuracy]) => ({ sectionId, accuracy }));
}
