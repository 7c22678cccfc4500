/**
 * The staffing chart's facts (report.yaml `show.chart`, fact block `diagramm`): planned and filled posts
 * of each module over time, as steps from the first plan to the Stand, and the sentence that states them
 * for readers who cannot see the chart (its alternate text). Pure, like the rest of the model; the
 * drawing (src/emit/chart/) only scales these numbers into a box.
 *
 * Loaded only for a report that asks for the chart (src/render/render-report.ts imports it on demand), so
 * a run without chart neither loads nor computes it.
 */
import { formatDate, formatQuantity } from '../german/index.js';
import { indexOf } from './dataset-index.js';
import { dayAfter, inPostOn } from './dates.js';
import { fteOn, plannedFteOn } from './fte.js';
import { sumFte } from './staff-groups.js';
import { unitWords, type TermsModel } from './terms.js';
import type { Dataset, IsoDate } from './types.js';

/** The values from one day on, until the next step. */
export interface StaffingStep {
  date: IsoDate;
  /** Planned posts in force; null before the module's first plan period. */
  planned: number | null;
  filled: number;
}

export interface StaffingSeries {
  moduleId: string;
  /** "Modul 2", "Baustein II": the module word and number of the data. */
  label: string;
  /** From the chart's first day; a new step only where a value changes. Never empty. */
  steps: StaffingStep[];
}

export interface StaffingChartModel {
  /** First day of the time axis: the first plan period of the modules shown (or an earlier start of staff). */
  from: IsoDate;
  /** Last day: the report's Stand. */
  to: IsoDate;
  /** The unit of the data, for the axis: "VZÄ", "Stellen". */
  unit: string;
  series: StaffingSeries[];
  /** What the chart shows, in words: the alternate text of the figure. */
  alt: string;
}

/** One module as the chart needs it: its id and its label in the Vorlage (ModuleModel has both). */
export interface ChartModule {
  id: string;
  label: string;
}

/**
 * The chart of the modules a Vorlage shows (in their order), up to the Stand; null when none has a plan
 * or staff by then (nothing to draw).
 */
export function staffingChart(data: Dataset, stand: IsoDate, modules: readonly ChartModule[], terms: TermsModel): StaffingChartModel | null {
  const index = indexOf(data);
  const byId = new Map(data.programme.modules.map((m) => [m.id, m]));
  const inputs = modules.map((m) => ({ chart: m, module: byId.get(m.id)!, staff: index.staffByModule.get(m.id) ?? [] }));
  // Every day on which a plan or a post changes: a plan period begins, someone starts, someone's post
  // changes, or the day after someone's last day.
  const days = new Set<IsoDate>();
  for (const { module, staff } of inputs) {
    for (const period of module.plannedFte) days.add(period.from);
    for (const s of staff) {
      days.add(s.start);
      for (const change of s.fteChanges ?? []) days.add(change.from);
      if (s.end !== undefined) days.add(dayAfter(s.end));
    }
  }
  const firstPlan = min(inputs.flatMap(({ module }) => module.plannedFte.map((p) => p.from)));
  const firstStart = min(inputs.flatMap(({ staff }) => staff.map((s) => s.start)));
  const from = min([firstPlan, firstStart].filter((d): d is IsoDate => d !== undefined));
  if (from === undefined || from > stand) return null;
  const sorted = [...days].filter((d) => d > from && d <= stand).sort();
  const series = inputs.map(({ chart, module, staff }): StaffingSeries => {
    const at = (date: IsoDate): StaffingStep => ({
      date,
      planned: plannedFteOn(module, date) ?? null,
      filled: sumFte(staff.filter((s) => inPostOn(s, date)).map((s) => ({ fte: fteOn(s, date) }))),
    });
    const steps = [at(from)];
    for (const date of sorted) {
      const step = at(date);
      const last = steps[steps.length - 1]!;
      if (step.planned !== last.planned || step.filled !== last.filled) steps.push(step);
    }
    return { moduleId: chart.id, label: chart.label, steps };
  });
  const unit = terms.unit.short;
  return { from, to: stand, unit, series, alt: altText(from, stand, series, terms) };
}

/**
 * "Diagramm: geplante und besetzte Stellen vom 01.01.2021 bis zum 01.03.2022. Modul 1: geplant 3,5 VZÄ
 * seit dem 01.01.2021, besetzt 3,5 VZÄ seit dem 10.01.2022. …": the figures at the Stand, each with the
 * day since which it holds (the last step of its line), and when the first post was filled; a module whose
 * staff have all left is "nicht mehr besetzt seit dem …".
 */
function altText(from: IsoDate, to: IsoDate, series: readonly StaffingSeries[], terms: TermsModel): string {
  const unit = unitWords(terms);
  const quantity = (n: number): string => formatQuantity(n, unit);
  const parts = series.map((s) => {
    const last = s.steps[s.steps.length - 1]!;
    const plannedSince = sinceOf(s.steps, (step) => step.planned);
    const filledSince = sinceOf(s.steps, (step) => step.filled);
    const planned = last.planned === null ? 'noch ohne Plan' : `geplant ${quantity(last.planned)} seit dem ${formatDate(plannedSince)}`;
    const firstFilled = s.steps.find((step) => step.filled > 0);
    // Everyone left: "nicht mehr besetzt" since the day the last one left, not "noch nicht" (it was).
    const filled =
      last.filled > 0
        ? `besetzt ${quantity(last.filled)} seit dem ${formatDate(filledSince)}`
        : firstFilled
          ? `nicht mehr besetzt seit dem ${formatDate(filledSince)}`
          : 'noch nicht besetzt';
    const first = firstFilled && firstFilled.date !== filledSince ? ` (erstmals besetzt am ${formatDate(firstFilled.date)})` : '';
    return `${s.label}: ${planned}, ${filled}${first}.`;
  });
  return [`Diagramm der geplanten und besetzten ${terms.unit.plural} je ${terms.moduleWord.singular} vom ${formatDate(from)} bis zum ${formatDate(to)}.`, ...parts].join(' ');
}

/** The first day of the last run of equal values: since when the value at the Stand holds. */
function sinceOf<T>(steps: readonly StaffingStep[], value: (step: StaffingStep) => T): IsoDate {
  let i = steps.length - 1;
  while (i > 0 && value(steps[i - 1]!) === value(steps[i]!)) i--;
  return steps[i]!.date;
}

function min(dates: readonly IsoDate[]): IsoDate | undefined {
  return dates.reduce<IsoDate | undefined>((a, b) => (a === undefined || b < a ? b : a), undefined);
}
