import type { Check, Question, ResolvedBank } from '../content/types.js';
import { keyResponse } from './key-response.js';
import { normalizeResponse, type Response } from './response.js';
import { scoreQuestion } from './rubric.js';

/**
 * A naive, test-wise taker: it answers without reading, by the patterns that game a careless
 * bank (always false, always the longest option, the middle of the scale, a keyword list for a
 * rationale...). A bank that tests judgement keeps it at or under NAIVE_LIMIT percent, and a
 * free-text rubric that reads meaning gives its keyword list under half the model answer's points.
 */

/** The most a naive taker may score on a bank, in percent of its points. */
export const NAIVE_LIMIT = 40;
/** The most a keyword list may earn on a free-text question, as a share of the model answer's points. */
export const KEYWORD_LIMIT = 0.5;

export interface NaiveQuestion {
  questionId: string;
  type: Question['type'];
  /** What the naive taker answered, shortly, for people. */
  answered: string;
  earned: number;
  max: number;
  /** Free text: what the model answer (the key, as `qualify key` writes it) earns. */
  modelEarned?: number;
}

export interface NaiveBank {
  bankId: string;
  earned: number;
  max: number;
  percent: number;
  questions: NaiveQuestion[];
}

/** Every expression of a check that a keyword list can hold (a pattern or a self-check gives none). */
function expressionsOf(check: Check): string[] {
  if (check === 'self') return [];
  if ('concepts' in check) return check.concepts.flat();
  if ('any' in check) return check.any;
  return [];
}

/**
 * The keyword list a test-wise taker writes: every expression of the question's earning criteria,
 * comma-separated, each once.
 */
export function keywordList(question: Question): string {
  const words = question.rubric.filter((c) => c.points > 0).flatMap((c) => expressionsOf(c.check));
  return [...new Set(words)].join(', ');
}

/** The longest option's id (the first of equals). */
function longestOption(options: { id: string; text: string }[]): string {
  return options.reduce((best, o) => (o.text.length > best.text.length ? o : best), options[0]!).id;
}

/** The naive answer to one question, and how to show it; undefined for a blank answer. */
export function naiveAnswer(question: Question): { response?: Response; shown: string } {
  const keywords = keywordList(question);
  // Any written rationale the rubric reads gets the keyword list too.
  const rationale = question.rubric.some((c) => c.check !== 'self') && keywords ? { rationale: keywords } : {};
  const answer = (value: unknown, shown: string) => ({ response: { answer: value, self: [], ...rationale }, shown });
  switch (question.type) {
    case 'true-false':
      return answer(false, 'false');
    case 'single-choice': {
      const id = longestOption(question.options);
      return answer(id, `longest: ${id}`);
    }
    case 'multi-select':
      return answer(
        question.options.map((o) => o.id),
        'every option',
      );
    case 'rating':
    case 'preference': {
      const middle = question.scale[Math.floor((question.scale.length - 1) / 2)]!;
      return answer(middle, `middle: ${middle}`);
    }
    case 'ranking':
      return answer(
        question.items.map((i) => i.id),
        'as listed',
      );
    case 'label-each': {
      const first = question.labels[0]!;
      return answer(Object.fromEntries(question.items.map((i) => [i.id, first])), `all ${first}`);
    }
    case 'free-text':
      return { response: { text: keywords, self: [] }, shown: keywords ? 'keyword list' : 'blank (no keywords)' };
    case 'short-answer':
    case 'numeric':
      return { shown: 'blank' };
  }
}

/** Answers every question of a bank (`--all`) naively and scores it. */
export function takeNaively(resolved: ResolvedBank): NaiveBank {
  const questions = resolved.bank.questions.map((question): NaiveQuestion => {
    const { response, shown } = naiveAnswer(question);
    const score = scoreQuestion(question, response);
    const result: NaiveQuestion = {
      questionId: question.id,
      type: question.type,
      answered: shown,
      earned: score.earned,
      max: score.max,
    };
    if (question.type === 'free-text')
      result.modelEarned = scoreQuestion(question, normalizeResponse(keyResponse(question))).earned;
    return result;
  });
  const earned = questions.reduce((sum, q) => sum + q.earned, 0);
  const max = questions.reduce((sum, q) => sum + q.max, 0);
  return { bankId: resolved.bank.id, earned, max, percent: max > 0 ? (100 * earned) / max : 0, questions };
}

/** Whether a free-text question's keyword list earns under half of what its model answer earns. */
export function keywordListHeldOff(question: NaiveQuestion): boolean {
  return question.modelEarned === undefined || question.earned < KEYWORD_LIMIT * question.modelEarned;
}
