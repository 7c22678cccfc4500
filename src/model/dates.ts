import type { IsoDate, StaffMember } from './types.js';

/*
 * Dates are ISO strings (`2022-03-16`) throughout, never Date objects: they compare correctly as strings,
 * and no time zone can move them.
 */
export const yearOf = (date: IsoDate): number => Number(date.slice(0, 4));

/** In post on `date`: started on or before it and not yet left (the end date is the last working day). */
export function inPostOn(staff: Pick<StaffMember, 'start' | 'end'>, date: IsoDate): boolean {
  return staff.start <= date && (staff.end === undefined || staff.end >= date);
}

/** Two periods [from, to] (to open = undefined) share at least one day. */
export function periodsOverlap(a: { from: IsoDate; to?: IsoDate }, b: { from: IsoDate; to?: IsoDate }): boolean {
  return (a.to === undefined || b.from <= a.to) && (b.to === undefined || a.from <= b.to);
}

/** The day after `date` (`2022-07-31` → `2022-08-01`, `2024-02-28` → `2024-02-29`), on the string. */
export function dayAfter(date: IsoDate): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  const [ny, nm, nd] = d < days ? [y, m, d + 1] : m < 12 ? [y, m + 1, 1] : [y + 1, 1, 1];
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(nd).padStart(2, '0')}`;
}
