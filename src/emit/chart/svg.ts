/**
 * A drawing (drawing.ts) as an SVG file: the chart beside the Markdown Vorlage. The same drawing gives
 * the same bytes: shapes in order, coordinates with at most two decimals, no time, no random ids.
 * The title element carries the alternate text, so a viewer that shows the file alone still says what
 * it shows.
 */
import type { Drawing, Shape } from './drawing.js';

/** Numbers with at most two decimals, no "-0". */
function n(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const ANCHOR = { start: 'start', middle: 'middle', end: 'end' } as const;

export function drawingSvg(drawing: Drawing, alt: string): string {
  const lines = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(drawing.width)}pt" height="${n(drawing.height)}pt" viewBox="0 0 ${n(drawing.width)} ${n(drawing.height)}" role="img" aria-labelledby="title" font-family="'Source Sans 3', 'Source Sans Pro', Arial, sans-serif">`,
    `<title id="title">${escapeXml(alt)}</title>`,
    `<rect width="${n(drawing.width)}" height="${n(drawing.height)}" fill="#ffffff"/>`,
    ...drawing.shapes.map(shapeSvg),
    '</svg>',
  ];
  return `${lines.join('\n')}\n`;
}

function shapeSvg(shape: Shape): string {
  if (shape.kind === 'text') {
    const weight = shape.bold ? ' font-weight="bold"' : '';
    return `<text x="${n(shape.x)}" y="${n(shape.y)}" font-size="${n(shape.size)}" text-anchor="${ANCHOR[shape.anchor]}" fill="${shape.color}"${weight}>${escapeXml(shape.text)}</text>`;
  }
  const points = shape.points.map(([x, y]) => `${n(x)},${n(y)}`).join(' ');
  const fill = `fill="${shape.fill ?? 'none'}"`;
  const stroke = shape.stroke
    ? ` stroke="${shape.stroke.color}" stroke-width="${n(shape.stroke.width)}" stroke-linejoin="miter"${shape.stroke.dash ? ` stroke-dasharray="${shape.stroke.dash.map(n).join(' ')}"` : ''}`
    : '';
  return `<${shape.closed ? 'polygon' : 'polyline'} points="${points}" ${fill}${stroke}/>`;
}
