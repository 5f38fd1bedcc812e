import type { Guideline, Question, Section, SingleChoiceQuestion } from '../content/types.js';
import { compareNumbered, compareText } from '../text/collation.js';

/** Where a drill card comes from: a missed question, or a term or rule of a guideline. */
export type CardKind = 'question' | 'term' | 'rule';

/** A card of the learner's deck, as stored (its FSRS state is kept beside it). */
export interface CardRef {
  id: string;
  kind: CardKind;
  /** The bank of a question card; empty for guideline cards. */
  bankId: string;
  guidelineId: string;
  sectionId: string;
  /** The question id, the term, or the rule id. */
  ref: string;
}

export function questionCard(bankId: string, guidelineId: string, questionId: string, sectionId: string): CardRef {
  return { id: `question:${bankId}:${questionId}`, kind: 'question', bankId, guidelineId, sectionId, ref: questionId };
}

/** Every term and rule of a guideline (or of some of its sections) as flash cards. */
export function guidelineCards(guideline: Guideline, sectionIds?: ReadonlySet<string>): CardRef[] {
  const cards: CardRef[] = [];
  for (const [sectionId, section] of guideline.sectionIndex) {
    if (sectionIds && !sectionIds.has(sectionId)) continue;
    for (const term of section.terms ?? [])
      cards.push({
        id: `term:${guideline.id}:${sectionId}:${term.term}`,
        kind: 'term',
        bankId: '',
        guidelineId: guideline.id,
        sectionId,
        ref: term.term,
      });
    for (const rule of section.rules ?? [])
      cards.push({
        id: `rule:${guideline.id}:${rule.id}`,
        kind: 'rule',
        bankId: '',
        guidelineId: guideline.id,
        sectionId,
        ref: rule.id,
      });
  }
  return cards;
}

/** Options of a flash card: the right one and up to this many others. */
const DISTRACTORS = 3;

/** A small deterministic hash, so a card always shows the same options in the same order. */
function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

function pickOthers(pool: readonly string[], right: string, seed: number): string[] {
  const others = [...new Set(pool.filter((text) => text !== right))];
  others.sort((a, b) => hash(`${seed}${a}`) - hash(`${seed}${b}`) || compareText(a, b));
  return others.slice(0, DISTRACTORS);
}

/**
 * A term or rule card asked as a single-choice question, so the drill asks and scores it with the
 * exam's own prompt and scoring: "term -> which definition?", "rule id -> which rule?". The other
 * options are other definitions (or rules) of the same guideline. Undefined when the guideline
 * has nothing to set beside it, or the term or rule is gone.
 */
export function flashQuestion(card: CardRef, guideline: Guideline): SingleChoiceQuestion | undefined {
  const sections = [...guideline.sectionIndex.values()];
  const section: Section | undefined = guideline.sectionIndex.get(card.sectionId);
  let prompt: string;
  let right: string;
  let pool: string[];
  if (card.kind === 'term') {
    const term = section?.terms?.find((t) => t.term === card.ref);
    if (!term) return undefined;
    prompt = `What does "${term.term}" mean in section ${card.sectionId} (${section!.title})?`;
    right = term.definition;
    pool = sections.flatMap((s) => (s.terms ?? []).map((t) => t.definition));
    if (pool.length <= 1) pool = [...pool, ...sections.flatMap((s) => (s.rules ?? []).map((r) => r.text))];
  } else if (card.kind === 'rule') {
    const rule = guideline.ruleIndex.get(card.ref);
    if (!rule) return undefined;
    const sectionTitle = guideline.sectionIndex.get(rule.sectionId)?.title ?? '';
    prompt = `Which is rule ${rule.id} (section ${rule.sectionId}, ${sectionTitle})?`;
    right = rule.text;
    pool = [...guideline.ruleIndex.values()].map((r) => r.text);
  } else return undefined;
  const others = pickOthers(pool, right, hash(card.id));
  if (others.length === 0) return undefined;
  const texts = [...others, right].sort((a, b) => hash(`${card.id}${a}`) - hash(`${card.id}${b}`) || compareText(a, b));
  const options = texts.map((text, i) => ({ id: String.fromCharCode(97 + i), text }));
  return {
    // Shown above the question, so it reads as words rather than as the card's key.
    id: card.kind === 'term' ? `term "${card.ref}"` : `rule ${card.ref}`,
    type: 'single-choice',
    sections: [card.sectionId],
    rules: card.kind === 'rule' ? [card.ref] : [],
    prompt,
    media: [],
    points: 1,
    critical: false,
    tags: [],
    rubric: [],
    options,
    // Already in a card-seeded order.
    shuffle: false,
    answer: options.find((o) => o.text === right)!.id,
    explanation: card.kind === 'term' ? `${card.ref}: ${right}` : undefined,
  };
}

/** The question a card asks, or undefined when its source is gone from the content. */
export function cardQuestion(
  card: CardRef,
  bankQuestions: ReadonlyMap<string, Question> | undefined,
  guideline: Guideline | undefined,
): Question | undefined {
  if (card.kind === 'question') return bankQuestions?.get(card.ref);
  return guideline && flashQuestion(card, guideline);
}

/** A section and its subsections ("7" takes in "7.1" and "7.2.3"). */
export function inSection(sectionId: string, wanted: string): boolean {
  return sectionId === wanted || sectionId.startsWith(`${wanted}.`);
}

/** A card with when it is due. */
export interface DueCard extends CardRef {
  due: number;
}

/**
 * The cards of one round: those due now, missed questions before flash cards, then the longest
 * overdue first, then in guideline order; at most `limit`.
 */
export function drillRound<T extends DueCard>(cards: readonly T[], now: number, limit: number): T[] {
  return cards
    .filter((c) => c.due <= now)
    .sort(
      (a, b) =>
        Number(a.kind !== 'question') - Number(b.kind !== 'question') ||
        a.due - b.due ||
        compareNumbered(a.sectionId, b.sectionId) ||
        compareText(a.id, b.id),
    )
    .slice(0, limit);
}
