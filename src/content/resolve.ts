import path from 'node:path';
import { parseDuration } from './duration.js';
import type { ParsedFile } from './parse.js';
import type {
  BankFile,
  BankFileAcceptedNumber,
  BankFileCheck,
  BankFileExam,
  BankFileMedia,
  BankFileQuestion,
  GuidelineFile,
} from './schema/types.generated.js';
import {
  DEFAULT_PASS_MARK,
  DEFAULT_PREFERENCE_SCALE,
  DEFAULT_TOLERANCE,
  type AcceptedNumber,
  type Bank,
  type Check,
  type Criterion,
  type ExamSettings,
  type Guideline,
  type Media,
  type Question,
  type Rule,
  type Section,
} from './types.js';

/*
 * Resolving builds the typed content model from a file that passed its JSON Schema (so the
 * generated file types describe it) and joins a bank to its guideline. It checks nothing: the
 * load-phase lint rules (src/lint/rules, run by the loader) report what does not resolve.
 */

/** Builds the typed guideline from a schema-valid file. The first of two sections or rules with one id wins. */
export function resolveGuideline(parsed: ParsedFile): Guideline {
  const raw = parsed.value as GuidelineFile;
  const sectionIndex = new Map<string, Section>();
  const ruleIndex = new Map<string, Rule & { sectionId: string }>();
  const walk = (sections: readonly Section[]): void => {
    for (const section of sections) {
      if (!sectionIndex.has(section.id)) sectionIndex.set(section.id, section);
      for (const rule of section.rules ?? [])
        if (!ruleIndex.has(rule.id)) ruleIndex.set(rule.id, { id: rule.id, text: rule.text, sectionId: section.id });
      if (section.sections) walk(section.sections);
    }
  };
  walk(raw.sections);
  return {
    kind: 'guideline',
    id: raw.id,
    title: raw.title,
    version: raw.version,
    description: raw.description,
    scales: raw.scales ?? {},
    sections: raw.sections,
    file: parsed.file,
    sectionIndex,
    ruleIndex,
  };
}

function resolveExam(exam: BankFileExam = {}): ExamSettings {
  const retake = exam.retake ?? {};
  const lockout =
    retake.lockout === undefined || retake.lockout === 'permanent'
      ? ({ kind: 'permanent' } as const)
      : ({ kind: 'duration', ms: parseDuration(retake.lockout) ?? 0 } as const);
  return {
    draw: exam.draw,
    timeLimitMs: exam.time_limit === undefined ? undefined : parseDuration(exam.time_limit),
    passMark: exam.pass_mark ?? DEFAULT_PASS_MARK,
    sectionMinimums: exam.section_minimums ?? {},
    sequential: exam.sequential ?? false,
    openBook: exam.open_book ?? false,
    retake: {
      waitsMs: (retake.waits ?? []).map((w) => parseDuration(w) ?? 0),
      maxAttempts: retake.max_attempts,
      lockout,
    },
  };
}

/** Whether a media path, relative to the bank's folder, stays inside it (before links are followed). */
export function mediaPathStaysInside(mediaPath: string, bankFile: string): boolean {
  const folder = path.dirname(bankFile);
  const relative = path.relative(folder, path.resolve(folder, mediaPath));
  return !path.isAbsolute(mediaPath) && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** The media of a question; a path that leaves the bank's folder is left out (the media-path rule refuses it). */
function resolveMedia(media: readonly BankFileMedia[] = [], bankFile: string): Media[] {
  const folder = path.dirname(bankFile);
  return media.flatMap((m, index) =>
    mediaPathStaysInside(m.path, bankFile)
      ? [{ path: m.path, alt: m.alt, resolvedPath: path.resolve(folder, m.path), index }]
      : [],
  );
}

function resolveCheck(check: BankFileCheck): Check {
  if (check === 'self') return 'self';
  if ('concepts' in check) {
    const concepts = check.concepts.map((c) => (typeof c === 'string' ? [c] : c));
    return { concepts, negated: check.negated === true };
  }
  return 'matches' in check ? { matches: check.matches } : { any: check.any };
}

/** The scale of a rating or preference question: inline, named in the guideline, or the default preference scale. */
export function scaleOf(
  q: Extract<BankFileQuestion, { type: 'rating' | 'preference' }>,
  guideline: Guideline | undefined,
): string[] | undefined {
  if (Array.isArray(q.scale)) return q.scale;
  if (typeof q.scale === 'string')
    return guideline && Object.hasOwn(guideline.scales, q.scale) ? guideline.scales[q.scale] : undefined;
  return [...DEFAULT_PREFERENCE_SCALE];
}

/** A numeric question's accepted answer as a range: `value` ± `tolerance`, or `min`..`max` (NaN when neither). */
function acceptedNumber(a: BankFileAcceptedNumber): AcceptedNumber {
  const extras = { credit: a.credit ?? 1, ...(a.feedback ? { feedback: a.feedback } : {}) };
  const hasRange = a.min !== undefined || a.max !== undefined;
  if (a.value !== undefined && !hasRange) {
    const tolerance = a.tolerance ?? 0;
    return {
      min: a.value - tolerance,
      max: a.value + tolerance,
      shown: tolerance ? `${a.value} ± ${tolerance}` : String(a.value),
      ...extras,
    };
  }
  if (a.value !== undefined || a.tolerance !== undefined || a.min === undefined || a.max === undefined)
    return { min: Number.NaN, max: Number.NaN, shown: '?', ...extras };
  return { min: a.min, max: a.max, shown: `${a.min}..${a.max}`, ...extras };
}

function resolveQuestion(q: BankFileQuestion, bankFile: string, guideline: Guideline | undefined): Question {
  const rubric: Criterion[] = (q.rubric ?? []).map((c) => ({
    id: c.id,
    text: c.text,
    points: c.points,
    sections: c.sections ?? q.sections,
    critical: c.critical ?? false,
    check: resolveCheck(c.check),
  }));
  const base = {
    id: q.id,
    sections: q.sections,
    rules: q.rules ?? [],
    prompt: q.prompt,
    context: q.context,
    media: resolveMedia(q.media, bankFile),
    explanation: q.explanation,
    model_answer: q.model_answer,
    points: q.points ?? 1,
    critical: q.critical ?? false,
    timeLimitMs: q.time_limit === undefined ? undefined : parseDuration(q.time_limit),
    tags: q.tags ?? [],
    rubric,
  };
  switch (q.type) {
    case 'single-choice':
      return { ...base, type: q.type, options: q.options, shuffle: q.shuffle ?? true, answer: q.answer };
    case 'multi-select':
      return { ...base, type: q.type, options: q.options, shuffle: q.shuffle ?? true, answer: q.answer };
    case 'true-false':
      return { ...base, type: q.type, answer: q.answer };
    case 'rating':
    case 'preference':
      return {
        ...base,
        type: q.type,
        scale: scaleOf(q, guideline) ?? [],
        scaleName: typeof q.scale === 'string' ? q.scale : undefined,
        answer: q.answer,
        tolerance: q.tolerance ?? [...DEFAULT_TOLERANCE],
      };
    case 'ranking':
      return { ...base, type: q.type, items: q.items, shuffle: q.shuffle ?? true, answer: q.answer };
    case 'label-each':
      return { ...base, type: q.type, items: q.items, shuffle: q.shuffle ?? true, labels: q.labels, answer: q.answer };
    case 'short-answer': {
      const accept = q.accept.map((a) => ({
        text: a.text,
        credit: a.credit ?? 1,
        ...(a.feedback ? { feedback: a.feedback } : {}),
      }));
      const full = accept.find((a) => a.credit === 1);
      return { ...base, type: q.type, accept, caseSensitive: q.case_sensitive ?? false, answer: full?.text ?? '' };
    }
    case 'numeric': {
      const accept = q.accept.map(acceptedNumber);
      const full = accept.find((a) => a.credit === 1);
      return { ...base, type: q.type, accept, unit: q.unit, answer: full ? (full.min + full.max) / 2 : 0 };
    }
    case 'free-text':
      return { ...base, type: q.type };
  }
}

/**
 * Builds the typed bank from a schema-valid file and joins it to its guideline (undefined when
 * no guideline has its id). Questions that failed the schema are left out, so lint can still
 * check the rest of the file; `questions` pairs each resolved question with its place in the file.
 */
export function resolveBank(
  parsed: ParsedFile,
  guidelines: ReadonlyMap<string, Guideline>,
  skipQuestions: ReadonlySet<number> = new Set(),
): {
  bank: Bank;
  guideline?: Guideline;
  raw: BankFile;
  questions: { raw: BankFileQuestion; question: Question; index: number }[];
} {
  const raw = parsed.value as BankFile;
  const guideline = guidelines.get(raw.guideline);
  const questions = raw.questions.flatMap((q, index) =>
    skipQuestions.has(index) ? [] : [{ raw: q, index, question: resolveQuestion(q, parsed.file, guideline) }],
  );
  const bank: Bank = {
    kind: 'bank',
    id: raw.id,
    title: raw.title,
    description: raw.description,
    guidelineId: raw.guideline,
    version: raw.version,
    exam: resolveExam(raw.exam),
    questions: questions.map((q) => q.question),
    file: parsed.file,
  };
  return { bank, guideline, raw, questions };
}
