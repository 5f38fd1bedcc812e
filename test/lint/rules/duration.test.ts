import { duration } from '../../../src/lint/rules/duration.js';
import { bankYaml } from '../../helpers.js';
import { PLAIN_QUESTION, testRule } from '../rule-tester.js';

testRule(duration, {
  valid: [
    {
      name: 'sensible limits and waits',
      files: {
        'bank.yaml': bankYaml(
          PLAIN_QUESTION + '    time_limit: 90s\n',
          'exam:\n  time_limit: 25m\n  retake: {waits: [24h], max_attempts: 3, lockout: 30d}\n',
        ),
      },
    },
  ],
  invalid: [
    {
      name: 'a zero exam time limit',
      files: { 'bank.yaml': bankYaml(PLAIN_QUESTION, 'exam:\n  time_limit: 0m\n') },
      problems: [{ at: 'bank.yaml:7:15', severity: 'error', messageId: 'zeroLimit' }],
    },
    {
      name: 'a unit slip: 25h for an exam',
      files: { 'bank.yaml': bankYaml(PLAIN_QUESTION, 'exam:\n  time_limit: 25h\n') },
      problems: [{ at: 'bank.yaml:7:15', severity: 'warning', messageId: 'overADay' }],
    },
    {
      name: "a question limit longer than the exam's",
      files: { 'bank.yaml': bankYaml(PLAIN_QUESTION + '    time_limit: 30m\n', 'exam:\n  time_limit: 10m\n') },
      problems: [{ at: 'bank.yaml:17:17', severity: 'warning', messageId: 'longerThanExam' }],
    },
    {
      name: 'a lockout that lifts at once',
      files: { 'bank.yaml': bankYaml(PLAIN_QUESTION, 'exam:\n  retake:\n    max_attempts: 2\n    lockout: 0d\n') },
      problems: [{ at: 'bank.yaml:9:14', severity: 'warning', messageId: 'zeroLockout' }],
    },
  ],
});
