import type { IsoDate, StaffMember } from './types.js';

/** ISO dates compare correctly as strings; these helpers keep that idea in one place. */
export const isBefore = (a: IsoDate, b: IsoDate): boolean => a < b;
export const isOnOrBefore = (a: IsoDate, b: IsoDate): boolean => a <= b;
export const yearOf = (date: IsoDate): number => Number(date.slice(0, 4));

/** The day after `date`, computed in UTC so no time zone or DST can move it. */
export function nextDay(date: IsoDate): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** In post on `date`: started on or before it and not yet left (the end date is the last working day). */
export function inPostOn(staff: Pick<StaffMember, 'start' | 'end'>, date: IsoDate): boolean {
  return staff.start <= date && (staff.end === undefined || staff.end >= date);
}

/** Two periods [from, to] (to open = undefined) share at least one day. */
export function periodsOverlap(a: { from: IsoDate; to?: IsoDate }, b: { from: IsoDate; to?: IsoDate }): boolean {
  return (a.to === undefined || b.from <= a.to) && (b.to === undefined || a.from <= b.to);
}
