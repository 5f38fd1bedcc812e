/** What the next-step rules know about one bank and its learner. */
export interface StudyState {
  bankId: string;
  guidelineId: string;
  now: number;
  /** Drill cards of this bank (and its guideline) due now. */
  dueCards: number;
  /** The section with the lowest accuracy so far, when any was tried. */
  weakest?: { sectionId: string; title: string; accuracy: number; tried: number };
  passMark: number;
  /** Counted exams finished, and whether one passed. */
  examsTaken: number;
  passed: boolean;
  /** When the next counted exam may start (undefined: now); null: locked out for good. */
  examOpensAt?: number | null;
  /** An attempt left in progress at this bank: a counted exam (its clock runs) or a practice round. */
  openAttempt?: 'exam' | 'practice';
}

/** One suggestion: a line to show and the command that does it. */
export interface NextStep {
  rule:
    | 'resume-exam'
    | 'drill-due'
    | 'resume-practice'
    | 'read-weak-section'
    | 'practice-before-retake'
    | 'take-exam'
    | 'locked-out'
    | 'start-reading'
    | 'keep-fresh';
  text: string;
  command: string;
}

/** About how long one drill card takes, for the time estimate. */
export const SECONDS_PER_CARD = 30;
/** A section needs this many questions tried before its accuracy says anything. */
export const MIN_TRIED_FOR_WEAK = 2;

const HOUR = 3_600_000;

/** "23 h", "3 d", "40 min": how long until a time, rounded up, for a one-line suggestion. */
export function waitText(ms: number): string {
  if (ms < HOUR) return `${Math.max(1, Math.ceil(ms / 60_000))} min`;
  if (ms < 48 * HOUR) return `${Math.ceil(ms / HOUR)} h`;
  return `${Math.ceil(ms / (24 * HOUR))} d`;
}

/**
 * The one thing to do next, first rule that applies wins: an exam in progress (its clock is
 * running) -> resume it; cards due -> drill them; a practice round left open -> finish it; a section
 * below the pass mark -> read it, then drill it; a retake wait -> a timed practice meanwhile;
 * the exam open and not passed -> take it; nothing tried -> read the guideline first.
 */
export function nextStep(s: StudyState): NextStep {
  if (s.openAttempt === 'exam')
    return {
      rule: 'resume-exam',
      text: 'an exam is in progress and its clock is running - resume it',
      command: `qualify exam ${s.bankId} --resume`,
    };
  if (s.dueCards > 0) {
    const minutes = Math.max(1, Math.ceil((s.dueCards * SECONDS_PER_CARD) / 60));
    return {
      rule: 'drill-due',
      text: `${s.dueCards} card${s.dueCards === 1 ? '' : 's'} due - drill (${minutes} min)`,
      command: `qualify drill ${s.bankId}`,
    };
  }
  if (s.openAttempt === 'practice')
    return {
      rule: 'resume-practice',
      text: 'a practice round is open - finish it',
      command: `qualify practice ${s.bankId} --resume`,
    };
  const weak = s.weakest;
  if (weak && weak.tried >= MIN_TRIED_FOR_WEAK && weak.accuracy * 100 < s.passMark) {
    return {
      rule: 'read-weak-section',
      text:
        `Section ${weak.sectionId} at ${Math.round(weak.accuracy * 100)}% - ` +
        `read ${weak.sectionId}, then drill --section ${weak.sectionId}`,
      command: `qualify read ${s.guidelineId} ${weak.sectionId}`,
    };
  }
  if (s.examOpensAt === null)
    return {
      rule: 'locked-out',
      text: 'exam locked for good - practice and drill still work',
      command: `qualify practice ${s.bankId}`,
    };
  if (s.examOpensAt !== undefined && s.examOpensAt > s.now) {
    return {
      rule: 'practice-before-retake',
      text: `retake opens in ${waitText(s.examOpensAt - s.now)} - one timed practice first?`,
      command: `qualify practice ${s.bankId} --timed`,
    };
  }
  if (s.examsTaken === 0 && !weak)
    return {
      rule: 'start-reading',
      text: 'new here - read the guideline, then practise',
      command: `qualify read ${s.guidelineId}`,
    };
  if (!s.passed)
    return { rule: 'take-exam', text: 'the exam is open - take it when ready', command: `qualify exam ${s.bankId}` };
  return {
    rule: 'keep-fresh',
    text: 'passed - drill now and then to keep it fresh',
    command: `qualify drill ${s.bankId}`,
  };
}
