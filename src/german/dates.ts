import type { IsoDate } from './types.js';

/** `2022-03-16` → `16.03.2022`, the form German administrations write. Works on the string: no time zones. */
export function formatDate(date: IsoDate): string {
  const [y, m, d] = date.split('-');
  return `${d}.${m}.${y}`;
}

/** `2021-10-15` → `15.10.21`, the short form of lists in the Vorlage ("seit dem 15.10.21"). */
export function formatDateShort(date: IsoDate): string {
  const [y, m, d] = date.split('-');
  return `${d}.${m}.${y!.slice(2)}`;
}
