import path from 'node:path';
import { parseDuration } from './duration.js';
import type { Diagnostic } from './diagnostic.js';
import { positionOf, type ParsedFile, type PathSegment } from './parse.js';
import { unsafeRegexReason } from './regex.js';
import {
  DEFAULT_PASS_MARK,
  DEFAULT_PREFERENCE_SCALE,
  DEFAULT_TOLERANCE,
  type Bank,
  type AcceptedNumber,
  type Check,
  type Criterion,
  type ExamSettings,
  type Guideline,
  type Media,
  type Question,
  type Rule,
  type Section,
} from './types.js';
import { describePath } from './where.js';

/* The raw shapes below are what the JSON Schema has already guaranteed. */
type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

class Reporter {
  readonly diagnostics: Diagnostic[] = [];
  constructor(private readonly parsed: ParsedFile) {}

  error(ruleId: string, where: readonly PathSegment[], message: string, at: 'value' | 'key' = 'value'): void {
    const { line, column } = positionOf(this.parsed, where, at);
    const place = describePath(this.parsed.value, where);
    this.diagnostics.push({
      file: this.parsed.file,
      line,
      column,
      severity: 'error',
      ruleId,
      message: place ? `${place}: ${message}` : message,
    });
  }
}

function listed(values: readonly string[]): string {
  const shown = values
    .slice(0, 8)
    .map((v) => `"${v}"`)
    .join(', ');
  return values.length > 8 ? `${shown}, ...` : shown;
}

/** Builds the typed guideline from a schema-valid file, checking what a schema cannot. */
export function resolveGuideline(parsed: ParsedFile): { guideline: Guideline; diagnostics: Diagnostic[] } {
  const raw = parsed.value as Raw;
  const report = new Reporter(parsed);
  const sectionIndex = new Map<string, Section>();
  const ruleIndex = new Map<string, Rule & { sectionId: string }>();

  const walk = (sections: Raw[], where: PathSegment[]): void => {
    sections.forEach((section, i) => {
      const here = [...where, i];
      if (sectionIndex.has(section.id))
        report.error('unique-ids', [...here, 'id'], `section id "${section.id}" is used twice`);
      else sectionIndex.set(section.id, section as Section);
      (section.rules ?? []).forEach((rule: Raw, r: number) => {
        if (ruleIndex.has(rule.id))
          report.error('unique-ids', [...here, 'rules', r, 'id'], `rule id "${rule.id}" is used twice`);
        else ruleIndex.set(rule.id, { id: rule.id, text: rule.text, sectionId: section.id });
      });
      if (section.sections) walk(section.sections, [...here, 'sections']);
    });
  };
  walk(raw.sections, ['sections']);

  const guideline: Guideline = {
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
  return { guideline, diagnostics: report.diagnostics };
}

function resolveExam(raw: Raw | undefined, report: Reporter, guideline: Guideline | undefined): ExamSettings {
  const exam = raw ?? {};
  const retake = exam.retake ?? {};
  const lockout =
    retake.lockout === undefined || retake.lockout === 'permanent'
      ? ({ kind: 'permanent' } as const)
      : ({ kind: 'duration', ms: parseDuration(retake.lockout) ?? 0 } as const);
  const sectionMinimums: Record<string, number> = exam.section_minimums ?? {};
  if (guideline) {
    for (const id of Object.keys(sectionMinimums)) {
      if (!guideline.sectionIndex.has(id)) {
        report.error(
          'unknown-section',
          ['exam', 'section_minimums', id],
          `section "${id}" is not in guideline "${guideline.id}"`,
          'key',
        );
      }
    }
  }
  return {
    draw: exam.draw,
    timeLimitMs: exam.time_limit === undefined ? undefined : parseDuration(exam.time_limit),
    passMark: exam.pass_mark ?? DEFAULT_PASS_MARK,
    sectionMinimums,
    sequential: exam.sequential ?? false,
    openBook: exam.open_book ?? false,
    retake: {
      waitsMs: (retake.waits ?? []).map((w: string) => parseDuration(w) ?? 0),
      maxAttempts: retake.max_attempts,
      lockout,
    },
  };
}

function resolveMedia(rawMedia: Raw[] | undefined, bankFile: string, where: PathSegment[], report: Reporter): Media[] {
  const folder = path.dirname(bankFile);
  return (rawMedia ?? []).flatMap((m, i) => {
    const resolvedPath = path.resolve(folder, m.path);
    const relative = path.relative(folder, resolvedPath);
    if (path.isAbsolute(m.path) || relative.startsWith('..') || path.isAbsolute(relative)) {
      report.error(
        'media-path',
        [...where, i, 'path'],
        `media path "${m.path}" leaves the bank's folder; keep media files beside the bank`,
      );
      return [];
    }
    return [{ path: m.path, alt: m.alt, resolvedPath, index: i }];
  });
}

function resolveCheck(check: Raw | string, where: PathSegment[], report: Reporter): Check {
  if (check === 'self') return 'self';
  if (typeof check === 'object' && 'matches' in check) {
    const reason = unsafeRegexReason(check.matches);
    if (reason) report.error('rubric-regex', [...where, 'matches'], `the pattern ${reason}`);
    return { matches: check.matches };
  }
  if (typeof check === 'object' && 'concepts' in check) {
    const concepts = (check.concepts as (string | string[])[]).map((c) => (typeof c === 'string' ? [c] : c));
    return { concepts, negated: check.negated === true };
  }
  return { any: (check as Raw).any };
}

function checkIds(ids: string[], where: PathSegment[], what: string, report: Reporter): void {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    // A question that failed the schema may have no id (lint still checks the others).
    if (typeof id !== 'string') return;
    if (seen.has(id)) report.error('unique-ids', [...where, i, 'id'], `${what} id "${id}" is used twice`);
    seen.add(id);
  });
}

function resolveQuestion(
  q: Raw,
  where: PathSegment[],
  bankFile: string,
  guideline: Guideline | undefined,
  report: Reporter,
): Question {
  const sectionsKnown = (ids: string[], at: PathSegment[]) => {
    if (!guideline) return;
    ids.forEach((id, i) => {
      if (!guideline.sectionIndex.has(id))
        report.error('unknown-section', [...at, i], `section "${id}" is not in guideline "${guideline.id}"`);
    });
  };
  sectionsKnown(q.sections, [...where, 'sections']);
  const rules: string[] = q.rules ?? [];
  if (guideline) {
    rules.forEach((id, i) => {
      if (!guideline.ruleIndex.has(id))
        report.error('unknown-rule', [...where, 'rules', i], `rule "${id}" is not in guideline "${guideline.id}"`);
    });
  }

  const rubric: Criterion[] = (q.rubric ?? []).map((c: Raw, i: number) => {
    const at = [...where, 'rubric', i];
    if (c.id === 'key')
      report.error('unique-ids', [...at, 'id'], 'the criterion id "key" is reserved for the answer key');
    if (c.sections) sectionsKnown(c.sections, [...at, 'sections']);
    if (c.critical && c.points === 0)
      report.error('rubric-points', [...at, 'points'], 'a critical criterion must carry points');
    return {
      id: c.id,
      text: c.text,
      points: c.points,
      sections: c.sections ?? q.sections,
      critical: c.critical ?? false,
      check: resolveCheck(c.check, [...at, 'check'], report),
    };
  });
  checkIds(
    rubric.map((c) => c.id),
    [...where, 'rubric'],
    'criterion',
    report,
  );

  const base = {
    id: q.id,
    sections: q.sections,
    rules,
    prompt: q.prompt,
    context: q.context,
    media: resolveMedia(q.media, bankFile, [...where, 'media'], report),
    explanation: q.explanation,
    model_answer: q.model_answer,
    points: q.points ?? 1,
    critical: q.critical ?? false,
    timeLimitMs: q.time_limit === undefined ? undefined : parseDuration(q.time_limit),
    tags: q.tags ?? [],
    rubric,
  };
  const answerAt = [...where, 'answer'];

  switch (q.type) {
    case 'single-choice':
    case 'multi-select': {
      const ids: string[] = q.options.map((o: Raw) => o.id);
      checkIds(ids, [...where, 'options'], 'option', report);
      const answers: string[] = q.type === 'single-choice' ? [q.answer] : q.answer;
      answers.forEach((a, i) => {
        if (!ids.includes(a))
          report.error(
            'answer-shape',
            q.type === 'single-choice' ? answerAt : [...answerAt, i],
            `answer "${a}" is not one of the option ids (${listed(ids)})`,
          );
      });
      checkCredits(q, where, report);
      return { ...base, type: q.type, options: q.options, answer: q.answer };
    }
    case 'true-false':
      return { ...base, type: 'true-false', answer: q.answer };
    case 'rating':
    case 'preference': {
      let scale: string[] | undefined;
      let scaleName: string | undefined;
      if (Array.isArray(q.scale)) scale = q.scale;
      else if (typeof q.scale === 'string') {
        scaleName = q.scale;
        scale = guideline?.scales[q.scale];
        if (guideline && !scale) {
          const known = Object.keys(guideline.scales);
          report.error(
            'unknown-scale',
            [...where, 'scale'],
            `scale "${q.scale}" is not defined in guideline "${guideline.id}"${known.length ? ` (it has ${listed(known)})` : ''}`,
          );
        }
      } else scale = [...DEFAULT_PREFERENCE_SCALE];
      if (scale && !scale.includes(q.answer))
        report.error('answer-shape', answerAt, `answer "${q.answer}" is not a label of the scale (${listed(scale)})`);
      return {
        ...base,
        type: q.type,
        scale: scale ?? [],
        scaleName,
        answer: q.answer,
        tolerance: q.tolerance ?? [...DEFAULT_TOLERANCE],
      };
    }
    case 'ranking': {
      const ids: string[] = q.items.map((o: Raw) => o.id);
      checkIds(ids, [...where, 'items'], 'item', report);
      const answer: string[] = q.answer;
      const missing = ids.filter((id) => !answer.includes(id));
      const unknown = answer.filter((id) => !ids.includes(id));
      if (unknown.length)
        report.error(
          'answer-shape',
          answerAt,
          `answer names ${listed(unknown)}, which ${unknown.length === 1 ? 'is not an item' : 'are not items'} (${listed(ids)})`,
        );
      else if (missing.length)
        report.error('answer-shape', answerAt, `answer must put every item in order; missing ${listed(missing)}`);
      return { ...base, type: 'ranking', items: q.items, answer };
    }
    case 'label-each': {
      const ids: string[] = q.items.map((o: Raw) => o.id);
      checkIds(ids, [...where, 'items'], 'item', report);
      const answer: Record<string, string> = q.answer;
      for (const [item, label] of Object.entries(answer)) {
        if (!ids.includes(item))
          report.error('answer-shape', [...answerAt, item], `"${item}" is not an item id (${listed(ids)})`, 'key');
        else if (!q.labels.includes(label))
          report.error(
            'answer-shape',
            [...answerAt, item],
            `label "${label}" is not one of the labels (${listed(q.labels)})`,
          );
      }
      const unlabelled = ids.filter((id) => !(id in answer));
      if (unlabelled.length)
        report.error('answer-shape', answerAt, `answer must label every item; missing ${listed(unlabelled)}`);
      return { ...base, type: 'label-each', items: q.items, labels: q.labels, answer };
    }
    case 'short-answer': {
      const accept = (q.accept as Raw[]).map((a) => ({
        text: a.text,
        credit: a.credit ?? 1,
        ...(a.feedback ? { feedback: a.feedback } : {}),
      }));
      const full = accept.find((a) => a.credit === 1);
      if (!full)
        report.error(
          'answer-shape',
          [...where, 'accept'],
          'no accepted answer earns full credit (credit 1, the default); the key could not score 100%',
        );
      return {
        ...base,
        type: 'short-answer',
        accept,
        caseSensitive: q.case_sensitive ?? false,
        answer: full?.text ?? '',
      };
    }
    case 'numeric': {
      const accept = (q.accept as Raw[]).map((a, i) => acceptedNumber(a, [...where, 'accept', i], report));
      const full = accept.find((a) => a.credit === 1);
      if (!full)
        report.error(
          'answer-shape',
          [...where, 'accept'],
          'no accepted number earns full credit (credit 1, the default); the key could not score 100%',
        );
      return { ...base, type: 'numeric', accept, unit: q.unit, answer: full ? (full.min + full.max) / 2 : 0 };
    }
    default: {
      if (!rubric.some((c) => c.points > 0))
        report.error(
          'rubric-points',
          [...where, 'rubric'],
          'a free-text question needs at least one criterion with positive points',
        );
      return { ...base, type: 'free-text' };
    }
  }
}

/** A numeric question's accepted answer as a range: `value` ± `tolerance`, or `min`..`max`. */
function acceptedNumber(a: Raw, at: PathSegment[], report: Reporter): AcceptedNumber {
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
  if (a.value !== undefined || a.tolerance !== undefined || a.min === undefined || a.max === undefined) {
    report.error('answer-shape', at, 'write either value (with an optional tolerance) or both min and max');
    return { min: Number.NaN, max: Number.NaN, shown: '?', ...extras };
  }
  if (a.min > a.max) report.error('answer-shape', [...at, 'min'], `min ${a.min} is above max ${a.max}`);
  return { min: a.min, max: a.max, shown: `${a.min}..${a.max}`, ...extras };
}

/**
 * Option credits must agree with the key, or a learner who picks the key would not earn full
 * credit: in a single-choice question the answer earns everything and other options part of it
 * or all of it (GIFT's several `=` answers), never less than nothing; in a multi-select the credited picks are the answer and add up
 * to the whole.
 */
function checkCredits(q: Raw, where: PathSegment[], report: Reporter): void {
  const options: { id: string; credit?: number }[] = q.options;
  if (!options.some((o) => o.credit !== undefined)) return;
  const at = (i: number) => [...where, 'options', i, 'credit'];
  if (q.type === 'single-choice') {
    options.forEach((o, i) => {
      if (o.credit === undefined) return;
      if (o.id === q.answer && o.credit !== 1)
        report.error(
          'answer-shape',
          at(i),
          `option "${o.id}" is the answer, so it earns full credit; remove its credit or make it 1`,
        );
      else if (o.id !== q.answer && o.credit < 0)
        report.error(
          'answer-shape',
          at(i),
          `option "${o.id}" is not the answer: its credit must be between 0 and 1 (1: also fully right)`,
        );
    });
    return;
  }
  const credited = options.filter((o) => (o.credit ?? 0) > 0).map((o) => o.id);
  const answer: string[] = q.answer;
  if (credited.length !== answer.length || credited.some((id) => !answer.includes(id))) {
    report.error(
      'answer-shape',
      [...where, 'answer'],
      `with option credits, the answer must be exactly the options with a positive credit (${listed(credited)})`,
    );
  }
  const total = options.reduce((sum, o) => sum + Math.max(0, o.credit ?? 0), 0);
  if (Math.abs(total - 1) > 1e-6)
    report.error(
      'answer-shape',
      [...where, 'options'],
      `the positive option credits add up to ${Math.round(total * 1000) / 1000}, not 1; the key would not earn full credit`,
    );
}

/**
 * Builds the typed bank from a schema-valid file and joins it to its guideline, reporting every
 * reference that does not resolve (sections, rules, scales, options, items, media).
 */
export function resolveBank(
  parsed: ParsedFile,
  guidelines: ReadonlyMap<string, Guideline>,
  /** Questions that failed the schema: left out, so lint can still check the rest of the file. */
  skipQuestions: ReadonlySet<number> = new Set(),
): { bank: Bank; guideline?: Guideline; diagnostics: Diagnostic[] } {
  const raw = parsed.value as Raw;
  const report = new Reporter(parsed);
  const guideline = guidelines.get(raw.guideline);
  if (!guideline) {
    const known = [...guidelines.keys()];
    report.error(
      'unknown-guideline',
      ['guideline'],
      `no guideline document has id "${raw.guideline}"${known.length ? ` (found: ${listed(known)})` : ''}`,
    );
  }
  checkIds(
    raw.questions.map((q: Raw) => q?.id),
    ['questions'],
    'question',
    report,
  );
  const questions = (raw.questions as Raw[]).flatMap((q, i) =>
    skipQuestions.has(i) ? [] : [resolveQuestion(q, ['questions', i], parsed.file, guideline, report)],
  );
  const bank: Bank = {
    kind: 'bank',
    id: raw.id,
    title: raw.title,
    description: raw.description,
    guidelineId: raw.guideline,
    version: raw.version,
    exam: resolveExam(raw.exam, report, guideline),
    questions,
    file: parsed.file,
  };
  return { bank, guideline, diagnostics: report.diagnostics };
}
