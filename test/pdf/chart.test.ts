/**
 * The staffing chart as a clerk gets it: an SVG file beside the Markdown, a vector Figure with alternate
 * text in the tagged PDF, the same bytes every run, kim's own output (cleaned like the others), and its
 * code loaded only by a Vorlage that shows it.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildReports, renderReport } from '../../src/api.js';
import { packageRoot } from '../../src/paths.js';
import { ensureBuilt, runKim } from '../support/cli.js';
import { CURRENT } from '../support/example.js';
import { removeTempDirs, tempDir } from '../support/temp.js';
import { createPdfRenderer } from '../../src/emit/pdf/index.js';
import { staffingDrawing } from '../../src/emit/chart/staffing-drawing.js';
import { SAMPLE_META, openPdf, readPages } from './pdf-helpers.js';
import { pdfObjects } from './pdf-objects.js';

const ALT =
  'Diagramm der geplanten und besetzten Vollzeitäquivalente je Modul vom 01.01.2021 bis zum 01.03.2022. ' +
  'Modul 1: geplant 3,5 VZÄ seit dem 01.01.2021, besetzt 3,5 VZÄ seit dem 10.01.2022 (erstmals besetzt am 01.04.2021). ' +
  'Modul 2: geplant 12 VZÄ seit dem 01.01.2021, besetzt 12 VZÄ seit dem 01.03.2022 (erstmals besetzt am 01.06.2021).';
const SVG = `${CURRENT}.diagramm.svg`;

/** A copy of the shipped data whose current report has `show.chart: true` (or not). */
function dataWithChart(chart: boolean): string {
  const dir = join(tempDir('kim-chart-'), 'data');
  cpSync(join(packageRoot, 'data'), dir, { recursive: true });
  const file = join(dir, 'reports', `${CURRENT}.yaml`);
  writeFileSync(file, readFileSync(file, 'utf8').replace('show:\n  overview: false\n', `show:\n  overview: false\n  chart: ${chart}\n`));
  return dir;
}

let withChart: string;
let rendered: Awaited<ReturnType<typeof renderReport>>;

beforeAll(async () => {
  withChart = dataWithChart(true);
  rendered = await renderReport({ dataDir: withChart, report: CURRENT, formats: ['md', 'pdf'] });
});
afterAll(removeTempDirs);

describe('the chart beside the Markdown', () => {
  test('an SVG file named in the Markdown, titled with the alternate text, with German month labels', () => {
    const svg = rendered.files.find((f) => f.name === SVG)?.content as string;
    expect(rendered.markdown).toContain(`![${ALT}](${SVG})`);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain(`<title id="title">${ALT}</title>`);
    for (const label of ['Jan. 2021', 'März 2021', 'Sept. 2021', 'März 2022', 'Stand: 01.03.2022', 'VZÄ', 'Modul 1', 'Modul 2', 'geplant', 'besetzt']) expect(svg).toContain(`>${label}</text>`);
  });

  test('readable in greyscale: the plan dashed, the filled posts solid, each module with its own marker shape', () => {
    const svg = rendered.files.find((f) => f.name === SVG)!.content as string;
    const dashed = svg.split('\n').filter((l) => l.startsWith('<polyline') && l.includes('stroke-dasharray="5 3"'));
    // Modul 1's and Modul 2's plan, and their two legend samples.
    expect(dashed).toHaveLength(4);
    // Markers: Modul 1 squares (four corners), Modul 2 triangles (three).
    const markers = svg.split('\n').filter((l) => l.startsWith('<polygon')).map((l) => /points="([^"]*)"/.exec(l)![1]!.split(' ').length);
    expect(new Set(markers)).toEqual(new Set([3, 4]));
  });

  test('no personal name in it', () => {
    const svg = rendered.files.find((f) => f.name === SVG)!.content as string;
    for (const name of ['Wiesenthal', 'Oyelaran', 'Hollmichel', 'Yılmaz', 'Halvorsen']) expect(svg).not.toContain(name);
  });
});

describe('the chart in the PDF', () => {
  test('a Figure element with the alternate text and a bounding box, drawn as vector graphics (no image)', async () => {
    const pdf = await openPdf(rendered.pdf!);
    const figures: { role: string; alt?: string }[] = [];
    for (let i = 1; i <= pdf.numPages; i++) {
      const walk = (node: { role?: string; alt?: string; children?: unknown[] }): void => {
        if (node.role === 'Figure') figures.push({ role: node.role, alt: node.alt });
        for (const child of node.children ?? []) walk(child as typeof node);
      };
      walk((await (await pdf.getPage(i)).getStructTree()) as never);
    }
    await pdf.destroy();
    expect(figures).toEqual([{ role: 'Figure', alt: ALT }]);
    const objects = [...pdfObjects(rendered.pdf!).values()];
    expect(objects.find((o) => /\/S \/Figure/.test(o.dict))!.dict).toMatch(/\/BBox \[/);
    // No XObject image: the chart is paths and text in the page's content.
    expect(objects.some((o) => /\/Subtype \/Image/.test(o.dict))).toBe(false);
    const content = objects.map((o) => o.stream?.toString('latin1') ?? '').join('\n');
    expect(content).toContain('[5 3] 0 d');
  });

  // As in tagged-text.test.ts: Debian's PDFBox checks PDF/A-1b only; the file declares part 2 (PDF/A-2a).
  const JARS = ['preflight', 'pdfbox2', 'fontbox2', 'xmpbox', 'commons-logging', 'javax.activation', 'jaxb-api'].map((name) => `/usr/share/java/${name}.jar`);
  const preflight = spawnSync('java', ['-version']).status === 0 && JARS.every((jar) => existsSync(jar));
  test.skipIf(!preflight)('PDFBox preflight finds nothing in the PDF with the chart but that it is PDF/A-2, not PDF/A-1', () => {
    const file = join(tempDir('kim-chart-pdfa-'), 'chart.pdf');
    writeFileSync(file, rendered.pdf!);
    const result = spawnSync('java', ['-cp', JARS.join(':'), 'org.apache.pdfbox.preflight.Validator_A1b', file], { encoding: 'utf8' });
    expect(result.stdout.split('\n').filter((line) => /^\d+(\.\d+)* : /.test(line))).toEqual(['7.11.2 : Error on MetaData, part must be 1']);
  });

  test('the same data give the same bytes, PDF and SVG', async () => {
    const again = await renderReport({ dataDir: withChart, report: CURRENT, formats: ['md', 'pdf'] });
    expect(Buffer.from(again.pdf!).equals(Buffer.from(rendered.pdf!))).toBe(true);
    expect(again.files.find((f) => f.name === SVG)!.content).toBe(rendered.files.find((f) => f.name === SVG)!.content);
  });

  test('a chart that does not fit below its heading takes the heading with it to the next page', async () => {
    const chart = {
      from: '2022-01-01',
      to: '2022-06-30',
      unit: 'Stellen',
      alt: 'Diagramm',
      series: [{ moduleId: 'm', label: 'Baustein I', steps: [{ date: '2022-01-01', planned: 2, filled: 0 }, { date: '2022-03-01', planned: 2, filled: 1 }] }],
    };
    // About 36 lines of text: the heading still fits on the first page, a chart of some 230 pt below it does not.
    const filler = Array.from({ length: 9 }, (_, i) => `Absatz ${i + 1}: ${'Die Case Managerinnen beraten in den Kommunen vor Ort und begleiten zu den zuständigen Stellen. '.repeat(3)}`).join('\n\n');
    const markdown = `## Erläuterungen\n\n${filler}\n\n### Stellenbesetzung im Zeitverlauf\n\n![Diagramm](c.diagramm.svg)\n`;
    const bytes = await createPdfRenderer().render(markdown, { ...SAMPLE_META, figures: [{ file: 'c.diagramm.svg', alt: 'Diagramm', drawing: staffingDrawing(chart) }] });
    const pages = await readPages(bytes);
    const pageOf = (text: string) => pages.findIndex((p) => p.text.includes(text));
    expect(pages.length).toBe(2);
    expect(pageOf('Stellenbesetzung im Zeitverlauf')).toBe(1);
    expect(pageOf('Stand: 30.06.2022')).toBe(1);
  });

  test('without show.chart: no SVG, no Figure', async () => {
    const plain = await renderReport({ dataDir: dataWithChart(false), report: CURRENT, formats: ['md', 'pdf'] });
    expect(plain.files.map((f) => f.name)).toEqual([`${CURRENT}.md`, `${CURRENT}.pdf`]);
    expect([...pdfObjects(plain.pdf!).values()].some((o) => /\/S \/Figure/.test(o.dict))).toBe(false);
  });
});

describe('the SVG is one of kim\'s outputs', () => {
  test('kim build writes it and records it; once the chart is off, the next build removes it, and a file of the clerk\'s stays', async () => {
    const data = dataWithChart(true);
    const out = join(tempDir('kim-chart-out-'), 'out');
    await buildReports({ dataDir: data, outDir: out, formats: ['md'], oparlBaseUrl: 'https://ris.example/oparl' });
    expect(existsSync(join(out, SVG))).toBe(true);
    expect(Object.keys(JSON.parse(readFileSync(join(out, '.kim', `${CURRENT}.json`), 'utf8')).outputs)).toContain(SVG);
    writeFileSync(join(out, 'karte.svg'), '<svg/>');
    const file = join(data, 'reports', `${CURRENT}.yaml`);
    writeFileSync(file, readFileSync(file, 'utf8').replace('chart: true', 'chart: false'));
    await buildReports({ dataDir: data, outDir: out, formats: ['md'], oparlBaseUrl: 'https://ris.example/oparl' });
    expect(existsSync(join(out, SVG))).toBe(false);
    expect(existsSync(join(out, `${CURRENT}.md`))).toBe(true);
    expect(existsSync(join(out, 'karte.svg'))).toBe(true);
  });
});

describe('cold start', () => {
  beforeAll(ensureBuilt);

  /** The bundle's chunks a `kim report` run loaded (CommonJS: require.cache at exit). */
  function chunksLoaded(dataDir: string, format: string): string[] {
    const dir = tempDir('kim-chart-cold-');
    const hook = join(dir, 'hook.cjs');
    const record = join(dir, 'loaded.json');
    writeFileSync(hook, `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(record)}, JSON.stringify(Object.keys(require.cache))));\n`);
    const r = runKim(['report', CURRENT, '--data', dataDir, '--out', join(dir, 'out'), '--format', format, '--quiet'], { env: { NODE_OPTIONS: `--require ${hook}` } });
    expect(r.code, r.stderr).toBe(0);
    return (JSON.parse(readFileSync(record, 'utf8')) as string[]).map((p) => p.split('\\').join('/').split('/').pop()!).filter((n) => n.startsWith('kim-cli'));
  }

  test('a Markdown or PDF run without chart loads neither the chart\'s series nor its drawing; a run with chart does', () => {
    const chartChunks = (names: string[]) => names.filter((n) => /^kim-cli-(staffing-series|chart)\d*\.cjs$/.test(n));
    const plain = dataWithChart(false);
    expect(chartChunks(chunksLoaded(plain, 'md'))).toEqual([]);
    expect(chartChunks(chunksLoaded(plain, 'pdf'))).toEqual([]);
    // The check sees them when they load (the bundle has them as chunks of their own).
    expect(chartChunks(chunksLoaded(withChart, 'md')).sort()).toEqual(['kim-cli-chart.cjs', 'kim-cli-staffing-series.cjs']);
  });
});
