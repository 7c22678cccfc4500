/**
 * A vector drawing as both writers take it: the SVG file beside the Markdown (svg.ts) and the PDF's
 * figure (src/emit/pdf/writer/draw.ts). Plain shapes in a box of `width` × `height` units, y pointing
 * down; the writers only translate them, so the chart looks the same in both.
 */
export interface Drawing {
  width: number;
  height: number;
  shapes: Shape[];
}

export type Shape = PathShape | TextShape;

/** An open polyline or a closed polygon, stroked and/or filled. */
export interface PathShape {
  kind: 'path';
  points: readonly (readonly [number, number])[];
  closed: boolean;
  /** A colour as "#rrggbb"; none: not filled. */
  fill?: string;
  stroke?: { color: string; width: number; /** Dash and gap lengths; none: solid. */ dash?: readonly number[] };
}

/** One line of text; `y` is its baseline. */
export interface TextShape {
  kind: 'text';
  x: number;
  y: number;
  text: string;
  size: number;
  anchor: 'start' | 'middle' | 'end';
  bold: boolean;
  color: string;
}
