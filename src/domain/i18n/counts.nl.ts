import type { countsEn } from './counts.en';

/** Dutch for `countsEn`; spread into `nl`. */
export const countsNl: Readonly<Record<keyof typeof countsEn, string>> = {
  'count.atLeast': '{count}+',
  'count.openTasksAtLeast': '{count}+ openstaande taken',
  'count.signalsAtLeast': '{count}+ signalen',
  'count.newAtLeast': '{count}+ nieuw',
  'list.moreInsiteUncounted': 'en meer — open AFAS InSite om ze allemaal te zien',
};
