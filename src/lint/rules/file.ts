import { TOO_LARGE_MESSAGE } from '../../content/file-messages.js';
import { defineRule } from '../rule.js';

/** A content file that cannot be read: the loader tries, this rule says why it failed. */
export const fileRead = defineRule({
  meta: {
    id: 'file',
    severity: 'error',
    phase: 'load',
    description: 'A content file that cannot be read (permissions, a folder named like a file).',
    messages: {
      cannotRead: 'cannot read the file ({{code}})',
      tooLarge: TOO_LARGE_MESSAGE,
      tooLargeWhole:
        'the file is {{size}}; a bank over {{limit}} is read one question at a time, so it must be written in ' +
        'the plain layout, which this line breaks: `questions:` at the start of a line, every question ' +
        'starting with "- " at the same indentation, and no line starting with a tab. Write it that way or ' +
        'split it into smaller banks',
    },
  },
  create(context) {
    return {
      unreadable({ reason }) {
        const at = { line: reason.kind === 'too-large-whole' ? Number(reason.data.line) : 1, column: 1 };
        if (reason.kind === 'error') context.report({ ...at, messageId: 'cannotRead', data: { code: reason.code } });
        else if (reason.kind === 'too-large') context.report({ ...at, messageId: 'tooLarge', data: reason.data });
        else context.report({ ...at, messageId: 'tooLargeWhole', data: reason.data });
      },
    };
  },
});
