import type { IsoDate, ProgrammeModule, Programme } from './types.js';

/** Planned FTE of a module on a day: the latest plan period that has begun, or undefined before any. */
export function plannedFteOn(module: ProgrammeModule, date: IsoDate): number | undefined {
  let found: { from: IsoDate; fte: number } | undefined;
  for (const period of module.plannedFte) {
    if (period.from <= date && (!found || period.from >= found.from)) found = period;
  }
  return found?.fte;
}

/** Funding per FTE for a calendar year; undefined when the data has no rate for that year. */
export function fundingRateFor(programme: Programme, year: number): number | undefined {
  return programme.fundingRates.find((r) => r.year === year)?.amount;
}
