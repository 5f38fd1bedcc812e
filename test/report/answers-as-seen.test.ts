import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/library/load.js';
import { buildReport } from '../../src/report/model.js';
import { examSummary } from '../../src/report/render/json.js';
import { renderMarkdown } from '../../src/report/render/markdown.js';
import { renderText } from '../../src/report/render/text.js';
import { scoreAttempt } from '../../src/scoring/attempt.js';
import { normalizeResponse, type Response } from '../../src/scoring/response.js';
import { FIXTURES } from '../cli/run-cli.js';

const resolved = loadContent([path.join(FIXTURES, 'basic')]).banks.get('fixture-bank')!;

/** The report of one attempt at the whole fixture bank with the given answers (answers-file shape). */
function reportFor(answers: Record<string, unknown>) {
  const questions = resolved.bank.questions;
  const responses = new Map<string, Response>(
    Object.entries(answers).map(([id, raw]) => [id, normalizeResponse(raw)!]),
  );
  const score = scoreAttempt(resolved, questions, responses);
  return buildReport({
    attemptId: 1,
    resolved,
    mode: 'exam',
    status: 'submitted',
    startedAt: 0,
    endedAt: 1000,
    questions,
    responses,
    score,
    nextAttemptAt: null,
  });
}

const mistake = (report: ReturnType<typeof reportFor>, id: string) => report.mistakes.find((m) => m.questionId === id)!;

describe('answers in the report, as the learner saw them', () => {
  const report = reportFor({
    'q-tf': false,
    'q-multi': ['a', 'c'],
    'q-label': { i1: 'Unsafe' },
    'q-rank': ['z', 'x', 'y'],
  });

  it('writes True/False as on screen, not true/false', () => {
    expect(mistake(report, 'q-tf').responseText).toBe('False');
    expect(mistake(report, 'q-tf').expectedText).toBe('True');
  });

  it('lists the texts of the picked options of a multi-select', () => {
    expect(mistake(report, 'q-multi').responseText).toBe('a) Rate the page; c) Ignore the query');
  });

  it('writes label-each as item text -> label, saying which items were left without one', () => {
    expect(mistake(report, 'q-label').responseText).toBe(
      'How to bake bread -> Unsafe; How to hurt someone -> not answered',
    );
    expect(mistake(report, 'q-label').expectedText).toBe('How to bake bread -> Safe; How to hurt someone -> Unsafe');
  });

  it('writes a ranking as the item texts in the order given', () => {
    expect(mistake(report, 'q-rank').responseText).toBe('Worst > Best > Middle');
    expect(mistake(report, 'q-rank').expectedText).toBe('Best > Middle > Worst');
  });

  it('shows them so in the text and the Markdown report', () => {
    const text = renderText(report, { color: false, width: 100 }).replace(/\s+/g, ' ');
    const markdown = renderMarkdown(report);
    expect(text).toContain('Your answer How to bake bread -> Unsafe; How to hurt someone -> not answered');
    expect(text).toContain('Your answer Worst > Best > Middle');
    expect(markdown).toContain('- Your answer: False');
    expect(markdown).toContain('- Your answer: Worst \\> Best \\> Middle'); // \> reads as > once rendered
  });
});

describe('an unanswered question in the report', () => {
  const report = reportFor({ 'q-single': 'a' });

  it('is "not answered", never a wrong answer', () => {
    expect(mistake(report, 'q-tf').responseText).toBe('not answered');
    expect(mistake(report, 'q-tf').answered).toBe(false);
    expect(mistake(report, 'q-single').answered).toBe(true);
    const text = renderText(report, { color: false, width: 100 });
    expect(text).toMatch(/q-tf \(0\/1\) NOT ANSWERED/);
    expect(text).not.toMatch(/q-single \(0\/1\) NOT ANSWERED/);
    expect(renderMarkdown(report)).toContain('`q-tf` (0/1) — not answered');
  });

  it('treats a free text of only spaces as not answered', () => {
    const blank = reportFor({ 'q-free': { text: '   \n ' } });
    expect(mistake(blank, 'q-free')).toMatchObject({ answered: false, responseText: 'not answered' });
  });

  it('says "critical question not answered" for a critical question left blank', () => {
    const critical = report.criticalMisses.filter((m) => m.questionId === 'q-free');
    expect(critical.length).toBeGreaterThan(0);
    expect(critical[0]!.text).toContain('critical question not answered');
    expect(renderText(report, { color: false, width: 100 })).toContain(
      'Critical error on q-free: critical question not answered',
    );
  });

  it('keeps "missed" for a critical criterion the written answer did not meet', () => {
    const answered = reportFor({ 'q-free': { text: 'It is rude.' } });
    expect(answered.criticalMisses.find((m) => m.questionId === 'q-free')!.text).toBe(
      'missed "Says it must be flagged"',
    );
  });
});

describe('the JSON summary', () => {
  it('carries the answers as seen and whether each mistake was answered, beside the raw values', () => {
    const summary = examSummary(reportFor({ 'q-tf': false }));
    const tf = summary.mistakes.find((m) => m.questionId === 'q-tf')!;
    expect(tf).toMatchObject({ response: false, responseText: 'False', expectedText: 'True', answered: true });
    expect(summary.mistakes.find((m) => m.questionId === 'q-single')).toMatchObject({
      response: null,
      responseText: 'not answered',
      answered: false,
    });
  });
});
