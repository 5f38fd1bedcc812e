import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { parse } from 'yaml';
import type { Question } from '../../src/content/types.js';
import { convertAiken } from '../../src/import/aiken.js';
import { convertGift } from '../../src/import/gift.js';
import { buildBank, toYaml, type ConversionResult, type ImportFormat } from '../../src/import/index.js';
import { scoreQuestion } from '../../src/scoring/rubric.js';
import { normalizeResponse } from '../../src/scoring/response.js';
import { loadTree } from '../helpers.js';

/**
 * Converts a real quiz file (from `dir`), writes the bank and stub guideline as `qualify import`
 * does, loads them with the real loader (no problem allowed) and returns the questions by the
 * line they start on in the source, with their share for a response.
 */
export function importedFrom(
  dir: string,
  format: ImportFormat,
  file: string,
): { result: ConversionResult; byLine: Map<number, Question>; share: (line: number, response: unknown) => number } {
  const convert = format === 'gift' ? convertGift : convertAiken;
  const result = convert(fs.readFileSync(path.join(dir, file), 'utf8'));
  const built = buildBank(format, 'moodle', result.questions, undefined);
  const bankText = toYaml('#', built.bank);
  // YAML 1.1 parsers (PyYAML, older tools) must read the same bank as 1.2 ones.
  expect(parse(bankText, { version: '1.1' })).toEqual(parse(bankText, { version: '1.2' }));
  const content = loadTree({ 'bank.yaml': bankText, 'guideline.yaml': toYaml('#', built.guideline!) });
  expect(content.diagnostics).toEqual([]);
  const questions = content.banks.get('moodle')!.bank.questions;
  const byLine = new Map(result.questions.map((draft, i) => [draft.line, questions[i]!]));
  const share = (line: number, response: unknown) => {
    const question = byLine.get(line);
    if (!question) throw new Error(`nothing imported from line ${line}`);
    const score = scoreQuestion(question, normalizeResponse(response));
    return score.earned / score.max;
  };
  return { result, byLine, share };
}
