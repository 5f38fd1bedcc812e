import type { ItemFlag, ItemStats } from './item-stats.js';

const percent = (share: number) => `${Math.round(share * 100)}%`;
const decimal = (n: number) => n.toFixed(2);
const earned = (item: ItemStats) => {
  const attempts = `${item.attempts} attempt${item.attempts === 1 ? '' : 's'}`;
  return `${percent(item.facility!)} of its points earned on average over ${attempts}`;
};

/** The user-facing text of item statistics (reports and lint warnings). */
export const statsMessages = {
  flag: (flag: ItemFlag, item: ItemStats): string => {
    switch (flag) {
      case 'too-easy':
        return `too easy: ${earned(item)} (above 90%)`;
      case 'too-hard':
        return `too hard: ${earned(item)} (below 20%)`;
      case 'check-key':
        return (
          `discrimination ${decimal(item.discrimination!)}: ` +
          'learners who scored well on the rest did no better on this question; check the key'
        );
    }
  },
  flagLabel: { 'too-easy': 'too easy', 'too-hard': 'too hard', 'check-key': 'check the key' } as Record<
    ItemFlag,
    string
  >,
  title: (bank: string) => `Question statistics: ${bank}`,
  summary: (attempts: number, learners: number) =>
    `${attempts} finished attempt${attempts === 1 ? '' : 's'} by ${learners} learner${learners === 1 ? '' : 's'}. ` +
    'Facility: the mean share of points earned (0 to 1). ' +
    "Discrimination: how the question's score correlates with the rest of the attempt (-1 to 1).",
  noAttempts: (bank: string) =>
    `No finished attempts at "${bank}" in this database yet: ` +
    `merge your group's exports into it first ("qualify merge <files> --db group.db").`,
  notDrawn: 'never drawn',
  undefinedFigure: '–',
  decimal,
  percent,
};
