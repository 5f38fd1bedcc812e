import { listed } from '../listed.js';
import { defineRule } from '../rule.js';

/** A rating or preference question names a scale the guideline does not define. */
export const unknownScale = defineRule({
  meta: {
    id: 'unknown-scale',
    severity: 'error',
    phase: 'load',
    description: 'A rating or preference question names a scale the guideline does not define.',
    messages: {
      notDefined: 'scale "{{scale}}" is not defined in guideline "{{guideline}}"',
      notDefinedAmong: 'scale "{{scale}}" is not defined in guideline "{{guideline}}" (it has {{known}})',
    },
  },
  create(context) {
    return {
      bank({ questions, guideline }) {
        if (!guideline) return;
        const known = Object.keys(guideline.scales);
        for (const { raw: q, index } of questions) {
          if ((q.type !== 'rating' && q.type !== 'preference') || typeof q.scale !== 'string') continue;
          if (Object.hasOwn(guideline.scales, q.scale)) continue;
          const path = ['questions', index, 'scale'];
          const data = { scale: q.scale, guideline: guideline.id };
          if (known.length === 0) context.report({ path, messageId: 'notDefined', data });
          else context.report({ path, messageId: 'notDefinedAmong', data: { ...data, known: listed(known) } });
        }
      },
    };
  },
});
