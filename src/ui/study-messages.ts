import { groupedCount } from '../text/count.js';
import { formatWhen } from '../text/theme.js';

const plural = (n: number, noun: string) => `${groupedCount(n)} ${noun}${n === 1 ? '' : 's'}`;

/** The study commands' (read, drill, analytics, next step) user-facing text, in one place. */
export const studyMessages = {
  // drill
  drillTitle: (target: string) => `Drill · ${target}`,
  nothingDue: (next: number | undefined) =>
    next === undefined
      ? 'No cards to drill yet: a question you miss in an exam or practice becomes a card.\n'
      : `No cards due now. The next one is due ${formatWhen(next)}.\n`,
  drillSummary: (drilled: number, right: number, left: number) =>
    `Drilled ${plural(drilled, 'card')}: ${right} right.${left ? ` ${plural(left, 'card')} still due.` : ''}\n`,
  gradeLine: (grade: string, wait: string, when: string) => `Grade: ${grade} · next review in ${wait} (${when})`,
  gradeNames: {
    again: 'Again (wrong)',
    hard: 'Hard (right, but slow or unsure)',
    good: 'Good (right)',
    easy: 'Easy (right, fast and sure)',
  } as Record<string, string>,
  cardKind: { question: 'missed question', term: 'term', rule: 'rule' } as Record<string, string>,
  cardFrom: (kind: string, section: string) => `${kind} · section ${section}`,
  drillNeedsTerminal:
    '"qualify drill" runs in a terminal; here stdin or stdout is not one. "qualify drill [target] --json" ' +
    'lists the cards due without one.',
  badLimit: (value: string) => `--limit must be a whole number of cards, 1 or more (got "${value}").`,
  nextStep: (text: string, command: string) => `Next step: ${text}  →  ${command}`,
  nextStepText: (text: string) => `Next step: ${text}`,
  // read
  tocHeader: 'Sections · your record (questions tried, share right, last seen) · ✓ read',
  tocRow: (tried: number, percent: number, lastSeen: string) => `${tried} tried · ${percent}% right · ${lastSeen}`,
  tocNeverTried: 'not tried yet',
  readMark: '✓ read',
  readerKeysToc:
    '/ search or section id · 1 read through · 2 rules, terms, examples · 3 sections you miss first · q quit',
  readerKeysSection: '↑↓ PgUp PgDn scroll · n next · p previous · t contents · / search · q quit',
  searchPrompt: 'Search (words, or a section id; Enter to go, Esc to cancel): /',
  noMatches: (query: string) => `Nothing matches "${query}".`,
  searchResults: (query: string, n: number) => `${plural(n, 'section')} match "${query}": pick one to read`,
  searchHit: (id: string, title: string) => `${id}  ${title}`,
  noSearchResults: (query: string) => `No section matches "${query}".\n`,
  passNames: {
    1: 'Pass 1: read through',
    2: 'Pass 2: rules, terms and examples only',
    3: 'Pass 3: the sections you keep missing',
  } as Record<number, string>,
  passProgress: (pass: string, n: number, total: number) => `${pass} · section ${n}/${total}`,
  nothingMissed: 'No missed sections yet: take a practice round or an exam first.',
  backToToc: 'Back to the contents',
  unknownGuideline: (id: string, guidelines: string[], banks: string[]) =>
    `There is no guideline or bank with id "${id}".\nGuidelines: ${guidelines.join(', ') || '(none)'}\nBanks: ` +
    `${banks.join(', ') || '(none)'}`,
  // analytics
  analyticsTitle: 'Learning analytics',
  calibrationLine: (scale: string, error: number, answered: number, ends?: { first: string; last: string }) =>
    Math.abs(error) < 0.25
      ? `${scale}: well calibrated (mean error ${signed(error)} steps over ${plural(answered, 'answer')})`
      : ends
        ? `${scale}: you lean ${stepsText(error)} toward "${error > 0 ? ends.last : ends.first}" (mean ` +
          `${signed(error)} steps over ${plural(answered, 'answer')})`
        : `${scale}: you rate ${stepsText(error)} too ${error > 0 ? 'high' : 'low'} (mean ${signed(error)} steps ` +
          `over ${plural(answered, 'answer')})`,
  confusionHeader: 'expected ↓ / chosen →',
  rushingLine: (fastCount: number, upTo: number, fast: number, rest: number) =>
    `Fastest ${plural(fastCount, 'answer')} (up to ${upTo} s): ${fast}% right; the rest: ${rest}% right`,
  rushingWarning: 'Your quick answers are much worse: slow down and read the whole task before answering.',
  cbmLine: (level: string, correct: number, answered: number, verdict: string) =>
    `${level.padEnd(7)} ${correct}/${answered} right (${Math.round((100 * correct) / answered)}%) · ${verdict}`,
  cbmTotal: (total: number, average: number) =>
    `CBM marks (+3/−6 sure, +2/−2 medium, +1/0 unsure): ${total}, ${average} per answer`,
  trendTitle: (bank: string, first: number, last: number, n: number) =>
    `${bank}: ${first}% → ${last}% over ${plural(n, 'attempt')}`,
  latestShown: (n: number) => ` (the latest ${n} drawn)`,
  sectionTrendTitle: 'Per-section accuracy over attempts (oldest → newest)',
};

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

function stepsText(error: number): string {
  const size = Math.abs(error);
  if (Math.abs(size - 1) < 0.25) return 'one step';
  return `${Math.round(size * 10) / 10} steps`;
}

/** "today", "1 d ago", "12 d ago": how long since something happened, for the contents. */
export function agoText(ms: number): string {
  const days = Math.floor(ms / 86_400_000);
  return days <= 0 ? 'seen today' : `seen ${days} d ago`;
}
