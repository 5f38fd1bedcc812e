import { formatDuration, parseDuration } from '../../content/duration.js';
import type { Diagnostic } from '../../content/diagnostic.js';
import { problemAt } from '../report.js';
import { soundBanks } from '../targets.js';
import type { LintRule } from '../types.js';

const DAY_MS = 86_400_000;

const messages = {
  zeroLimit: (text: string) =>
    `a time limit of "${text}" leaves no time to answer; use a positive duration such as 90s or 25m`,
  overADay: (text: string) =>
    `a time limit of "${text}" is longer than a day; did you mean minutes (m) rather than hours (h) or days (d)?`,
  longerThanExam: (text: string, exam: string) =>
    `this question's time limit (${text}) is longer than the whole exam's (${exam}), so it never applies`,
  zeroLockout: (text: string) =>
    `a lockout of "${text}" lifts at once, so "max_attempts" has no effect; use a real duration or "permanent"`,
};

type RawDurations = {
  exam?: { time_limit?: string; retake?: { lockout?: string } };
  questions?: { time_limit?: string }[];
};

/**
 * Durations that parse but make no sense. Text that is not a duration at all ("25 minutes") is
 * refused by the schema's `duration` pattern, which shares its grammar with the parser; this rule
 * catches what a pattern cannot: zero limits, a unit slip (25h for 25m), a question limit the
 * exam's own limit makes meaningless, a lockout that lifts at once.
 */
export const duration: LintRule = {
  meta: {
    id: 'duration',
    severity: 'error',
    description:
      'Durations that parse but make no sense: zero time limits, limits over a day, question limits longer than the exam, a zero lockout.',
  },
  messages,
  check(context) {
    return soundBanks(context).flatMap((loaded) => {
      const raw = loaded.parsed!.value as RawDurations;
      const problems: Diagnostic[] = [];
      const limit = (text: string | undefined, path: (string | number)[]): number | undefined => {
        if (text === undefined) return undefined;
        const ms = parseDuration(text);
        if (ms === undefined) return undefined; // the schema reports it
        if (ms === 0) problems.push(problemAt(loaded, path, 'duration', 'error', messages.zeroLimit(text)));
        else if (ms > DAY_MS) problems.push(problemAt(loaded, path, 'duration', 'warning', messages.overADay(text)));
        return ms;
      };
      const examLimit = limit(raw.exam?.time_limit, ['exam', 'time_limit']);
      (raw.questions ?? []).forEach((question, q) => {
        const ms = limit(question.time_limit, ['questions', q, 'time_limit']);
        if (ms !== undefined && examLimit && ms > examLimit) {
          problems.push(
            problemAt(
              loaded,
              ['questions', q, 'time_limit'],
              'duration',
              'warning',
              messages.longerThanExam(question.time_limit!, formatDuration(examLimit)),
            ),
          );
        }
      });
      const lockout = raw.exam?.retake?.lockout;
      if (lockout !== undefined && lockout !== 'permanent' && parseDuration(lockout) === 0) {
        problems.push(
          problemAt(loaded, ['exam', 'retake', 'lockout'], 'duration', 'warning', messages.zeroLockout(lockout)),
        );
      }
      return problems;
    });
  },
};
