import { computeItemStats } from '../../stats/item-stats.js';
import { statsMessages } from '../../stats/messages.js';
import { defineRule } from '../rule.js';

/**
 * With `--stats <db>`: questions that the pooled attempts show to be too easy, too hard, or not
 * telling strong learners from weak ones (zero or negative discrimination: check the key).
 */
export const itemStats = defineRule({
  meta: {
    id: 'item-stats',
    severity: 'warning',
    phase: 'lint',
    readsAttempts: true,
    description:
      'With `--stats <db>`: questions whose facility or discrimination in pooled attempts suggests a problem.',
    messages: {
      // The finding's own words come from the stats module, which `qualify stats` shares.
      flagged: '{{finding}} (guideline section {{sections}})',
    },
  },
  create(context) {
    return {
      lintBank({ bank, guideline, sound }) {
        const attempts = context.pooledAttempts?.get(bank.id);
        if (!sound || !guideline || !attempts?.length) return;
        for (const item of computeItemStats({ bank, guideline }, attempts)) {
          const sections = item.sections.map((s) => `${s.id} ${s.title}`).join(', ');
          for (const flag of item.flags)
            context.report({
              path: ['questions', item.index],
              messageId: 'flagged',
              data: { finding: statsMessages.flag(flag, item), sections },
            });
        }
      },
    };
  },
});
