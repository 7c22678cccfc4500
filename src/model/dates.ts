import type { IsoDate, StaffMember } from './types.js';
import { isMonthOnly } from '../german/index.js';

/*
 * Dates are ISO strings (`2022-03-16`) throughout, never Date objects: they compare correctly as strings,
 * and no time zone can move them.
 *
 * Where the record names only the month (`2021-09`: staff start and end, cooperation agreements), kim
 * computes with a day and prints the month: a start or an agreement counts from the month's first day,
 * an end up to its last day (someone who left "im September" was in post in September). Where that
 * choice could decide a fact (the month contains a report's Stand or its session), validation refuses
 * the month and asks for the day (rules/month-dates.ts).
 */

/** The day a start (or an event) known to the month counts from: `2021-09` → `2021-09-01`; a day stays itself. */
export const startDay = (date: IsoDate): IsoDate => (isMonthOnly(date) ? `${date}-01` : date);

/** The day an end known to the month counts to: `2021-09` → `2021-09-30`, `2024-02` → `2024-02-29`; a day stays itself. */
export function endDay(date: IsoDate): IsoDate {
  if (!isMonthOnly(date)) return date;
  const [y, m] = date.split('-').map(Number) as [number, number];
  return `${date}-${String(daysIn(y, m)).padStart(2, '0')}`;
}

function daysIn(y: number, m: number): number {
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}
export const yearOf = (date: IsoDate): number => Number(date.slice(0, 4));

/** In post on `date`: started on or before it and not yet left (the end date is the last working day). */
export function inPostOn(staff: Pick<StaffMember, 'start' | 'end'>, date: IsoDate): boolean {
  return startDay(staff.start) <= date && (staff.end === undefined || endDay(staff.end) >= date);
}

/** Two periods [from, to] (to open = undefined) share at least one day. */
export function periodsOverlap(a: { from: IsoDate; to?: IsoDate }, b: { from: IsoDate; to?: IsoDate }): boolean {
  return (a.to === undefined || b.from <= a.to) && (b.to === undefined || a.from <= b.to);
}

/** The day after `date` (`2022-07-31` → `2022-08-01`, `2024-02-28` → `2024-02-29`), on the string. */
export function dayAfter(date: IsoDate): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const days = daysIn(y, m);
  const [ny, nm, nd] = d < days ? [y, m, d + 1] : m < 12 ? [y, m + 1, 1] : [y + 1, 1, 1];
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(nd).padStart(2, '0')}`;
}
