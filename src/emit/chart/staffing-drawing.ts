/**
 * The staffing chart (src/model/staffing-series.ts) as a drawing: axes with German labels, one dashed
 * step line (planned) and one solid step line (filled) per module, each module with its own marker shape
 * and grey-distinct colour, so the chart reads in greyscale too; a legend below. Only geometry: the
 * numbers come from the model, the writers (svg.ts, the PDF) only translate shapes.
 */
import { formatDate, formatDecimal } from '../../german/index.js';
import { dayAfter } from '../../model/dates.js';
import type { StaffingChartModel, StaffingSeries, StaffingStep } from '../../model/staffing-series.js';
import type { Drawing, PathShape, Shape } from './drawing.js';

/** Drawing units are pt: the PDF sets the chart at the width of the text column (about 468 pt). */
const WIDTH = 460;
// Room right of the plot for half a month label ("März 2022" under the last tick), in any viewer's font.
const PLOT = { left: 42, right: WIDTH - 28, top: 24, height: 170 };
const LEGEND_ROW = 14;
const FONT = 8;
const INK = '#000000';
const GRID = '#c8c8c8';
/** Dark blue, orange, green, purple, brown: apart in hue and in lightness. */
const COLOURS = ['#1f4e79', '#c55a11', '#2e7d32', '#6a1b9a', '#5d4037'];
type Marker = 'square' | 'triangle' | 'diamond' | 'circle' | 'cross';
const MARKERS: Marker[] = ['square', 'triangle', 'diamond', 'circle', 'cross'];
const PLANNED_DASH = [5, 3];
const MONTHS = ['Jan.', 'Feb.', 'März', 'Apr.', 'Mai', 'Juni', 'Juli', 'Aug.', 'Sept.', 'Okt.', 'Nov.', 'Dez.'];

export function staffingDrawing(chart: StaffingChartModel): Drawing {
  const plotBottom = PLOT.top + PLOT.height;
  const height = plotBottom + 22 + LEGEND_ROW * chart.series.length + 4;
  const start = dayNumber(chart.from);
  // The axis ends with the Stand's day, so a change on that day still shows as a step.
  const end = dayNumber(dayAfter(chart.to));
  const x = (date: string): number => PLOT.left + ((dayNumber(date) - start) / (end - start)) * (PLOT.right - PLOT.left);
  const top = axisTop(chart.series);
  const y = (value: number): number => plotBottom - (value / top.max) * PLOT.height;
  const shapes: Shape[] = [];

  // Grid and value axis: a light line at each value, its figure to the left; the unit above.
  for (let v = 0; v <= top.max + 1e-9; v += top.step) {
    shapes.push(line([[PLOT.left, y(v)], [PLOT.right, y(v)]], v === 0 ? INK : GRID, v === 0 ? 0.75 : 0.5));
    shapes.push(text(PLOT.left - 5, y(v) + FONT * 0.35, formatDecimal(v), 'end'));
  }
  shapes.push(line([[PLOT.left, PLOT.top], [PLOT.left, plotBottom]], INK, 0.75));
  shapes.push(text(PLOT.left - 5, PLOT.top - 10, chart.unit, 'start'));
  shapes.push(text(PLOT.right, PLOT.top - 10, `Stand: ${formatDate(chart.to)}`, 'end'));

  // Time axis: a tick and a month label at the first of every k-th month.
  for (const tick of monthTicks(chart.from, dayAfter(chart.to))) {
    const tx = x(tick.date);
    shapes.push(line([[tx, plotBottom], [tx, plotBottom + 4]], INK, 0.75));
    shapes.push(text(tx, plotBottom + 13, tick.label, 'middle'));
  }

  chart.series.forEach((series, i) => {
    const colour = COLOURS[i % COLOURS.length]!;
    const marker = MARKERS[i % MARKERS.length]!;
    const planned = stepLine(series.steps, (s) => s.planned, x, y, dayAfter(chart.to));
    for (const points of planned.lines) shapes.push({ kind: 'path', points, closed: false, stroke: { color: colour, width: 1.25, dash: PLANNED_DASH } });
    const filled = stepLine(series.steps, (s) => s.filled, x, y, dayAfter(chart.to));
    for (const points of filled.lines) shapes.push({ kind: 'path', points, closed: false, stroke: { color: colour, width: 1.75 } });
    for (const [px, py] of planned.corners) shapes.push(markerShape(marker, px, py, colour, false));
    for (const [px, py] of filled.corners) shapes.push(markerShape(marker, px, py, colour, true));

    // Legend: "Modul 1   - - ◇ geplant   —◆— besetzt".
    const ly = plotBottom + 22 + LEGEND_ROW * i + 6;
    const lx = PLOT.left;
    shapes.push({ ...text(lx, ly + FONT * 0.35, series.label, 'start'), bold: true });
    shapes.push({ kind: 'path', points: [[lx + 90, ly], [lx + 116, ly]], closed: false, stroke: { color: colour, width: 1.25, dash: PLANNED_DASH } });
    shapes.push(markerShape(marker, lx + 103, ly, colour, false));
    shapes.push(text(lx + 122, ly + FONT * 0.35, 'geplant', 'start'));
    shapes.push({ kind: 'path', points: [[lx + 180, ly], [lx + 206, ly]], closed: false, stroke: { color: colour, width: 1.75 } });
    shapes.push(markerShape(marker, lx + 193, ly, colour, true));
    shapes.push(text(lx + 212, ly + FONT * 0.35, 'besetzt', 'start'));
  });
  return { width: WIDTH, height, shapes };
}

/**
 * A step line through the values: level from each step's day to the next, vertical at the change; the
 * last level runs to the axis end. A null value (before the first plan) breaks the line. `corners` are
 * the points where a value begins (markers).
 */
function stepLine(
  steps: readonly StaffingStep[],
  value: (s: StaffingStep) => number | null,
  x: (date: string) => number,
  y: (v: number) => number,
  axisEnd: string,
): { lines: [number, number][][]; corners: [number, number][] } {
  const lines: [number, number][][] = [];
  const corners: [number, number][] = [];
  let current: [number, number][] | undefined;
  steps.forEach((step, i) => {
    const v = value(step);
    if (i > 0 && v === value(steps[i - 1]!)) return;
    if (v === null) {
      current = undefined;
      return;
    }
    const next = steps.slice(i + 1).find((s) => value(s) !== v);
    const x0 = x(step.date);
    const x1 = x(next?.date ?? axisEnd);
    if (!current) lines.push((current = []));
    current.push([x0, y(v)], [x1, y(v)]);
    corners.push([x0, y(v)]);
  });
  return { lines, corners };
}

/** The top of the value axis and the distance of its lines: 1, 2, 5, 10 … apart, at most six lines. */
function axisTop(series: readonly StaffingSeries[]): { max: number; step: number } {
  const largest = Math.max(1, ...series.flatMap((s) => s.steps.flatMap((step) => [step.planned ?? 0, step.filled])));
  for (let magnitude = 0.5; ; magnitude *= 10) {
    for (const step of [magnitude, magnitude * 2, magnitude * 5]) {
      if (Math.ceil(largest / step - 1e-9) <= 6) return { max: Math.ceil(largest / step - 1e-9) * step, step };
    }
  }
}

/** The first days of months between two days, every k-th month (k = 1, 2, 3, 6, 12 …) so that at most eight are labelled. */
function monthTicks(from: string, to: string): { date: string; label: string }[] {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  const first = fy * 12 + fm - 1 + (from.endsWith('-01') ? 0 : 1);
  const last = ty * 12 + tm - 1;
  for (const k of [1, 2, 3, 6, 12, 24, 60, 120]) {
    const months: number[] = [];
    for (let m = first; m <= last; m++) if (m % k === 0) months.push(m);
    if (months.length <= 8) {
      return months.map((m) => {
        const year = Math.floor(m / 12);
        const month = (m % 12) + 1;
        return { date: `${year}-${String(month).padStart(2, '0')}-01`, label: k >= 12 ? String(year) : `${MONTHS[month - 1]} ${year}` };
      });
    }
  }
  return [];
}

/** Days since 1970-01-01 of an ISO date, computed on the string (no time zone). */
function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

function line(points: [number, number][], color: string, width: number): PathShape {
  return { kind: 'path', points, closed: false, stroke: { color, width } };
}

function text(x: number, y: number, content: string, anchor: 'start' | 'middle' | 'end') {
  return { kind: 'text' as const, x, y, text: content, size: FONT, anchor, bold: false, color: INK };
}

/** A marker centred on a point: filled for the filled posts, white inside for the plan. */
function markerShape(marker: Marker, cx: number, cy: number, colour: string, filled: boolean): PathShape {
  const r = 3.2;
  const polygon: [number, number][] =
    marker === 'square'
      ? [[cx - r * 0.85, cy - r * 0.85], [cx + r * 0.85, cy - r * 0.85], [cx + r * 0.85, cy + r * 0.85], [cx - r * 0.85, cy + r * 0.85]]
      : marker === 'triangle'
        ? [[cx, cy - r * 1.1], [cx + r, cy + r * 0.75], [cx - r, cy + r * 0.75]]
        : marker === 'diamond'
          ? [[cx, cy - r * 1.15], [cx + r * 1.15, cy], [cx, cy + r * 1.15], [cx - r * 1.15, cy]]
          : marker === 'circle'
            ? Array.from({ length: 12 }, (_, i): [number, number] => [cx + r * Math.cos((i * Math.PI) / 6), cy + r * Math.sin((i * Math.PI) / 6)])
            : [[cx - r, cy - r * 0.35], [cx - r * 0.35, cy - r * 0.35], [cx - r * 0.35, cy - r], [cx + r * 0.35, cy - r], [cx + r * 0.35, cy - r * 0.35], [cx + r, cy - r * 0.35], [cx + r, cy + r * 0.35], [cx + r * 0.35, cy + r * 0.35], [cx + r * 0.35, cy + r], [cx - r * 0.35, cy + r], [cx - r * 0.35, cy + r * 0.35], [cx - r, cy + r * 0.35]];
  return { kind: 'path', points: polygon, closed: true, fill: filled ? colour : '#ffffff', stroke: { color: colour, width: 1 } };
}
