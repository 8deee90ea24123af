/**
 * Counts that are a lower bound: AFAS holds more items than were read (the row cap), so the number
 * is shown with a "+" ("500+ open tasks"), as AFAS Pocket does. Spread into `en`.
 */
export const countsEn = {
  'count.atLeast': '{count}+',
  'count.openTasksAtLeast': '{count}+ open tasks',
  'count.signalsAtLeast': '{count}+ signals',
  'count.newAtLeast': '{count}+ new',
  'list.moreInsiteUncounted': 'and more — open AFAS InSite to see them all',
} as const;
