import { formatDuration, parseDuration } from '../../content/duration.js';
import type { PathSegment } from '../../content/parse.js';
import type { BankFile } from '../../content/schema/types.generated.js';
import { defineRule, text } from '../rule.js';

const DAY_MS = 86_400_000;

/**
 * Durations that parse but make no sense. Text that is not a duration at all ("25 minutes") is
 * refused by the schema's `duration` pattern, which shares its grammar with the parser; this rule
 * catches what a pattern cannot: zero limits, a unit slip (25h for 25m), a question limit the
 * exam's own limit makes meaningless, a lockout that lifts at once.
 */
export const duration = defineRule({
  meta: {
    id: 'duration',
    severity: 'error',
    phase: 'lint',
    description: text(
      'Durations that parse but make no sense: zero time limits, limits over a day, question limits longer ',
      'than the exam, a zero lockout.',
    ),
    messages: {
      zeroLimit: 'a time limit of "{{text}}" leaves no time to answer; use a positive duration such as 90s or 25m',
      overADay:
        'a time limit of "{{text}}" is longer than a day; did you mean minutes (m) rather than hours (h) or days (d)?',
      longerThanExam:
        "this question's time limit ({{text}}) is longer than the whole exam's ({{exam}}), so it never applies",
      zeroLockout:
        'a lockout of "{{text}}" lifts at once, so "max_attempts" has no effect; use a real duration or "permanent"',
    },
  },
  create(context) {
    return {
      lintBank({ loaded, sound }) {
        if (!sound) return;
        const raw = loaded.parsed!.value as BankFile;
        const limit = (text: string | undefined, path: PathSegment[]): number | undefined => {
          if (text === undefined) return undefined;
          const ms = parseDuration(text);
          if (ms === undefined) return undefined; // the schema reports it
          if (ms === 0) context.report({ path, messageId: 'zeroLimit', data: { text } });
          else if (ms > DAY_MS) context.report({ path, severity: 'warning', messageId: 'overADay', data: { text } });
          return ms;
        };
        const examLimit = limit(raw.exam?.time_limit, ['exam', 'time_limit']);
        raw.questions.forEach((question, q) => {
          const path = ['questions', q, 'time_limit'];
          const ms = limit(question.time_limit, path);
          if (ms !== undefined && examLimit && ms > examLimit)
            context.report({
              path,
              severity: 'warning',
              messageId: 'longerThanExam',
              data: { text: question.time_limit!, exam: formatDuration(examLimit) },
            });
        });
        const lockout = raw.exam?.retake?.lockout;
        if (lockout !== undefined && lockout !== 'permanent' && parseDuration(lockout) === 0)
          context.report({
            path: ['exam', 'retake', 'lockout'],
            severity: 'warning',
            messageId: 'zeroLockout',
            data: { text: lockout },
          });
      },
    };
  },
});
