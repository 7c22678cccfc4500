import type { IsoDate } from './types.js';

/**
 * Whether a day falls in a report's period: after the previous report's Stand, up to and including this
 * Stand (the Stand is the cut-off day, docs/anleitung.md). Without a previous report, everything up to the Stand.
 */
export const inReportPeriod =
  (previousStand: IsoDate | undefined, stand: IsoDate) =>
  (date: IsoDate): boolean =>
    (previousStand === undefined || date > previousStand) && date <= stand;
