import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/library/load.js';
import { lintContent } from '../../src/lint/index.js';
import type { LintRule, Messages } from '../../src/lint/rule.js';
import { GUIDELINE, tempTree } from '../helpers.js';

/** Files of one case: name -> YAML. A guideline named `guideline.yaml` is added unless given. */
export type CaseFiles = Record<string, string>;

export interface ValidCase {
  name: string;
  files: CaseFiles;
}

export interface ExpectedProblem<M extends Messages = Messages> {
  /** `file:line:col`, the file relative to the case's folder. */
  at: string;
  /** The rule's message id (a key of its `meta.messages`: a typo does not compile). */
  messageId: keyof M & string;
  severity?: 'error' | 'warning';
  /** What the message, placeholders filled, must say. */
  message?: RegExp;
}

export interface InvalidCase<M extends Messages = Messages> extends ValidCase {
  problems: ExpectedProblem<M>[];
}

export interface FoundProblem {
  at: string;
  severity: string;
  message: string;
  messageId?: string;
  ruleId: string;
}

/** Lints a throwaway tree with one rule, returning that rule's problems. */
export function lintWithRule<M extends Messages>(rule: LintRule<M>, files: CaseFiles): FoundProblem[] {
  return lintWithRules([rule as unknown as LintRule], files).filter((p) => p.ruleId === rule.meta.id);
}

/** Lints a throwaway tree with the given rules (disable comments need them all at once). */
export function lintWithRules(rules: readonly LintRule[], files: CaseFiles): FoundProblem[] {
  const dir = tempTree({ 'guideline.yaml': GUIDELINE, ...files });
  const content = loadContent([dir]);
  const result = lintContent(
    content,
    content.files.map((f) => f.file),
    rules,
  );
  return result.problems.map((p) => ({
    at: `${path.relative(dir, p.file)}:${p.line}:${p.column}`,
    severity: p.severity,
    message: p.message,
    messageId: p.messageId,
    ruleId: p.ruleId,
  }));
}

/**
 * ESLint-style table tests: every valid case lints without a problem from the rule, every invalid
 * case gives exactly the expected problems: at the expected line and column, with the expected
 * message id (and severity, when given). Every message must also fill all its placeholders.
 */
export function testRule<M extends Messages>(
  rule: LintRule<M>,
  cases: { valid: ValidCase[]; invalid: InvalidCase<M>[] },
): void {
  describe(`rule ${rule.meta.id}`, () => {
    it.each(cases.valid.map((c) => [c.name, c] as const))('valid: %s', (_name, c) => {
      expect(lintWithRule(rule, c.files).map((p) => `${p.at} ${p.message}`)).toEqual([]);
    });
    it.each(cases.invalid.map((c) => [c.name, c] as const))('invalid: %s', (_name, c) => {
      const found = lintWithRule(rule, c.files);
      expect(found.map((p) => `${p.at} ${p.messageId}`)).toEqual(c.problems.map((p) => `${p.at} ${p.messageId}`));
      c.problems.forEach((expected, i) => {
        if (expected.severity) expect(found[i]!.severity).toBe(expected.severity);
        if (expected.message) expect(found[i]!.message).toMatch(expected.message);
        expect(found[i]!.message).not.toMatch(/\{\{/);
      });
    });
  });
}

/** A single-choice question with options a and b (answer a), for cases that need a valid filler. */
export const PLAIN_QUESTION = `  - id: q1
    type: single-choice
    sections: ["1"]
    prompt: Pick one.
    options:
      - {id: a, text: Alpha}
      - {id: b, text: Beta}
    answer: a
`;
