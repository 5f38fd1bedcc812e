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
      tooLarge: 'the file is {{size}}; content and answers files are limited to {{limit}}',
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
