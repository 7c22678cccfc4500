/**
 * The staffing chart's outputs: one drawing, written as the SVG file beside the Markdown and handed to
 * the PDF. Loaded only for a Vorlage with `show.chart` (src/report-run.ts imports it on demand).
 */
import type { StaffingChartModel } from '../../model/staffing-series.js';
import type { Drawing } from './drawing.js';
import { staffingDrawing } from './staffing-drawing.js';
import { drawingSvg } from './svg.js';

export type { Drawing } from './drawing.js';

export function chartOutputs(chart: StaffingChartModel): { drawing: Drawing; svg: string } {
  const drawing = staffingDrawing(chart);
  return { drawing, svg: drawingSvg(drawing, chart.alt) };
}
