import { inReportPeriod } from './report-period.js';
import { by } from '../compare.js';
import type { IsoDate, PlanPeriod, ProgrammeModule, Programme, StaffMember } from './types.js';

/** The plan of a module in force on a day: the latest plan period that has begun, or undefined before any. */
export function planOn(module: ProgrammeModule, date: IsoDate): PlanPeriod | undefined {
  let found: PlanPeriod | undefined;
  for (const period of module.plannedFte) {
    if (period.from <= date && (!found || period.from >= found.from)) found = period;
  }
  return found;
}

/** Planned FTE of a module on a day; undefined before its first plan period. */
export function plannedFteOn(module: ProgrammeModule, date: IsoDate): number | undefined {
  return planOn(module, date)?.fte;
}

/**
 * A person's post on a day: `fte` from the start, then the latest of `fteChanges` that has begun (a
 * reduction from 1 to 0.5 from some day on does not rewrite the Vorlagen before it).
 */
export function fteOn(staff: Pick<StaffMember, 'fte' | 'fteChanges'>, date: IsoDate): number {
  let fte = staff.fte;
  let from = '';
  for (const change of staff.fteChanges ?? []) {
    if (change.from <= date && change.from >= from) {
      fte = change.fte;
      from = change.from;
    }
  }
  return fte;
}

/** Funding per FTE for a calendar year; undefined when the data has no rate for that year. */
export function fundingRateFor(programme: Pick<Programme, 'fundingRates'>, year: number): number | undefined {
  return programme.fundingRates.find((r) => r.year === year)?.amount;
}

/** A change of a module's plan: from one plan period to the next. */
export interface PlanChange {
  period: PlanPeriod;
  previousFte: number;
}

/**
 * The plan changes a report must mention: a plan period (after the first) that took effect in the
 * report's period (after the previous Stand, up to this Stand), or one decided in that period that takes
 * effect later. Without a previous report the period is everything up to the Stand.
 */
export function planChangesBetween(module: ProgrammeModule, previousStand: IsoDate | undefined, stand: IsoDate): (PlanChange & { future: boolean })[] {
  const periods = [...module.plannedFte].sort(by((p) => p.from));
  const inPeriod = inReportPeriod(previousStand, stand);
  const out: (PlanChange & { future: boolean })[] = [];
  for (let i = 1; i < periods.length; i++) {
    const period = periods[i]!;
    const future = period.from > stand;
    const relevant = future ? period.decision !== undefined && inPeriod(period.decision.date) : inPeriod(period.from);
    if (relevant && period.fte !== periods[i - 1]!.fte) out.push({ period, previousFte: periods[i - 1]!.fte, future });
  }
  return out;
}
