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
