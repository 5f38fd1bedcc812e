import { formatShortWhen, formatWait } from '../text/theme.js';

/** The interactive screens' user-facing text, in one place. */
export const uiMessages = {
  progress: (n: number, total: number, flagged: number, answered?: number) =>
    `Question ${n}/${total}` +
    (answered === undefined ? '' : ` · ${answered}/${total} answered`) +
    (flagged ? ` · ${flagged} flagged` : ''),
  examLeft: (clock: string) => `${clock} left`,
  questionLeft: (clock: string) => `this question ${clock}`,
  flaggedMark: '⚑ flagged',
  closedQuestion: "This question's own time is up; its answer can no longer change.",
  closedBook: 'closed book: the guideline cannot be opened during this exam',
  pickAtLeastOne: (canSkip: boolean) =>
    `Tick at least one option with Space${canSkip ? ', or press → to skip the question' : ''}.`,
  practiceAnswered: 'Answered: your answer and its feedback, as given. Practice keeps the first answer.',
  practiceContinue: 'Continue',
  bodyPosition: (from: number, to: number, total: number, canView: boolean, pageKeysOnly: boolean) =>
    `… lines ${from}-${to} of ${total} · ${pageKeysOnly ? 'PgDn/PgUp' : 'j/k or PgDn/PgUp'} scroll` +
    (canView ? ' · v read it all' : ''),
  keys: {
    move: '↑↓ move',
    answer: 'Enter answer',
    choose: 'Enter choose',
    chooseOrBack: 'Enter choose · Esc back',
    chooseOrQuit: 'Enter choose · q quit',
    toggle: 'Space pick',
    grab: 'Space grab/drop',
    write: 'Enter write your answer',
    back: '← back',
    items: '←→ item',
    previousQuestion: 'p previous question',
    nextQuestion: 'n next question',
    skip: '→ skip',
    flag: 'f flag',
    review: 'r review & submit',
    guideline: 'g guideline',
    view: 'v whole question',
    quit: 'Ctrl+C save & quit',
    pager: '↑↓ PgUp PgDn scroll · q or Enter close',
    text: 'Enter new line · Enter on an empty line: done · Backspace on an empty line: edit the line above',
  },
  scrollPosition: (from: number, to: number, total: number) => `lines ${from}-${to} of ${total}`,
  // Question screens
  sectionsTested: (ids: string) => `guideline ${ids}`,
  pointsTag: (points: number, critical: boolean) =>
    `${points} point${points === 1 ? '' : 's'}` +
    (critical ? ' · critical: one miss fails the exam, whatever the score' : ''),
  mediaLine: (alt: string) => `[media] ${alt}`,
  rankingHint: 'Put them in order, first at the top.',
  labelItem: (n: number, total: number, text: string) => `Item ${n}/${total}: ${text}`,
  multiHint: 'Pick every option that applies.',
  scaleEnds: (low: string, high: string) => `scale: ${low} (low) → ${high} (high)`,
  writeAnswer: 'Your answer:',
  writeNumber: (unit: string) => `Your answer (a number, in ${unit}):`,
  noAnswerYet: '(not answered yet)',
  yourAnswer: (text: string) => `Your answer: ${text}`,
  yourLabels: 'Your labels:',
  noLabel: 'no label',
  rationalePrompt: 'Why? Write your rationale (the rubric reads it).',
  confidencePrompt: 'How sure are you?',
  pickFirst: 'Pick one first: ↑↓ or its number.',
  confidence: { low: 'Low — a guess', medium: 'Medium', high: 'High — certain' },
  selfAssessPrompt: 'Compare with the model answer. Tick every statement that holds for YOUR answer:',
  modelAnswer: 'Model answer',
  // Review
  reviewTitle: 'Review before you submit',
  reviewRow: (n: number, state: string) => `${String(n).padStart(2)}. ${state}`,
  answered: 'answered',
  labelled: (n: number, total: number) => `${n} of ${total} labelled`,
  draft: 'draft saved, not finished',
  secondTryPending: 'one more try to go',
  unanswered: 'unanswered',
  closed: 'closed',
  reviewSummary: (answered: number, total: number, flagged: number) =>
    `${answered} of ${total} answered · ${flagged} flagged`,
  submitNow: 'Submit the exam now',
  submitWithGaps: (n: number) => `Submit the exam now (${n} unanswered question${n === 1 ? '' : 's'} will score 0)`,
  finishPractice: 'Finish practice',
  finishPracticeWithGaps: (n: number) => `Finish practice (${n} unanswered question${n === 1 ? '' : 's'} will score 0)`,
  confirmSubmitTitle: 'Submit the exam with these questions still open?',
  confirmFinishTitle: 'Finish practice with these questions still open?',
  stillFlagged: (n: number) => `Still flagged (${n}):`,
  stillUnanswered: (n: number) => `Not answered (${n}):`,
  stillUnfinished: (n: number) => `Not finished, scored as they stand (${n}):`,
  // A no-break space keeps a number with its id when the list wraps ("7." never ends a line).
  confirmRow: (n: number, id: string, state?: string) => `${n}.\u00a0${id}${state ? ` (${state})` : ''}`,
  backToReview: 'No, back to the review',
  submitAnyway: 'Yes, submit the exam now',
  finishAnyway: 'Yes, finish practice now',
  returnTo: (n: number) => `Return to question ${n}`,
  sequentialNote: 'This exam is sequential: earlier questions cannot be opened again.',
  // Save and quit
  saveAndQuit: 'Save and quit?',
  saveAndQuitYes: 'Yes, save and quit (answers are kept; the exam clock keeps running)',
  saveAndQuitPracticeYes: 'Yes, save and quit (answers are kept)',
  saveAndQuitNo: 'No, keep going',
  savedForLater: (command: string, left?: string) =>
    `Saved. Your answers are kept${left ? `; the exam clock keeps running (${left} left)` : ''}.\n` +
    `Continue with: ${command}\n`,
  // Deadline
  timeUp: 'Time is up. The attempt was submitted with the answers you gave.',
  resumedExpired: 'The time limit passed while you were away; the attempt was submitted with the answers you gave.',
  // Practice feedback
  correct: 'Correct',
  partly: 'Partly right',
  wrong: 'Not right',
  notAnswered: 'Not answered',
  pointsEarned: (earned: string, max: string) => `${earned} of ${max} point${max === '1' ? '' : 's'}`,
  expected: 'Expected',
  why: 'Why',
  rule: (id: string) => `Rule ${id}`,
  onYourPick: 'On your pick',
  onYourAnswer: 'On your answer',
  continueHint: 'Enter continue',
  tryAgainNote: 'you may try once more before the answer is shown.',
  tryAgain: 'Try again',
  showAnswer: 'Show the answer',
  // Start screen: each fact a label padded to the column its value starts at.
  startFactsColumn: 'Failed attempts  '.length,
  startFacts: {
    questions: (n: number) => `Questions        ${n}`,
    timeLimit: (t: string) => `Time limit       ${t}`,
    untimed: 'Time limit       none',
    passMark: (p: number) => `Pass mark        ${p}%`,
    openBook: (open: boolean, practice: boolean) =>
      'Guideline        ' +
      (practice
        ? 'open (practice): press g during a question to read its sections'
        : open
          ? 'open book: press g during a question to read its sections'
          : 'closed book'),
    sequential: (seq: boolean) =>
      `Navigation       ${seq ? 'sequential: no going back' : 'back, skip, flag and review allowed'}`,
    retake: (text: string) => `Retakes          ${text}`,
    critical: 'Critical         a question marked "critical" fails the exam if missed, whatever the score',
    attemptsUsed: (failed: number, max?: number) =>
      `Failed attempts  ${failed}${max !== undefined ? ` of ${max} allowed` : ''}`,
  },
  retakePolicy: (waits: string[], max?: number, lockout?: string) =>
    (waits.length ? `wait ${waits.join(', then ')} after a failed attempt` : 'no waiting period') +
    (max !== undefined ? `; locked ${lockout} after ${max} failures` : ''),
  countsWarning: (wait: string) =>
    `This attempt counts. If you do not pass, the next attempt opens only after ${wait}.`,
  countsLockout: 'This attempt counts, and it is your last before the lockout.',
  practiceNote: 'Practice: never counts toward retakes; you see the answer after each question.',
  openRound: (answered: number, total: number, started: string) =>
    `A practice round of this bank is in progress: ${answered} of ${total} answered, started ${started}. ` +
    'A bank keeps one open round.',
  resumeRound: 'Resume that round',
  newRound: 'Close it (scored as it stands) and start a new round',
  startExam: 'Start the exam',
  startPractice: 'Start practising',
  cancel: 'Not now',
  // Report
  afterReport: (percent: number, passed: boolean, next?: string) =>
    `Score ${percent}% · ${passed ? 'PASSED' : 'NOT PASSED'}` +
    (next
      ? `. ${next}\n"qualify report" shows this report again.\n`
      : ' — "qualify report" shows this report again.\n'),
  // After a failed exam: when the next one opens, in the words of the home screen and `history`.
  nextAttempt: {
    wait: (when: string, leftMs: number) => `Next exam attempt: ${when} (retake in ${formatWait(leftMs)}).`,
    available: 'Next exam attempt: available now.',
    lockedUntil: (when: string) => `Locked out until ${when}; practice is still open.`,
    lockedForGood: 'Locked out for good; practice is still open.',
  },
  // Home
  homeTitle: 'qualify — practise qualification exams',
  homeHint: 'Pick a bank.',
  bankFacts: (questions: number, guideline: string, status: string) =>
    `${questions} question${questions === 1 ? '' : 's'} · guideline: ${guideline} · ${status}`,
  quit: 'Quit',
  bankStatus: {
    neverTried: 'not tried yet',
    practisedOnly: (percent: number) => `no exam yet · practice best ${percent}%`,
    best: (percent: number) => `best ${percent}%`,
    passed: 'passed',
    inProgress: 'exam in progress',
    practiceInProgress: 'practice in progress',
    available: 'exam available now',
    // Relative, so the status column stays readable at 80 columns; `history` has the exact time.
    waitUntil: (leftMs: number) => `retake in ${formatWait(leftMs)}`,
    locked: (when: number | undefined, now: number) =>
      when === undefined ? 'locked out for good' : `locked out until ${formatShortWhen(when, now)}`,
  },
  actions: {
    exam: 'Take the exam',
    resume: 'Resume the exam in progress',
    practice: 'Practise (untimed, feedback after each question)',
    guideline: 'Read the guideline',
    history: 'History of attempts',
    back: 'Back to the banks',
    practiseInstead: 'Practise now (never counts)',
    backToBank: 'Back',
  },
  homeRefusal: {
    wait: (when: string) =>
      `You cannot retake this exam yet: the waiting period runs until ${when}. ` +
      'Re-read the sections in your last report, or practise now: practice never counts.',
    lockedFor: (when: string) =>
      `This exam is locked after repeated failures until ${when}; then the attempts reset. Practice is still open.`,
    lockedForGood: 'This exam is locked for good after repeated failures. Practice is still open.',
  },
  pressToContinue: 'Enter continue',
};
