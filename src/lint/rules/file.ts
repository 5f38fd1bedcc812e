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
    },
  },
  create(context) {
    return {
      unreadable({ reason }) {
        const at = { line: 1, column: 1 };
        if (reason.kind === 'error') context.report({ ...at, messageId: 'cannotRead', data: { code: reason.code } });
        else context.report({ ...at, messageId: 'tooLarge', data: reason.data });
      },
    };
  },
});
