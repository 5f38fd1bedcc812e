import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { ContentSet } from '../src/content/loaded.js';
import { loadContent } from '../src/library/load.js';
import type { ResolvedBank } from '../src/content/types.js';

const made: string[] = [];

/** A throwaway folder holding the given files (name -> text); removed after the test. */
export function tempTree(files: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qualify-test-'));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) {
    const full = path.join(dir, name);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
  }
  return dir;
}

afterEach(() => {
  while (made.length) fs.rmSync(made.pop()!, { recursive: true, force: true });
});

export const GUIDELINE = `kind: guideline
id: g
title: Test Guideline
version: 1.0.0
scales:
  quality: [Lowest, Low, Medium, High, Highest]
sections:
  - id: "1"
    title: One
    rules:
      - {id: "1.r1", text: Rule one.}
    sections:
      - {id: "1.1", title: One point one}
  - id: "2"
    title: Two
  - id: "3"
    title: Three
`;

/** A bank YAML with the given questions (YAML list items, indented by two) and exam block. */
export function bankYaml(questions: string, exam = ''): string {
  return `kind: bank
id: b
title: Test Bank
guideline: g
version: 1.0.0
${exam}questions:
${questions}`;
}

/** Loads a guideline and a bank through the real loader; fails the test on any diagnostic. */
export function loadBank(bank: string, guideline = GUIDELINE): ResolvedBank {
  const content = loadTree({ 'guideline.yaml': guideline, 'bank.yaml': bank });
  const errors = content.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new Error(errors.map((d) => `${d.line}:${d.column} ${d.message}`).join('\n'));
  return content.banks.get('b')!;
}

/** A new attempt as the store starts one (an exam with a deadline), for tests of the database. */
export const STORED_ATTEMPT = {
  bankId: 'b',
  bankTitle: 'Bank',
  bankVersion: '1',
  bankFile: '/x/b.yaml',
  guidelineId: 'g',
  mode: 'exam' as 'exam' | 'practice',
  seed: 7,
  questionIds: ['q1', 'q2'],
  startedAt: 1000,
  deadlineAt: 61_000 as number | undefined,
};

export function loadTree(files: Record<string, string>): ContentSet & { dir: string } {
  const dir = tempTree(files);
  return { ...loadContent([dir]), dir };
}

export function question(resolved: ResolvedBank, id: string) {
  const q = resolved.bank.questions.find((x) => x.id === id);
  if (!q) throw new Error(`no question ${id}`);
  return q;
}

/**
 * Parses JSON a command printed as the shape the test reads from it. The test's own assertions
 * check that shape; the type only names the fields it reads.
 */
export function parseJson<T>(text: string): T {
  return JSON.parse(text) as T;
}
