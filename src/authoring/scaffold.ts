/**
 * Starting files for `qualify new`: commented, schema-valid and lint-clean, so an author begins
 * from something that works and changes it step by step. Pure: the command writes them.
 */

const title = (id: string) =>
  id
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');

/** A guideline with two sections, a rule each and a rating scale. */
export function guidelineTemplate(id: string, modeline: string): string {
  return `${modeline}
# A guideline document: what a rater studies. Banks test it section by section.
# Format: docs/format.md. Check it with: qualify lint <this file>
kind: guideline
${`id: ${id}`.padEnd(34)}# unique; lowercase letters, digits and dashes
title: ${title(id)}
version: 0.1.0
description: One paragraph on what this guideline covers and who it is for.
scales:                           # named rating scales, each ordered from low to high
  quality: [Poor, Fair, Good, Excellent]
sections:                         # ids are quoted strings such as "1", "1.1"; keep them stable
  - id: "1"
    title: The task
    body: |
      Explain the task in plain words: what the rater sees and what they decide.
    terms:
      - {term: Query, definition: The words a user typed.}
    rules:                        # questions cite these with \`rules: ["1.r1"]\`
      - {id: "1.r1", text: Read the whole item before you rate it.}
    examples:
      - {title: A worked example, body: Describe a case., verdict: Say how to rate it and why.}
  - id: "2"
    title: Rating quality
    body: |
      Describe what each step of the quality scale means.
    rules:
      - {id: "2.r1", text: Rate what is on the page; never guess what is missing.}
`;
}

export interface BankTemplateInput {
  id: string;
  guidelineId: string;
  /** Two section ids of the guideline for the example questions to test. */
  sections: [string, string];
  modeline: string;
}

/** A bank with an exam block and three example questions of different types. */
export function bankTemplate({ id, guidelineId, sections: [first, second], modeline }: BankTemplateInput): string {
  return `${modeline}
# A question bank: practice exams about one guideline. Format: docs/format.md
# Check it with: qualify lint <this file>   Its key: qualify key <this file>
kind: bank
${`id: ${id}`.padEnd(34)}# unique; lowercase letters, digits and dashes
title: ${title(id)}
${`guideline: ${guidelineId}`.padEnd(34)}# the id of the guideline these questions test
version: 0.1.0
exam:
  draw: 3                         # questions per attempt (all when absent)
  time_limit: 10m                 # the whole exam: 90s, 25m, 1h30m ...
  pass_mark: 80                   # percent of points
  retake:
    waits: [24h, 72h]             # wait after the 1st failed attempt, then after every later one
questions:
  - id: q-001
    type: single-choice
    sections: ["${first}"]             # guideline sections this question tests (must exist)
    prompt: Replace this with a question about section ${first}.
    options:                      # keep the options about as long as each other
      - {id: a, text: A plausible but wrong choice, feedback: Say why it is wrong.}
      - {id: b, text: The correct choice in similar words}
      - {id: c, text: Another plausible wrong choice}
    answer: b
    explanation: Why b is right, citing the guideline.

  - id: q-002
    type: true-false
    sections: ["${second}"]
    prompt: Replace this with a statement about section ${second} that is true or false.
    answer: true
    explanation: Why the statement holds.

  - id: q-003
    type: free-text
    sections: ["${first}"]
    prompt: Replace this with a question the learner answers in a few sentences.
    model_answer: An ideal answer, which must meet every criterion below so the key scores 100%.
    rubric:                       # how a written answer is scored
      - id: names-the-point
        text: The answer makes the main point.
        points: 1
        check: {concepts: [[ideal answer, main point]]}   # each concept: a list of wordings, read in sentences
      - id: explains-why
        text: The answer explains why, in the learner's own words.
        points: 1
        check: self               # the learner ticks it after reading the model answer
`;
}
