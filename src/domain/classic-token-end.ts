import { amsterdamWallClockMs } from './amsterdam-time';

/** AFAS: "Classic token (vervalt per 31 augustus 2027)": the last day classic tokens work. */
export const CLASSIC_TOKENS_LAST_DAY = '2027-08-31';

/** From 1 June 2027 (Amsterdam) app owners are warned while users of a connection still have a classic token. */
export const CLASSIC_END_WARNING_FROM = new Date(amsterdamWallClockMs(2027, 6, 1));

/** Whether the admin screen warns that classic tokens end: from the warning date on, while any remain. */
export function warnsOfClassicEnd(now: Date, classicUsers: number): boolean {
  return classicUsers > 0 && now.getTime() >= CLASSIC_END_WARNING_FROM.getTime();
}
