import type { IsoDate } from './types.js';

/*
 * Dates are ISO strings: a day `2022-03-16`, or where the record names only the month, `2021-09`
 * (staff start and end, cooperation agreements). A month is printed as such ("September 2021"), never as
 * an invented day.
 */
const MONTHS = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];

/** `2021-09`: only the month is known. */
export const isMonthOnly = (date: IsoDate): boolean => date.length === 7;

/** `2021-09` → `September 2021`. */
const monthName = (date: IsoDate): string => `${MONTHS[Number(date.slice(5, 7)) - 1]!} ${date.slice(0, 4)}`;

/** `2022-03-16` → `16.03.2022`, the form German administrations write; `2021-09` → `September 2021`. Works on the string: no time zones. */
export function formatDate(date: IsoDate): string {
  if (isMonthOnly(date)) return monthName(date);
  const [y, m, d] = date.split('-');
  return `${d}.${m}.${y}`;
}

/** `2021-10-15` → `15.10.21`, the short form of lists in the Vorlage ("seit dem 15.10.21"); a month stays `September 2021`. */
export function formatDateShort(date: IsoDate): string {
  if (isMonthOnly(date)) return monthName(date);
  const [y, m, d] = date.split('-');
  return `${d}.${m}.${y!.slice(2)}`;
}

/** "am 16.03.2022", or for a month "im September 2021". */
export const onDate = (date: IsoDate): string => (isMonthOnly(date) ? `im ${monthName(date)}` : `am ${formatDate(date)}`);

/** "seit dem 15.10.21" (short, in lists) or "seit dem 15.10.2021"; for a month "seit September 2021". */
export const sinceDate = (date: IsoDate, short = false): string =>
  isMonthOnly(date) ? `seit ${monthName(date)}` : `seit dem ${short ? formatDateShort(date) : formatDate(date)}`;
