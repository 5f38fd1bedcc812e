import { mediaPathStaysInside } from '../../content/resolve.js';
import { defineRule } from '../rule.js';

/**
 * A media file that leaves the bank's folder (error) or does not exist (warning). Shared banks are
 * untrusted: a path such as `../../etc/passwd`, or a link inside the folder pointing out of it,
 * must never be read. The loader looks at the disk; this rule judges what it found.
 */
export const mediaPath = defineRule({
  meta: {
    id: 'media-path',
    severity: 'error',
    phase: 'load',
    description: "A media file that leaves the bank's folder (error) or does not exist (warning).",
    messages: {
      leavesFolder: `media path "{{path}}" leaves the bank's folder; keep media files beside the bank`,
      missing: 'question "{{question}}": media file "{{path}}" does not exist',
      linksOutside: `question "{{question}}": media file "{{path}}" links outside the bank's folder`,
    },
  },
  create(context) {
    return {
      bank({ questions }) {
        for (const { raw: q, index } of questions) {
          (q.media ?? []).forEach((m, i) => {
            if (!mediaPathStaysInside(m.path, context.file))
              context.report({
                path: ['questions', index, 'media', i, 'path'],
                messageId: 'leavesFolder',
                data: { path: m.path },
              });
          });
        }
      },
      loadedBank({ media }) {
        for (const one of media) {
          const path = ['questions', one.question, 'media', one.media, 'path'];
          const data = { question: one.questionId, path: one.path };
          if (one.state === 'missing')
            context.report({ path, describe: false, severity: 'warning', messageId: 'missing', data });
          else context.report({ path, describe: false, messageId: 'linksOutside', data });
        }
      },
    };
  },
});
