import { computeItemStats } from '../../stats/item-stats.js';
import { statsMessages } from '../../stats/messages.js';
import { problemAt } from '../report.js';
import { soundBanks } from '../targets.js';
import type { LintRule } from '../types.js';

const messages = {
  flagged: (text: string, sections: string) => `${text} (guideline section ${sections})`,
};

/**
 * With `--stats <db>`: questions that the pooled attempts show to be too easy, too hard, or not
 * telling strong learners from weak ones (zero or negative discrimination: check the key).
 */
export const itemStats: LintRule = {
  meta: {
    id: 'item-stats',
    severity: 'warning',
    description:
      'With `--stats <db>`: questions whose facility or discrimination in pooled attempts suggests a problem.',
  },
  messages,
  check(context) {
    const pooled = context.pooledAttempts;
    if (!pooled) return [];
    return soundBanks(context).flatMap((loaded) => {
      const attempts = pooled.get(loaded.bank.id);
      if (!attempts?.length) return [];
      return computeItemStats({ bank: loaded.bank, guideline: loaded.bankGuideline }, attempts).flatMap((item) =>
        item.flags.map((flag) =>
          problemAt(
            loaded,
            ['questions', item.index],
            'item-stats',
            'warning',
            messages.flagged(statsMessages.flag(flag, item), item.sections.map((s) => `${s.id} ${s.title}`).join(', ')),
          ),
        ),
      );
    });
  },
};
