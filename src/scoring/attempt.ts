import type { Guideline, Question, ResolvedBank } from '../content/types.js';
import type { Response } from './response.js';
import { scoreQuestion, type ConceptJudge, type QuestionScore } from './rubric.js';

export interface SectionScore {
  id: string;
  title: string;
  earned: number;
  max: number;
  lost: number;
}

export interface SectionMinimumResult {
  id: string;
  title: string;
  required: number;
  /** Percent earned within the section and its subsections; undefined when no drawn question tests it. */
  percent?: number;
  met: boolean;
}

export interface AttemptScore {
  score: number;
  maxScore: number;
  percent: number;
  passMark: number;
  passed: boolean;
  criticalMissed: { questionId: string; criterionId: string }[];
  sections: SectionScore[];
  sectionMinimums: SectionMinimumResult[];
  questions: QuestionScore[];
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Whether `id` is `ancestor` or one of its subsections, by the guideline's nesting. */
function within(guideline: Guideline, id: string, ancestor: string): boolean {
  if (id === ancestor) return true;
  const section = guideline.sectionIndex.get(ancestor);
  const stack = [...(section?.sections ?? [])];
  while (stack.length) {
    const next = stack.pop()!;
    if (next.id === id) return true;
    stack.push(...(next.sections ?? []));
  }
  return false;
}

/**
 * Scores a whole attempt: every drawn question by its rubric, then the pass decision
 * (pass mark, critical criteria, section minimums) and the per-section totals.
 */
export function scoreAttempt(
  resolved: ResolvedBank,
  questions: readonly Question[],
  responses: ReadonlyMap<string, Response>,
  /** How `concepts` checks are decided (remembered verdicts, or the language model). */
  judge?: ConceptJudge,
): AttemptScore {
  const { bank, guideline } = resolved;
  const scored = questions.map((q) => scoreQuestion(q, responses.get(q.id), judge));
  const score = scored.reduce((s, q) => s + q.earned, 0);
  const maxScore = scored.reduce((s, q) => s + q.max, 0);
  const percent = maxScore === 0 ? 0 : (100 * score) / maxScore;

  const max: Record<string, number> = {};
  const lost: Record<string, number> = {};
  for (const q of scored) {
    for (const [id, v] of Object.entries(q.maxBySection)) max[id] = (max[id] ?? 0) + v;
    for (const [id, v] of Object.entries(q.lostBySection)) lost[id] = (lost[id] ?? 0) + v;
  }
  const order = [...guideline.sectionIndex.keys()];
  const sectionIds = [...new Set([...Object.keys(max), ...Object.keys(lost)])].sort(
    (a, b) => order.indexOf(a) - order.indexOf(b),
  );
  const sections: SectionScore[] = sectionIds.map((id) => {
    const m = max[id] ?? 0;
    const l = lost[id] ?? 0;
    return {
      id,
      title: guideline.sectionIndex.get(id)?.title ?? id,
      max: round(m),
      lost: round(l),
      earned: round(Math.max(0, m - l)),
    };
  });

  const sectionMinimums: SectionMinimumResult[] = Object.entries(bank.exam.sectionMinimums).map(([id, required]) => {
    let m = 0;
    let l = 0;
    for (const s of sectionIds) {
      if (!within(guideline, s, id)) continue;
      m += max[s] ?? 0;
      l += lost[s] ?? 0;
    }
    const title = guideline.sectionIndex.get(id)?.title ?? id;
    if (m === 0) return { id, title, required, met: true };
    const pct = (100 * Math.max(0, m - l)) / m;
    return { id, title, required, percent: round(pct, 1), met: pct + 1e-9 >= required };
  });

  const criticalMissed = scored.flatMap((q) =>
    q.criteria.filter((c) => c.criticalMissed).map((c) => ({ questionId: q.questionId, criterionId: c.id })),
  );
  const passed =
    percent + 1e-9 >= bank.exam.passMark && criticalMissed.length === 0 && sectionMinimums.every((s) => s.met);

  return {
    score: round(score),
    maxScore: round(maxScore),
    percent: round(percent, 1),
    passMark: bank.exam.passMark,
    passed,
    criticalMissed,
    sections,
    sectionMinimums,
    questions: scored,
  };
}
