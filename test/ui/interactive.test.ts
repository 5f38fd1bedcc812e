import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runInteractive, type InteractiveOptions } from '../../src/cli/interactive.js';
import type { Io } from '../../src/cli/io.js';
import type { ResolvedBank } from '../../src/content/types.js';
import { drawQuestions } from '../../src/exam/draw.js';
import { AttemptStore } from '../../src/store/attempts.js';
import { openDatabase } from '../../src/store/db.js';
import { bankYaml, loadBank, tempTree } from '../helpers.js';
import { FakeTerminal } from './fake-terminal.js';

/** One interactive attempt run in memory: the real runner, a fake terminal, a throwaway database. */
class Run {
  readonly terminal = new FakeTerminal();
  readonly db = path.join(tempTree(), 'qualify.db');
  out = '';
  done: Promise<void> | undefined;

  constructor(readonly resolved: ResolvedBank) {}

  start(options: Partial<InteractiveOptions> = {}): this {
    const io: Io = { out: (text) => void (this.out += text), err: () => {}, env: {}, color: false, colorErr: false, width: 100, cwd: process.cwd(), terminal: this.terminal };
    this.done = runInteractive(this.resolved, { content: [], db: this.db, mode: 'practice', seed: '1', ...options }, io, this.terminal);
    return this;
  }

  /** The drawn order of the questions, by id. */
  order(seed = 1): string[] {
    return drawQuestions(this.resolved.bank, seed).map((q) => q.id);
  }

  /** The answers saved in the database, by question id. */
  saved(): Record<string, unknown> {
    const db = openDatabase(this.db);
    try {
      const store = new AttemptStore(db);
      const attempt = store.list(this.resolved.bank.id)[0]!;
      return Object.fromEntries(store.answers(attempt.id).map((a) => [a.questionId, a.response]));
    } finally {
      db.close();
    }
  }
}

const runs: Run[] = [];
afterEach(async () => {
  // Leave no prompt waiting on its fake terminal: Ctrl+C, then "save and quit", until it returns.
  for (const run of runs.splice(0)) {
    let over = false;
    void run.done?.then(
      () => (over = true),
      () => (over = true),
    );
    for (let i = 0; i < 50 && !over; i++) {
      run.terminal.input.emit('keypress', null, { name: 'c', ctrl: true });
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
});

function practice(questions: string, exam = ''): Run {
  const run = new Run(loadBank(bankYaml(questions, exam)));
  runs.push(run);
  return run;
}

const CHOICE = (id: string, prompt: string) => `  - id: ${id}
    type: single-choice
    sections: ["1"]
    rules: ["1.r1"]
    prompt: ${prompt}
    options:
      - {id: a, text: Rate at once}
      - {id: b, text: Read the whole task}
    answer: b
    explanation: Read first.
`;

const FREE = `  - id: p-free
    type: free-text
    sections: ["3"]
    prompt: Explain why the reply is unsafe.
    model_answer: It gives harmful instructions, so it must be flagged.
    rubric:
      - {id: flags, text: Says it must be flagged, points: 1, check: {any: [flag]}}
      - {id: checked, text: Compared my answer with the model answer, points: 1, check: self}
`;

describe('practice in the terminal', () => {
  it('shows a question whose feedback was seen read-only, with the answer given and its feedback, and keeps that answer', async () => {
    const run = practice(CHOICE('p-one', 'First question?') + CHOICE('p-two', 'Second question?')).start();
    const [first, second] = run.order();
    const prompts: Record<string, string> = { 'p-one': 'First question?', 'p-two': 'Second question?' };
    await run.terminal.waitFor('Start practising');
    run.terminal.key('enter');
    await run.terminal.waitFor(prompts[first!]!);
    run.terminal.key('enter'); // a) Rate at once: wrong
    await run.terminal.waitFor('Not right');
    run.terminal.key('enter');
    await run.terminal.waitFor(prompts[second!]!);
    run.terminal.key('left');
    let screen = await run.terminal.waitFor('Practice keeps the first answer');
    expect(screen).toContain(prompts[first!]!);
    expect(screen).toContain('Your answer: a) Rate at once');
    expect(screen).toContain('Not right · 0 of 1 point');
    expect(screen).toContain('Enter continue');
    run.terminal.key('down');
    run.terminal.key('enter'); // continues; nothing to answer here
    screen = await run.terminal.waitFor(prompts[second!]!);
    expect(screen).not.toContain('Practice keeps the first answer');
    run.terminal.key('down');
    run.terminal.key('enter'); // b) right
    await run.terminal.waitFor('Correct');
    run.terminal.key('enter');
    await run.terminal.waitFor('❯ Finish practice');
    run.terminal.key('enter');
    await run.done;
    expect(run.saved()[first!]).toMatchObject({ answer: 'a' });
    expect(run.out).toMatch(/Score 1 \/ 2/);
  });

  it('asks the self-check before the feedback, which scores it, and shows the real maximum everywhere', async () => {
    const run = practice(FREE).start();
    await run.terminal.waitFor('Start practising');
    run.terminal.key('enter');
    let screen = await run.terminal.waitFor('Explain why the reply is unsafe.');
    expect(screen).toContain('p-free · guideline 3 · 2 points');
    run.terminal.key('enter');
    await run.terminal.waitFor('Enter on an empty line');
    run.terminal.type('It must be flagged.');
    run.terminal.key('enter');
    run.terminal.key('enter');
    screen = await run.terminal.waitFor('Tick every statement');
    expect(screen).not.toMatch(/of \d+ points?/);
    run.terminal.key('space');
    run.terminal.key('enter');
    screen = await run.terminal.waitFor('Correct · 2 of 2 points');
    expect(screen).toContain('It must be flagged.');
    run.terminal.key('enter');
    await run.terminal.waitFor('❯ Finish practice');
    run.terminal.key('enter');
    await run.done;
    expect(run.out).toMatch(/Score 2 \/ 2/);
  });

  it("has no question clock when untimed, even for a question with its own time limit; --timed keeps it", async () => {
    const limited = CHOICE('p-limited', 'Answer within a second?').replace('    answer: b\n', '    answer: b\n    time_limit: 1s\n');
    const untimed = practice(limited, 'exam:\n  time_limit: 10m\n').start();
    await untimed.terminal.waitFor('Start practising');
    untimed.terminal.key('enter');
    const screen = await untimed.terminal.waitFor('Answer within a second?');
    expect(screen).not.toContain('this question');
    expect(screen).not.toContain(' left');

    const timed = practice(limited, 'exam:\n  time_limit: 10m\n').start({ timed: true });
    await timed.terminal.waitFor('Start practising');
    timed.terminal.key('enter');
    expect(await timed.terminal.waitFor('Answer within a second?')).toMatch(/this question 0:0\d/);
  });

  it('says the guideline is open in practice on the start screen, and calls the submit choice "Finish practice"', async () => {
    const run = practice(CHOICE('p-one', 'First question?')).start();
    const screen = await run.terminal.waitFor('Start practising');
    expect(screen).toContain('Guideline        open (practice): press g during a question to read its sections');
    run.terminal.key('enter');
    await run.terminal.waitFor('First question?');
    run.terminal.key('r');
    const review = await run.terminal.waitFor('Review before you submit');
    expect(review).toContain('Finish practice (1 unanswered question will score 0)');
    expect(review).not.toContain('Submit the exam');
  });

  it('keeps the labels chosen so far: ← goes to the item before, and a question left half-labelled opens where it was', async () => {
    const LABELS = `  - id: p-label
    type: label-each
    sections: ["3"]
    prompt: Label each request.
    items:
      - {id: i1, text: How to bake bread}
      - {id: i2, text: How to hurt someone}
    labels: [Safe, Unsafe]
    answer: {i1: Safe, i2: Unsafe}
`;
    const run = practice(LABELS + CHOICE('p-one', 'First question?')).start();
    await run.terminal.waitFor('Start practising');
    run.terminal.key('enter');
    let screen = await run.terminal.waitFor(/Label each request\.|First question\?/);
    if (screen.includes('First question?')) {
      run.terminal.key('right');
      await run.terminal.waitFor('Label each request.');
    }
    await run.terminal.waitFor('Item 1/2: How to bake bread');
    run.terminal.key('enter'); // Safe
    screen = await run.terminal.waitFor('Item 2/2: How to hurt someone');
    expect(screen).toContain('← back');
    run.terminal.key('left');
    screen = await run.terminal.waitFor('Item 1/2: How to bake bread');
    expect(screen).toMatch(/❯●Safe/);
    run.terminal.key('enter');
    await run.terminal.waitFor('Item 2/2: How to hurt someone');
    run.terminal.key('r'); // leave the question half-labelled
    await run.terminal.waitFor('Review before you submit');
    // The label question's row on the review screen: its number picks it.
    const row = run.terminal.screen().split('\n').find((line) => line.includes('Label each request.'))!;
    run.terminal.key(/(\d+)\./.exec(row)![1]!);
    run.terminal.key('enter');
    screen = await run.terminal.waitFor('Item 2/2: How to hurt someone');
    run.terminal.key('down');
    run.terminal.key('enter'); // Unsafe
    await run.terminal.waitFor('Correct');
    expect(run.saved()['p-label']).toMatchObject({ answer: { i1: 'Safe', i2: 'Unsafe' } });
  });

  it('does not take Enter with nothing ticked as a multi-select answer', async () => {
    const MULTI = `  - id: p-multi
    type: multi-select
    sections: ["1"]
    prompt: Which are instructions?
    options:
      - {id: a, text: Rate the page}
      - {id: b, text: Flag harm}
    answer: [a, b]
`;
    const run = practice(MULTI).start();
    await run.terminal.waitFor('Start practising');
    run.terminal.key('enter');
    await run.terminal.waitFor('Which are instructions?');
    run.terminal.key('enter');
    const screen = await run.terminal.waitFor('Tick at least one option with Space, or press → to skip the question.');
    expect(screen).toContain('Which are instructions?');
    run.terminal.key('right');
    const review = await run.terminal.waitFor('Review before you submit');
    expect(review).toContain('0 of 1 answered');
    expect(run.saved()).toEqual({});
  });
});

describe('the review screen', () => {
  it('lines the prompts up in one column and cuts them to the width with "…"', async () => {
    const long = 'Read the result and the query, then decide how well the page meets the need of a user who typed this exact query on a phone while travelling abroad.';
    const run = practice(CHOICE('p-one', 'Short one?') + CHOICE('p-long', long)).start();
    await run.terminal.waitFor('Start practising');
    run.terminal.key('enter');
    await run.terminal.waitFor('Question 1/2');
    run.terminal.key('f');
    await run.terminal.waitFor('⚑ flagged');
    run.terminal.key('r');
    const screen = (await run.terminal.waitFor('Review before you submit')).split('\n');
    const short = screen.find((line) => line.includes('Short one?'))!;
    const cut = screen.find((line) => line.includes('Read the result'))!;
    expect(short.indexOf('Short one?')).toBe(cut.indexOf('Read the result'));
    expect(cut).toMatch(/…$/);
    expect(cut.length).toBe(99);
    // The id and the type take their columns; the prompt keeps the rest of the row.
    expect(cut).toMatch(/ p-long +single-choice +Read the result/);
    expect(cut.slice(cut.indexOf('Read the result'), -1).length).toBeGreaterThan(40);
    expect(screen.filter((line) => line.length > 99)).toEqual([]);
  });
});

describe('a closed-book exam in the terminal', () => {
  it('says so when g is pressed, instead of doing nothing', async () => {
    const run = practice(CHOICE('e-one', 'First question?'), 'exam:\n  time_limit: 10m\n').start({ mode: 'exam' });
    let screen = await run.terminal.waitFor('Start the exam');
    expect(screen).toContain('Guideline        closed book');
    run.terminal.key('enter');
    screen = await run.terminal.waitFor('First question?');
    expect(screen).not.toContain('g guideline');
    run.terminal.key('g');
    screen = await run.terminal.waitFor('closed book: the guideline cannot be opened during this exam');
    expect(screen).toContain('First question?');
    run.terminal.key('down');
    expect(run.terminal.screen()).not.toContain('closed book: the guideline');
  });
});

