/**
 * The typed content model: what a guideline document and a question bank mean once they have
 * been parsed, validated and resolved. Field names follow the YAML format (docs/format.md) except
 * where a resolved form is friendlier (durations in milliseconds, scales as label lists).
 */

export interface Term {
  term: string;
  definition: string;
}

export interface Rule {
  id: string;
  text: string;
}

export interface Example {
  title: string;
  body: string;
  verdict?: string;
}

export interface Section {
  id: string;
  title: string;
  body?: string;
  terms?: Term[];
  rules?: Rule[];
  exceptions?: string[];
  examples?: Example[];
  sections?: Section[];
}

export interface Guideline {
  kind: 'guideline';
  id: string;
  title: string;
  version: string;
  description?: string;
  scales: Record<string, string[]>;
  sections: Section[];
  /** Absolute path of the file it was read from. */
  file: string;
  /** Every section, subsections included, by id, in document order. */
  sectionIndex: Map<string, Section>;
  /** Every rule by id, with the id of the section that holds it. */
  ruleIndex: Map<string, Rule & { sectionId: string }>;
}

/**
 * A `concepts` check: every concept (a list of alternative expressions) must be expressed in a
 * sentence of the answer; `negated` counts only mentions in a negation's scope instead.
 */
export interface ConceptsCheck {
  concepts: string[][];
  negated: boolean;
}

export type Check = 'self' | { any: string[] } | { matches: string } | ConceptsCheck;

export interface Criterion {
  id: string;
  text: string;
  points: number;
  sections: string[];
  critical: boolean;
  check: Check;
}

export interface Choice {
  id: string;
  text: string;
  feedback?: string;
  /** Share of the points earned by picking this option (GIFT weights); see docs/format.md. */
  credit?: number;
}

export interface Media {
  path: string;
  alt?: string;
  /** Absolute path, checked to stay inside the bank's folder. */
  resolvedPath: string;
  /** Its place in the question's `media` list in the file (refused entries are left out here). */
  index: number;
}

interface QuestionBase {
  id: string;
  sections: string[];
  rules: string[];
  prompt: string;
  context?: string | Record<string, string>;
  media: Media[];
  explanation?: string;
  model_answer?: string;
  points: number;
  critical: boolean;
  /** Milliseconds, when the question has its own limit. */
  timeLimitMs?: number;
  tags: string[];
  /** Extra criteria after the implicit answer-key criterion. */
  rubric: Criterion[];
}

export interface SingleChoiceQuestion extends QuestionBase {
  type: 'single-choice';
  options: Choice[];
  /** Shown in a per-attempt seeded order (the default); false keeps the author's order. */
  shuffle: boolean;
  answer: string;
}
export interface MultiSelectQuestion extends QuestionBase {
  type: 'multi-select';
  options: Choice[];
  /** Shown in a per-attempt seeded order (the default); false keeps the author's order. */
  shuffle: boolean;
  answer: string[];
}
export interface TrueFalseQuestion extends QuestionBase {
  type: 'true-false';
  answer: boolean;
}
export interface RatingQuestion extends QuestionBase {
  type: 'rating';
  /** The resolved scale labels, low to high. */
  scale: string[];
  scaleName?: string;
  answer: string;
  tolerance: number[];
}
export interface PreferenceQuestion extends QuestionBase {
  type: 'preference';
  scale: string[];
  scaleName?: string;
  answer: string;
  tolerance: number[];
}
export interface RankingQuestion extends QuestionBase {
  type: 'ranking';
  items: Choice[];
  /** Shown in a per-attempt seeded order (the default); false keeps the author's order. */
  shuffle: boolean;
  answer: string[];
}
export interface LabelEachQuestion extends QuestionBase {
  type: 'label-each';
  items: Choice[];
  /** Shown in a per-attempt seeded order (the default); false keeps the author's order. */
  shuffle: boolean;
  labels: string[];
  answer: Record<string, string>;
}
/** One accepted answer of a short-answer question, as written in the bank. */
export interface AcceptedText {
  /** The whole answer; `*` matches any text. */
  text: string;
  /** Share of the points, 0..1. */
  credit: number;
  feedback?: string;
}
export interface ShortAnswerQuestion extends QuestionBase {
  type: 'short-answer';
  /** In order: the first that matches decides (Moodle's rule). */
  accept: AcceptedText[];
  caseSensitive: boolean;
  /** The first full-credit answer: what `qualify key` gives and reports show as expected. */
  answer: string;
}
/** One accepted answer of a numeric question: an inclusive range (value ± tolerance, or min..max). */
export interface AcceptedNumber {
  min: number;
  max: number;
  /** How it was written, for people: `3 ± 0.5`, `1..5`, `1822`. */
  shown: string;
  credit: number;
  feedback?: string;
}
export interface NumericQuestion extends QuestionBase {
  type: 'numeric';
  accept: AcceptedNumber[];
  unit?: string;
  /** A number inside the first full-credit answer (its value, or the middle of its range). */
  answer: number;
}
export interface FreeTextQuestion extends QuestionBase {
  type: 'free-text';
}

export type Question =
  | SingleChoiceQuestion
  | MultiSelectQuestion
  | TrueFalseQuestion
  | RatingQuestion
  | PreferenceQuestion
  | RankingQuestion
  | LabelEachQuestion
  | ShortAnswerQuestion
  | NumericQuestion
  | FreeTextQuestion;

export type QuestionType = Question['type'];

export const QUESTION_TYPES: readonly QuestionType[] = [
  'single-choice',
  'multi-select',
  'true-false',
  'rating',
  'preference',
  'ranking',
  'label-each',
  'short-answer',
  'numeric',
  'free-text',
];

export type Lockout = { kind: 'permanent' } | { kind: 'duration'; ms: number };

export interface RetakePolicy {
  /** Wait after the 1st, 2nd, ... failed attempt, in ms; the last one repeats. */
  waitsMs: number[];
  maxAttempts?: number;
  lockout: Lockout;
}

export interface ExamSettings {
  draw?: number;
  timeLimitMs?: number;
  passMark: number;
  sectionMinimums: Record<string, number>;
  sequential: boolean;
  openBook: boolean;
  retake: RetakePolicy;
}

export interface Bank {
  kind: 'bank';
  id: string;
  title: string;
  description?: string;
  guidelineId: string;
  version: string;
  exam: ExamSettings;
  questions: Question[];
  file: string;
}

/** A bank joined with the guideline it refers to: what an exam runs on. */
export interface ResolvedBank {
  bank: Bank;
  guideline: Guideline;
}

export const DEFAULT_PASS_MARK = 80;
export const DEFAULT_TOLERANCE: readonly number[] = [1, 0.5, 0];
export const DEFAULT_PREFERENCE_SCALE: readonly string[] = [
  'A much better',
  'A better',
  'A slightly better',
  'About the same',
  'B slightly better',
  'B better',
  'B much better',
];
