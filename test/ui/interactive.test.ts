import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runAttempt, type AttemptRunRequest } from '../../src/app/run-attempt.js';
import type { Io } from '../../src/cli/io.js';
import type { ResolvedBank } from '../../src/content/types.js';
import { drawQuestions } from '../../src/exam/draw.js';
import { displayOrder } from '../../src/exam/shuffle.js';
import { settleOpenPractice } from '../../src/attempt/lifecycle.js';
import { bankStatus } from '../../src/ui/home-screen.js';
import { historyCommand } from '../../src/cli/commands/history.js';
import { AttemptStore, type NewAttempt } from '../../src/store/attempts.js';
import { openDatabase } from '../../src/store/db.js';
import { bankYaml, loadBank, question, tempTree } from '../helpers.js';
import { FakeTerminal } from './fake-terminal.js';

/** One interactive attempt run in memory: the real runner, a fake terminal, a throwaway database. */
class Run {
  readonly terminal = new FakeTerminal();
  out = '';
  done: Promise<void> | undefined;

  /** A second run on the same database continues the first one's attempts (--resume). */
  constructor(
    readonly resolved: ResolvedBank,
    readonly db = path.join(tempTree(), 'qualify.db'),
    readonly home = path.dirname(db),
  ) {}

  start(options: Partial<AttemptRunRequest> = {}): this {
    const io: Io = {
      out: (text) => void (this.out += text),
      err: () => {},
      env: {},
      color: false,
      colorErr: false,
      width: 100,
      cwd: process.cwd(),
      terminal: this.terminal,
      clock: Date.now,
    };
    this.done = runAttempt(
      this.resolved,
      { content: [], db: this.db, cwd: process.cwd(), home: this.home, mode: 'practice', seed: () => 1, ...options },
      io,
      this.terminal,
    ).then(() => {});
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

// These screens are driven by position (Enter picks the first option, a) Rate at once), so the
// fixtures keep the author's order; the shuffled order on screen has its own test below.
const CHOICE = (id: string, prompt: string, shuffle = false) => `  - id: ${id}
    type: single-choice
    sections: ["1"]
    rules: ["1.r1"]
    prompt: ${prompt}
    shuffle: ${shuffle}
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
  it('shows a question whose feedback was seen read-only, with its answer and feedback, and keeps it', async () => {
    const run = practice(CHOICE('p-one', 'First question?') + CHOICE('p-two', 'Second question?')).start();
    const [first, second] = run.order();
    const prompts: Record<string, string> = { 'p-one': 'First question?', 'p-two': 'Second question?' };
    await run.terminal.waitFor('Start practising');
    run.terminal.key('enter');
    await run.terminal.waitFor(prompts[first!]!);
    run.terminal.key('enter'); // a) Rate at once: wrong
    await run.terminal.waitFor('Show the answer');
    run.terminal.key('down');
    run.terminal.key('enter');
    await run.terminal.waitFor('Not right · 0 of 1 point');
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
    await writeText(run, 'It must be flagged.');
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

  it('has no question clock when untimed, even for a question with its own time limit; --timed keeps it', async () => {
    const limited = CHOICE('p-limited', 'Answer within a second?').replace(
      '    answer: b\n',
      '    answer: b\n    time_limit: 1s\n',
    );
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

  /** Two questions; the first answered right, its feedback on screen. */
  const onFirstFeedback = async () => {
    const run = practice(CHOICE('p-one', 'First question?') + CHOICE('p-two', 'Second question?')).start();
    await run.terminal.waitFor('Start practising');
    run.terminal.key('enter');
    await run.terminal.waitFor('Question 1/2');
    run.terminal.key('down');
    run.terminal.key('enter'); // b) right
    await run.terminal.waitFor('Correct');
    return run;
  };

  it('asks "Save and quit?" on Ctrl+C over an answer\'s feedback, as over a question, keeping the answer', async () => {
    const run = await onFirstFeedback();
    const [first] = run.order();
    // "No, keep going" stays: the next question comes as usual.
    run.terminal.input.emit('keypress', null, { name: 'c', ctrl: true });
    await run.terminal.waitFor('Save and quit?');
    run.terminal.key('down');
    run.terminal.key('enter');
    await run.terminal.waitFor('Question 2/2');
    await saveAndQuit(run);
    expect(run.saved()[first!]).toMatchObject({ answer: 'b' });
  });

  it('leaves after the feedback when asked to', async () => {
    const run = await onFirstFeedback();
    await saveAndQuit(run);
    expect(Object.keys(run.saved())).toHaveLength(1);
  });

  it('says the guideline is open in practice on the start screen; the submit choice is "Finish practice"', async () => {
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

  /** A label-each question of two items, in the author's order. */
  const LABELS = `  - id: p-label
    type: label-each
    sections: ["3"]
    prompt: Label each request.
    shuffle: false
    items:
      - {id: i1, text: How to bake bread}
      - {id: i2, text: How to hurt someone}
    labels: [Safe, Unsafe]
    answer: {i1: Safe, i2: Unsafe}
`;

  it('keeps the labels chosen: ← goes to the item before; a half-labelled question opens where it was', async () => {
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
    expect(screen).toContain('←→ item');
    run.terminal.key('left');
    screen = await run.terminal.waitFor('Item 1/2: How to bake bread');
    expect(screen).toMatch(/❯●Safe/);
    run.terminal.key('enter');
    await run.terminal.waitFor('Item 2/2: How to hurt someone');
    run.terminal.key('r'); // leave the question half-labelled
    await run.terminal.waitFor('Review before you submit');
    // The label question's row on the review screen: its number picks it.
    const row = run.terminal
      .screen()
      .split('\n')
      .find((line) => line.includes('Label each request.'))!;
    run.terminal.key(/(\d+)\./.exec(row)![1]!);
    run.terminal.key('enter');
    screen = await run.terminal.waitFor('Item 2/2: How to hurt someone');
    run.terminal.key('down');
    run.terminal.key('enter'); // Unsafe
    await run.terminal.waitFor('Correct');
    expect(run.saved()['p-label']).toMatchObject({ answer: { i1: 'Safe', i2: 'Unsafe' } });
  });

  it('shows each item of a label-each answer marked right or wrong, with the label expected where wrong', async () => {
    const run = practice(LABELS).start();
    await run.terminal.waitFor('Start practising');
    run.terminal.key('enter');
    await run.terminal.waitFor('Item 1/2: How to bake bread');
    run.terminal.key('down');
    run.terminal.key('enter'); // Unsafe: wrong
    await run.terminal.waitFor('Item 2/2: How to hurt someone');
    run.terminal.key('down');
    run.terminal.key('enter'); // Unsafe: right
    await run.terminal.waitFor('Try again');
    run.terminal.key('down');
    run.terminal.key('enter'); // Show the answer
    const screen = await run.terminal.waitFor('Your labels:');
    expect(screen).toContain('✗ How to bake bread → Unsafe (expected: Safe)');
    expect(screen).toContain('✓ How to hurt someone → Unsafe');
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
    const long =
      'Read the result and the query, then decide how well the page meets the need of a user ' +
      'who typed this exact query on a phone while travelling abroad.';
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

describe('critical questions, said in words', () => {
  it('explains on the start screen and in the header that one miss fails the exam, whatever the score', async () => {
    const critical = CHOICE('e-crit', 'Critical question?').replace(
      '    answer: b\n',
      '    answer: b\n    critical: true\n',
    );
    const run = practice(critical, 'exam:\n  time_limit: 10m\n').start({ mode: 'exam' });
    let screen = await run.terminal.waitFor('Start the exam');
    expect(screen).toContain('a question marked "critical" fails the exam if missed, whatever the score');
    run.terminal.key('enter');
    screen = await run.terminal.waitFor('Critical question?');
    expect(screen).toContain('e-crit · guideline 1 · 1 point · critical: one miss fails the exam, whatever the score');
  });

  it('says nothing about critical questions when the bank has none', async () => {
    const run = practice(CHOICE('e-one', 'First question?'), 'exam:\n  time_limit: 10m\n').start({ mode: 'exam' });
    const screen = await run.terminal.waitFor('Start the exam');
    expect(screen).not.toContain('critical');
  });
});

describe('the self-check', () => {
  it("shows the learner's own answer beside the model answer, in practice and at an exam's submit", async () => {
    const run = practice(FREE).start();
    await run.terminal.waitFor('Start practising');
    run.terminal.key('enter');
    await run.terminal.waitFor('Explain why the reply is unsafe.');
    await writeText(run, 'My own words here.');
    let screen = await run.terminal.waitFor('Tick every statement');
    expect(screen).toMatch(/Your answer:\n\s+My own words here\.\n\nModel answer:\n\s+It gives harmful instructions/);

    const exam = practice(FREE, 'exam:\n  time_limit: 10m\n').start({ mode: 'exam' });
    await exam.terminal.waitFor('Start the exam');
    exam.terminal.key('enter');
    await exam.terminal.waitFor('Explain why the reply is unsafe.');
    await writeText(exam, 'Exam words.');
    await exam.terminal.waitFor('❯ Submit the exam now');
    exam.terminal.key('enter');
    screen = await exam.terminal.waitFor('Tick every statement');
    expect(screen).toMatch(/Your answer:\n\s+Exam words\.\n\nModel answer:/);
  });
});

const LABEL5 = `  - id: p-label
    type: label-each
    sections: ["3"]
    prompt: Label each request.
    shuffle: false
    items:
      - {id: i1, text: Bake bread}
      - {id: i2, text: Plant tomatoes}
      - {id: i3, text: Fix a bike}
      - {id: i4, text: Pick a lock}
      - {id: i5, text: Forge a signature}
    labels: [Safe, Unsafe]
    answer: {i1: Safe, i2: Safe, i3: Safe, i4: Unsafe, i5: Unsafe}
`;

/** Ctrl+C, then "Save and quit"; resolves when the attempt was left in progress. */
/** Opens the text input of the question on screen, types `text` and ends it (Enter on an empty line). */
async function writeText(run: Run, text: string): Promise<void> {
  run.terminal.key('enter');
  await run.terminal.waitFor('Enter on an empty line');
  run.terminal.type(text);
  run.terminal.key('enter');
  run.terminal.key('enter');
}

async function saveAndQuit(run: Run): Promise<void> {
  run.terminal.input.emit('keypress', null, { name: 'c', ctrl: true });
  await run.terminal.waitFor('Save and quit?');
  run.terminal.key('enter');
  await run.done;
  expect(run.out).toContain('--resume');
}

/** Waits for the end of the attempt, closing the report's pager when it opened one. */
async function finished(run: Run): Promise<void> {
  let over = false;
  void run.done!.finally(() => (over = true));
  while (!over) {
    if (run.terminal.screen().includes('q or Enter close')) run.terminal.key('q');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await run.done;
}

/** Opens a question from the review screen by a line of its text. */
async function openFromReview(run: Run, text: string): Promise<void> {
  const row = (await run.terminal.waitFor(text)).split('\n').find((line) => line.includes(text))!;
  run.terminal.key(/(\d+)\./.exec(row)![1]!);
  run.terminal.key('enter');
}

describe('a partly answered label-each question', () => {
  // --resume restores them, and they score per item.
  it('keeps the labels given: → moves between items, n leaves, review says "3 of 5 labelled"', async () => {
    const exam = 'exam:\n  time_limit: 10m\n';
    const first = practice(LABEL5 + CHOICE('p-one', 'First question?'), exam).start({ mode: 'exam' });
    await first.terminal.waitFor('Start the exam');
    first.terminal.key('enter');
    let screen = await first.terminal.waitFor(/Label each request\.|First question\?/);
    if (screen.includes('First question?')) {
      first.terminal.key('right');
      await first.terminal.waitFor('Label each request.');
    }
    await first.terminal.waitFor('Item 1/5: Bake bread');
    for (const next of ['Item 2/5', 'Item 3/5', 'Item 4/5']) {
      first.terminal.key('enter'); // Safe
      await first.terminal.waitFor(next);
    }
    // The labels are saved as they are given, before the question is left.
    expect(first.saved()['p-label']).toMatchObject({
      answer: { i1: 'Safe', i2: 'Safe', i3: 'Safe' },
      unfinished: true,
    });
    first.terminal.key('right');
    screen = await first.terminal.waitFor('Item 5/5: Forge a signature');
    expect(screen).toContain('n next question');
    first.terminal.key('left');
    await first.terminal.waitFor('Item 4/5: Pick a lock');
    // Keys that come together all count: ← ← ← moves three items, not one (none is lost).
    first.terminal.key('left');
    first.terminal.key('left');
    first.terminal.key('left');
    await first.terminal.waitFor('Item 1/5: Bake bread');
    first.terminal.key('right');
    first.terminal.key('right');
    await first.terminal.waitFor('Item 3/5');
    first.terminal.key('r');
    screen = await first.terminal.waitFor('Review before you submit');
    expect(screen).toMatch(/3 of 5 labelled\s+p-label\s+label-each\s+Label each request\./);
    await saveAndQuit(first);

    const second = new Run(first.resolved, first.db);
    runs.push(second);
    second.start({ mode: 'exam', resume: true });
    await second.terminal.waitFor(/Question \d\/2/);
    second.terminal.key('r');
    screen = await second.terminal.waitFor('Review before you submit');
    expect(screen).toMatch(/3 of 5 labelled\s+p-label\s+label-each\s+Label each request\./);
    await openFromReview(second, 'Label each request.');
    screen = await second.terminal.waitFor('Item 4/5: Pick a lock');
    second.terminal.key('left');
    expect(await second.terminal.waitFor('Item 3/5: Fix a bike')).toMatch(/❯●Safe/);
    second.terminal.key('n'); // leaves the question with the labels as they are
    await second.terminal.waitFor(/First question\?|Review before you submit/);
    second.terminal.key('r');
    await second.terminal.waitFor('❯ Return to question');
    expect(second.terminal.screen()).toContain('Submit the exam now (1 unanswered question will score 0)');
    second.terminal.key('up');
    second.terminal.key('enter');
    const confirm = await second.terminal.waitFor('Submit the exam with these questions still open?');
    // The half-labelled question is not finished (scored as it stands); the one left blank is not answered.
    expect(confirm).toMatch(/Not finished, scored as they stand \(1\):\n {2}\d\.\sp-label \(3 of 5 labelled\)/);
    expect(confirm).toMatch(/Not answered \(1\):\n {2}\d\.\sp-one\n/);
    second.terminal.key('down');
    second.terminal.key('enter'); // yes, submit
    await finished(second);
    // Three of five items right: 0.6 of the question's point, and the two left open said so.
    expect(second.out).toContain('p-label (0.6/1)');
    expect(second.out.replace(/\s+/g, ' ')).toContain(
      'Fix a bike -> Safe; Pick a lock -> not answered; Forge a signature -> not answered',
    );
  });
});

describe('free-text drafts', () => {
  const EXAM = 'exam:\n  time_limit: 10m\n';
  const written = (run: Run) => (run.saved()['p-free'] as { text?: string } | undefined)?.text;

  // Ctrl+C answered with "keep going".
  it('saves typing at every new line and after a pause, through Ctrl+C, "save and quit" and --resume', async () => {
    const first = practice(FREE, EXAM).start({ mode: 'exam' });
    await first.terminal.waitFor('Start the exam');
    first.terminal.key('enter');
    await first.terminal.waitFor('Explain why the reply is unsafe.');
    first.terminal.key('enter');
    await first.terminal.waitFor('Enter on an empty line');
    first.terminal.type('First line.');
    first.terminal.key('enter'); // a new line saves at once
    await vi.waitFor(() => expect(written(first)).toBe('First line.'), { timeout: 1000 });
    first.terminal.type('Second, still typing');
    // A pause of a second saves the line being typed.
    await vi.waitFor(() => expect(written(first)).toBe('First line.\nSecond, still typing'), { timeout: 3000 });
    expect(first.saved()['p-free']).toMatchObject({ unfinished: true });

    first.terminal.type(' and more');
    first.terminal.input.emit('keypress', null, { name: 'c', ctrl: true });
    await first.terminal.waitFor('Save and quit?');
    // Ctrl+C saves what was on the line, without waiting for the pause.
    expect(written(first)).toBe('First line.\nSecond, still typing and more');
    first.terminal.key('down');
    first.terminal.key('enter'); // keep going: back in the text, writing on where it stopped
    let screen = await first.terminal.waitFor('Enter on an empty line');
    expect(screen).toContain('Second, still typing and more');
    first.terminal.type(', and it leaks');
    await vi.waitFor(() => expect(written(first)).toBe('First line.\nSecond, still typing and more, and it leaks'), {
      timeout: 3000,
    });
    await saveAndQuit(first);

    const second = new Run(first.resolved, first.db);
    runs.push(second);
    second.start({ mode: 'exam', resume: true });
    screen = await second.terminal.waitFor('Edit your answer');
    expect(screen).toContain('First line.');
    expect(screen).toContain('Second, still typing and more, and it leaks');
    let review = await reviewOf(second);
    expect(review).toContain('0 of 1 answered');
    expect(review).toMatch(/draft saved, not finished\s+p-free\s+free-text\s+Explain why/);
    second.terminal.key('enter'); // back to the question
    await second.terminal.waitFor('Edit your answer');
    second.terminal.key('enter');
    await second.terminal.waitFor('Enter on an empty line');
    second.terminal.type('. It must be flagged.'); // carries on the last line
    second.terminal.key('enter');
    second.terminal.key('enter');
    review = await reviewOf(second, false);
    expect(review).toContain('1 of 1 answered');
    expect(second.saved()['p-free']).not.toHaveProperty('unfinished');
    expect(written(second)).toBe('First line.\nSecond, still typing and more, and it leaks. It must be flagged.');
  });

  it('does not count an empty free-text answer as answered', async () => {
    const run = practice(FREE).start();
    await run.terminal.waitFor('Start practising');
    run.terminal.key('enter');
    await run.terminal.waitFor('Explain why the reply is unsafe.');
    await writeText(run, '   ');
    const review = await run.terminal.waitFor('Review before you submit');
    expect(review).toContain('0 of 1 answered');
    expect(review).toMatch(/unanswered\s+p-free\s+free-text\s+Explain why/);
    expect(review).toContain('Finish practice (1 unanswered question will score 0)');
    expect(review).not.toContain('Not answered ·'); // no feedback was shown for nothing
  });
});

/** Presses r (unless already there) and returns the review screen. */
async function reviewOf(run: Run, press = true): Promise<string> {
  if (press) run.terminal.key('r');
  return run.terminal.waitFor('Review before you submit');
}

describe('the submit confirmation', () => {
  it('lists the questions still flagged and those not answered, and goes back to the review on "no"', async () => {
    const run = practice(
      CHOICE('p-one', 'First question?') + CHOICE('p-two', 'Second question?') + CHOICE('p-three', 'Third question?'),
      'exam:\n  time_limit: 10m\n',
    ).start({ mode: 'exam' });
    const order = run.order();
    await run.terminal.waitFor('Start the exam');
    run.terminal.key('enter');
    await run.terminal.waitFor('Question 1/3');
    run.terminal.key('down');
    run.terminal.key('enter'); // answered
    await run.terminal.waitFor('Question 2/3');
    run.terminal.key('f'); // flagged, not answered
    await run.terminal.waitFor('⚑ flagged');
    run.terminal.key('right');
    await run.terminal.waitFor('Question 3/3');
    run.terminal.key('r');
    await run.terminal.waitFor('❯ Return to question 3');
    run.terminal.key('up');
    run.terminal.key('enter'); // submit
    let screen = await run.terminal.waitFor('Submit the exam with these questions still open?');
    expect(screen).toMatch(new RegExp(`Still flagged \\(1\\):\n  2\\.\\s${order[1]}\n`));
    expect(screen).toMatch(new RegExp(`Not answered \\(1\\):\n  3\\.\\s${order[2]}\n`));
    expect(screen).not.toMatch(new RegExp(`1\\.\\s${order[0]}\\b`));
    run.terminal.key('enter'); // no, back to the review
    screen = await run.terminal.waitFor('Review before you submit');
    run.terminal.key('up');
    run.terminal.key('enter');
    await run.terminal.waitFor('Submit the exam with these questions still open?');
    run.terminal.key('down');
    run.terminal.key('enter');
    await finished(run);
    expect(run.out).toMatch(/Score 1 \/ 3/);
  });
});

describe('practice: try again', () => {
  it('offers one more try after a wrong answer before the key; the report records first-try correctness', async () => {
    const run = practice(CHOICE('p-one', 'First question?') + CHOICE('p-two', 'Second question?')).start();
    const [first, second] = run.order();
    const prompts: Record<string, string> = { 'p-one': 'First question?', 'p-two': 'Second question?' };
    await run.terminal.waitFor('Start practising');
    run.terminal.key('enter');
    await run.terminal.waitFor(prompts[first!]!);
    run.terminal.key('enter'); // a) wrong
    let screen = await run.terminal.waitFor('Try again');
    expect(screen).toContain('Not right · you may try once more before the answer is shown.');
    expect(screen).not.toContain('Expected');
    expect(screen).not.toContain('Read first.'); // the explanation waits too
    run.terminal.key('enter'); // try again
    screen = await run.terminal.waitFor('↑↓ move · Enter answer');
    expect(screen).toContain(prompts[first!]!);
    run.terminal.key('r'); // the review says the second try is still to come
    expect(await run.terminal.waitFor('Review before you submit')).toMatch(
      new RegExp(`one more try to go\\s+\\S+\\s+single-choice\\s+${prompts[first!]!.replace('?', '\\?')}`),
    );
    run.terminal.key('enter'); // back to the question
    await run.terminal.waitFor('↑↓ move · Enter answer');
    run.terminal.key('enter'); // a) wrong again: no third try, the key is shown
    screen = await run.terminal.waitFor('Not right · 0 of 1 point');
    expect(screen).toContain('Expected: b) Read the whole task');
    run.terminal.key('enter');
    await run.terminal.waitFor(prompts[second!]!);
    run.terminal.key('down');
    run.terminal.key('enter'); // b) right at once: no offer
    await run.terminal.waitFor('Correct');
    run.terminal.key('enter');
    await run.terminal.waitFor('❯ Finish practice');
    run.terminal.key('enter');
    await finished(run);
    expect(run.saved()[first!]).toMatchObject({ answer: 'a', firstTryCorrect: false });
    expect(run.saved()[second!]).toMatchObject({ answer: 'b', firstTryCorrect: true });
    expect(run.out).toContain(`First try  1 of 2 right at the first try · tried again: ${first}`);
  });

  it('records a question right at the second try as not right at the first', async () => {
    const run = practice(CHOICE('p-one', 'First question?')).start();
    await run.terminal.waitFor('Start practising');
    run.terminal.key('enter');
    await run.terminal.waitFor('First question?');
    run.terminal.key('enter'); // a) wrong
    await run.terminal.waitFor('Try again');
    run.terminal.key('enter');
    await run.terminal.waitFor('↑↓ move · Enter answer');
    run.terminal.key('down');
    run.terminal.key('enter'); // b) right
    await run.terminal.waitFor('Correct · 1 of 1 point');
    run.terminal.key('enter');
    await run.terminal.waitFor('❯ Finish practice');
    run.terminal.key('enter');
    await finished(run);
    expect(run.out).toMatch(/Score 1 \/ 1/);
    expect(run.out).toContain('First try  0 of 1 right at the first try · tried again: p-one');
  });
});

describe('second tries', () => {
  const SHORT = `  - id: p-short
    type: short-answer
    sections: ["1"]
    rules: ["1.r1"]
    prompt: Which fruit is red?
    accept:
      - {text: apple}
`;

  it('keeps a typed answer retried at the second try as not right at the first', async () => {
    const run = practice(SHORT).start();
    await run.terminal.waitFor('Start practising');
    run.terminal.key('enter');
    await run.terminal.waitFor('Which fruit is red?');
    await writeText(run, 'banana');
    await run.terminal.waitFor('Try again');
    run.terminal.key('enter');
    await run.terminal.waitFor('Edit your answer');
    run.terminal.key('enter');
    await run.terminal.waitFor('Enter on an empty line');
    for (let i = 0; i < 'banana'.length; i++) run.terminal.key('backspace');
    run.terminal.type('apple');
    // Typed answers save drafts while typing: wait for one, so the second try is drafted too.
    await vi.waitFor(() => expect(run.saved()['p-short']).toMatchObject({ answer: 'apple', unfinished: true }), {
      timeout: 3000,
    });
    run.terminal.key('enter');
    run.terminal.key('enter');
    await run.terminal.waitFor('Correct · 1 of 1 point');
    run.terminal.key('enter');
    await run.terminal.waitFor('❯ Finish practice');
    run.terminal.key('enter');
    await finished(run);
    expect(run.saved()['p-short']).toMatchObject({ answer: 'apple', firstTryCorrect: false });
    expect(run.out).toContain('First try  0 of 1 right at the first try · tried again: p-short');
  });

  it('asks "how sure?" afresh for a second try, with no level chosen in advance', async () => {
    const run = practice(CHOICE('p-one', 'First question?')).start({ confidence: true });
    await run.terminal.waitFor('Start practising');
    run.terminal.key('enter');
    await run.terminal.waitFor('First question?');
    run.terminal.key('enter'); // a) wrong
    await run.terminal.waitFor('How sure are you?');
    run.terminal.key('up');
    let screen = await run.terminal.waitFor('❯ High — certain');
    run.terminal.key('enter');
    await run.terminal.waitFor('Try again');
    run.terminal.key('enter');
    await run.terminal.waitFor('↑↓ move · Enter answer');
    run.terminal.key('down');
    run.terminal.key('enter'); // b) right
    screen = await run.terminal.waitFor('How sure are you?');
    expect(screen).not.toMatch(/❯ (Low|Medium|High)/);
    run.terminal.key('enter'); // Enter alone does not take the level given the first time
    await run.terminal.waitFor('Pick one first');
  });
});

describe('practice rounds', () => {
  const TWO = CHOICE('p-one', 'First question?') + CHOICE('p-two', 'Second question?');
  const rounds = (run: Run) => {
    const db = openDatabase(run.db);
    try {
      return new AttemptStore(db).list('b').map((a) => ({ mode: a.mode, status: a.status }));
    } finally {
      db.close();
    }
  };

  /** Starts practice, answers the first question right, and saves and quits. */
  async function leaveRoundOpen(): Promise<Run> {
    const run = practice(TWO).start();
    await run.terminal.waitFor('Start practising');
    run.terminal.key('enter');
    await run.terminal.waitFor('Question 1/2');
    run.terminal.key('down');
    run.terminal.key('enter');
    await run.terminal.waitFor('Correct');
    run.terminal.key('enter');
    await run.terminal.waitFor('Question 2/2');
    await saveAndQuit(run);
    return run;
  }

  it('offers to resume the open round when practice starts again on the bank, and resumes it', async () => {
    const first = await leaveRoundOpen();
    const again = new Run(first.resolved, first.db);
    runs.push(again);
    again.start();
    const screen = await again.terminal.waitFor('A practice round of this bank is in progress: 1 of 2 answered');
    expect(screen).toContain('Resume that round');
    again.terminal.key('enter');
    await again.terminal.waitFor('Question 2/2');
    expect(rounds(again)).toEqual([{ mode: 'practice', status: 'in_progress' }]);
  });

  it('never keeps two open rounds: starting a new one closes the old one, scored as it stood', async () => {
    const first = await leaveRoundOpen();
    const again = new Run(first.resolved, first.db);
    runs.push(again);
    again.start();
    await again.terminal.waitFor('A practice round of this bank is in progress');
    again.terminal.key('down');
    again.terminal.key('enter'); // close it, start a new round
    await again.terminal.waitFor('Start practising');
    again.terminal.key('enter');
    await again.terminal.waitFor('Question 1/2');
    expect(rounds(again)).toEqual([
      { mode: 'practice', status: 'abandoned' },
      { mode: 'practice', status: 'in_progress' },
    ]);
  });

  it('shows the open round in history with how to resume it, and on the home screen', async () => {
    const first = await leaveRoundOpen();
    let out = '';
    const io: Io = {
      out: (text) => void (out += text),
      err: () => {},
      env: {},
      color: false,
      colorErr: false,
      width: 100,
      cwd: process.cwd(),
      clock: Date.now,
    };
    // The content cache goes to a throwaway home.
    const options = { content: [path.dirname(first.resolved.bank.file)], db: first.db, cwd: io.cwd, home: tempTree() };
    historyCommand(undefined, options, io);
    // The command carries the --content and --db it needs to find the bank and the round again.
    expect(out).toMatch(
      /practice\s+in progress\n\s+continue with: qualify\s+--content\s+\S+\s+--db\s+\S+\s+practice\s+b\s+--resume/,
    );
    const db = openDatabase(first.db);
    try {
      expect(bankStatus(new AttemptStore(db), first.resolved, Date.now())).toContain('practice in progress');
    } finally {
      db.close();
      vi.unstubAllEnvs();
    }
  });
});

describe('settling open practice rounds', () => {
  const resolved = loadBank(bankYaml(CHOICE('p-one', 'First question?'), 'exam:\n  time_limit: 10m\n'));
  const open = (store: AttemptStore, startedAt: number, extra: Partial<NewAttempt> = {}) =>
    store.start({
      bankId: 'b',
      bankTitle: 'Test Bank',
      bankVersion: '1.0.0',
      bankFile: resolved.bank.file,
      guidelineId: 'g',
      mode: 'practice',
      seed: 1,
      questionIds: ['p-one'],
      startedAt,
      ...extra,
    });

  it('home status: a bank only practised says so, with the best practice score, instead of "not tried yet"', () => {
    const db = openDatabase(path.join(tempTree(), 'qualify.db'));
    try {
      const store = new AttemptStore(db);
      expect(bankStatus(store, resolved, 10_000)).toBe('not tried yet');
      const round = open(store, 1000);
      // A finished round as the runner leaves it (the stored report itself is not what the status reads).
      db.prepare("UPDATE attempts SET status = 'submitted', ended_at = 2000, percent = 50 WHERE id = ?").run(round);
      expect(bankStatus(store, resolved, 10_000)).toBe('no exam yet · practice best 50%');
    } finally {
      db.close();
    }
  });

  it('closes a lapsed timed round, one whose questions left the bank, and every open round but the newest', () => {
    const db = openDatabase(path.join(tempTree(), 'qualify.db'));
    try {
      const store = new AttemptStore(db);
      const lapsed = open(store, 1000, { deadlineAt: 2000 });
      const gone = open(store, 3000, { questionIds: ['no-longer-here'] });
      const older = open(store, 4000);
      const newest = open(store, 5000);
      const kept = settleOpenPractice({ store, resolved, clock: () => 10_000 });
      expect(kept?.id).toBe(newest);
      expect(store.get(lapsed)!.status).toBe('expired');
      expect(store.get(gone)!.status).toBe('abandoned');
      expect(store.get(older)!.status).toBe('abandoned');
      expect(store.get(newest)!.status).toBe('in_progress');
      // The newest one too, once it can no longer be resumed.
      open(store, 6000, { questionIds: ['no-longer-here'] });
      expect(settleOpenPractice({ store, resolved, clock: () => 10_000 })).toBeUndefined();
      expect(store.list('b').filter((a) => a.status === 'in_progress')).toEqual([]);
    } finally {
      db.close();
    }
  });
});

describe('free text typed up to the deadline', () => {
  it('is saved and scored when the exam clock runs out mid-typing, with no pause and no new line', async () => {
    const run = practice(FREE, 'exam:\n  time_limit: 2s\n').start({ mode: 'exam' });
    await run.terminal.waitFor('Start the exam');
    run.terminal.key('enter');
    await run.terminal.waitFor('Explain why the reply is unsafe.');
    run.terminal.key('enter');
    await run.terminal.waitFor('Enter on an empty line');
    // Keep typing until the clock stops the exam: the pause that saves never comes.
    let typed = '';
    let over = false;
    void run.done!.finally(() => (over = true));
    while (!over) {
      run.terminal.type('flag ');
      typed += 'flag ';
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await run.done;
    const saved = (run.saved()['p-free'] as { text?: string } | undefined)?.text ?? '';
    expect(saved.length).toBeGreaterThan(0);
    expect(typed.startsWith(saved)).toBe(true);
    expect(run.out).toContain('time ran out');
    expect(run.out).not.toContain('not answered');
  });
});

describe('messages after an exam at 60 columns', () => {
  it('wraps the resume hint after "Save and quit" at word boundaries to the window', async () => {
    const run = practice(CHOICE('e-one', 'First question?'), 'exam:\n  time_limit: 30m\n');
    run.terminal.resize({ columns: 60, rows: 20 });
    run.start({ mode: 'exam' });
    await run.terminal.waitFor('Start the exam');
    run.terminal.key('enter');
    await run.terminal.waitFor('First question?');
    await saveAndQuit(run);
    const lines = run.out.trimEnd().split('\n');
    expect(lines.filter((line) => line.length > 59)).toEqual([]);
    // "(29:59 left)." stays in one piece: the line breaks at a space before it.
    expect(run.out).toMatch(/\(\d+:\d\d left\)\./);
    expect(lines.some((line) => line.endsWith('('))).toBe(false);
  });
});

describe("options in the attempt's own order", () => {
  const COLOURS = `  - id: p-colour
    type: single-choice
    sections: ["1"]
    prompt: Which colour?
    options:
      - {id: a, text: Amber}
      - {id: b, text: Blue}
      - {id: c, text: Cyan}
      - {id: d, text: Denim}
      - {id: e, text: Ecru}
    answer: c
`;
  const TEXTS: Record<string, string> = { a: 'Amber', b: 'Blue', c: 'Cyan', d: 'Denim', e: 'Ecru' };
  /** The option ids in the order the screen lists them. */
  /** The option ids in the order their texts appear on screen, each labelled a), b)... by its place. */
  const listed = (screen: string) => {
    const ids = Object.keys(TEXTS)
      .filter((id) => screen.includes(`) ${TEXTS[id]}`))
      .sort((x, y) => screen.indexOf(`) ${TEXTS[x]}`) - screen.indexOf(`) ${TEXTS[y]}`));
    // Labels go by place on screen, not by id: the ids would show which ones tend to be keyed.
    ids.forEach((id, i) => expect(screen).toContain(`${'abcde'[i]}) ${TEXTS[id]}`));
    return ids;
  };

  it('lists them shuffled, saves the id of the one picked, and lists them so again on --resume', async () => {
    const first = practice(COLOURS + CHOICE('p-one', 'First question?'), 'exam:\n  time_limit: 10m\n').start({
      mode: 'exam',
    });
    const shown = displayOrder(1, question(first.resolved, 'p-colour'))!;
    expect(shown).not.toEqual(['a', 'b', 'c', 'd', 'e']); // seed 1 moves them
    await first.terminal.waitFor('Start the exam');
    first.terminal.key('enter');
    let screen = await first.terminal.waitFor(/Which colour\?|First question\?/);
    if (screen.includes('First question?')) {
      first.terminal.key('right');
      screen = await first.terminal.waitFor('Which colour?');
    }
    screen = await first.terminal.waitFor(') Ecru');
    expect(listed(screen)).toEqual(shown);
    first.terminal.key('enter'); // the first option on screen
    await first.terminal.waitFor(/First question\?|Review before you submit/);
    expect(first.saved()['p-colour']).toMatchObject({ answer: shown[0] });
    await saveAndQuit(first);

    const second = new Run(first.resolved, first.db);
    runs.push(second);
    second.start({ mode: 'exam', resume: true });
    await second.terminal.waitFor(/Question \d\/2/);
    second.terminal.key('r');
    await openFromReview(second, 'Which colour?');
    screen = await second.terminal.waitFor(') Ecru');
    expect(listed(screen)).toEqual(shown);
  });
});

describe('what a beginner must see without scrolling, at 60x20', () => {
  const LONG = 'A user searched for the opening hours of the county library and got this page. '.repeat(8).trim();
  const RETAKE = 'exam:\n  time_limit: 30m\n  retake:\n    waits: [24h]\n';

  function small(questions: string, exam = ''): Run {
    const run = practice(questions, exam);
    run.terminal.resize({ columns: 60, rows: 20 });
    return run;
  }

  it('shows why a practice answer was wrong right above "Try again", even when the question scrolls', async () => {
    const run = small(CHOICE('p-long', LONG)).start();
    await run.terminal.waitFor('Start practising');
    run.terminal.key('enter');
    await run.terminal.waitFor('↑↓ move · Enter answer');
    run.terminal.key('enter'); // a) wrong
    const screen = (await run.terminal.waitFor('Try again')).split('\n');
    expect(screen.length).toBeLessThanOrEqual(19);
    expect(screen.some((line) => /lines 1-\d+ of \d+/.test(line))).toBe(true); // the question is cut
    const verdict = screen.findIndex((line) => line.startsWith('Not right · you may try once more'));
    const tryAgain = screen.findIndex((line) => line.includes('Try again'));
    expect(verdict).toBeGreaterThan(0);
    expect(tryAgain - verdict).toBeLessThanOrEqual(3); // the verdict (two lines), a blank line, the choices
    expect(screen.join(' ')).toContain('Not right · you may try once more before the answer is shown.');
    // Scrolling the question leaves the verdict where it is.
    for (let i = 0; i < 20; i++) run.terminal.key('j');
    await run.terminal.waitFor(/lines \d+-(\d+) of \1/);
    expect(run.terminal.screen().split('\n')[verdict]).toMatch(/^Not right · /);
  });

  it('shows "this attempt counts" and the wait it starts on the exam start screen', async () => {
    // Every fact the start screen can show, so they do not all fit above the choices.
    const retake = RETAKE.replace('[24h]', '[24h, 72h, 7d]');
    const exam = `${retake}    max_attempts: 3\n    lockout: 90d\n  open_book: true\n`;
    const critical = CHOICE('e-one', 'First question?').replace('    options:', '    critical: true\n    options:');
    const run = small(critical, exam);
    run.start({ mode: 'exam' });
    const screen = await run.terminal.waitFor('Start the exam');
    expect(screen.split('\n').length).toBeLessThanOrEqual(19);
    expect(screen).toMatch(/lines 1-\d+ of \d+/); // the facts above it scroll
    expect(screen.replace(/\n/g, ' ')).toContain(
      'This attempt counts. If you do not pass, the next attempt opens only after 1d.  ❯ Start the exam',
    );
  });

  /** Starts the exam, answers its one question wrong and submits it. */
  const failOneQuestionExam = async (run: Run) => {
    await run.terminal.waitFor('Start the exam');
    run.terminal.key('enter');
    await run.terminal.waitFor('First question?');
    run.terminal.key('enter'); // a) wrong
    await run.terminal.waitFor('Review before you submit');
    run.terminal.key('enter'); // submit
  };

  it('says when the next attempt opens after a failed exam', async () => {
    const run = small(CHOICE('e-one', 'First question?'), RETAKE).start({ mode: 'exam' });
    await failOneQuestionExam(run);
    await finished(run);
    const last = run.out.trimEnd().split('\n').slice(-3).join(' ');
    expect(last).toMatch(/Score 0% · NOT PASSED\. Next exam attempt: .+ \(retake in 24 h\)\./);
    expect(last).toContain('"qualify report" shows this report again.');
    expect(run.out.split('\n').filter((line) => line.length > 59)).toEqual([]);
  });

  it('says the next attempt is open now after a failed exam with no wait, also when the report fits', async () => {
    const run = practice(CHOICE('e-one', 'First question?'), 'exam:\n  time_limit: 30m\n');
    run.terminal.resize({ columns: 100, rows: 80 }); // the whole report is printed, with no pager
    run.start({ mode: 'exam' });
    await failOneQuestionExam(run);
    await run.done;
    expect(run.out).toMatch(/Score 0 \/ 1 \(0%\)/);
    expect(run.out.trimEnd().split('\n').at(-1)).toBe('Next exam attempt: available now.');
  });

  it('says so when a failed exam locks the bank out for good', async () => {
    const exam = 'exam:\n  time_limit: 30m\n  retake:\n    waits: [24h]\n    max_attempts: 1\n    lockout: permanent\n';
    const run = small(CHOICE('e-one', 'First question?'), exam).start({ mode: 'exam' });
    await failOneQuestionExam(run);
    await finished(run);
    expect(run.out.trimEnd().split('\n').slice(-3).join(' ')).toContain(
      'NOT PASSED. Locked out for good; practice is still open.',
    );
  });
});
