/**
 * A logo is checked in `kim validate`, before pdfkit's decoder sees it: a few bytes can declare a
 * picture no reader can hold, or image data pdfkit stops at with a stack trace. Each refusal is located
 * at the logo's `file:` in organisation.yaml, names the image file, and `kim report` writes nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { afterAll, describe, expect, test } from 'vitest';
import { checkData } from '../../src/api.js';
import { LOGO_LIMITS } from '../../src/image-size.js';
import { copyData, describeDiagnostics, positionOf, removeScratch, replaceIn, ROOT, runCli, STACK_TRACE, writeIn } from './helpers.js';

afterAll(removeScratch);

/** A PNG as its chunks say: signature, IHDR, optional extra chunks, IDAT, IEND (CRCs are not checked by anyone here). */
function png(width: number, height: number, depth: number, colourType: number, idat: Uint8Array, extra: [string, Uint8Array][] = []): Buffer {
  const chunk = (type: string, data: Uint8Array) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    return Buffer.concat([head, data, Buffer.alloc(4)]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([depth, colourType, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), ...extra.map(([t, d]) => chunk(t, d)), chunk('IDAT', idat), chunk('IEND', new Uint8Array())]);
}

/** Rows of an 8-bit RGB image, each with the given filter byte. */
const rgbRows = (width: number, height: number, filter: number) => deflateSync(Buffer.concat(Array.from({ length: height }, () => Buffer.concat([Buffer.from([filter]), Buffer.alloc(width * 3, 0x80)]))));

const LOGO_LINE = '  fields: []\n';

function withLogo(file: string, bytes: Uint8Array): string {
  const dir = copyData();
  writeIn(dir, file, bytes);
  replaceIn(dir, 'organisation.yaml', LOGO_LINE, `${LOGO_LINE}  logo: { file: ${file}, alt: Wappen }\n`);
  return dir;
}

const CASES: { name: string; file?: string; bytes: () => Uint8Array; message: string }[] = [
  {
    name: 'a 1 kB PNG declaring 100000 × 100000 pixels with an alpha channel (png-js would throw a RangeError)',
    bytes: () => png(100_000, 100_000, 8, 6, deflateSync(Buffer.alloc(1000))),
    message: 'Logo "logo.png": Das Bild ist 100000 × 100000 Pixel groß; ein Logo darf höchstens 25 Millionen Pixel und 20000 Pixel je Seite haben.',
  },
  {
    name: 'the same without alpha (it would be embedded, and a reader would take half a minute to draw it)',
    bytes: () => png(100_000, 100_000, 8, 2, deflateSync(Buffer.alloc(1000))),
    message: 'Das Bild ist 100000 × 100000 Pixel groß',
  },
  {
    name: 'a PNG whose rows name an unknown filter (pdfkit: "Invalid filter algorithm")',
    bytes: () => png(4, 3, 8, 2, rgbRows(4, 3, 7)),
    message: 'Logo "logo.png": Die PNG-Datei des Logos ist beschädigt: Bildzeile mit unbekanntem Filter 7 (erlaubt sind 0 bis 4).',
  },
  {
    name: 'a bit depth the colour type does not have',
    bytes: () => png(4, 3, 4, 2, rgbRows(4, 3, 0)),
    message: 'Die PNG-Datei des Logos ist beschädigt: Farbtyp RGB mit 4 Bit je Kanal gibt es nicht (erlaubt: 8, 16 Bit).',
  },
  {
    name: 'a colour type that does not exist',
    bytes: () => png(4, 3, 8, 5, rgbRows(4, 3, 0)),
    message: 'Farbtyp 5 gibt es nicht',
  },
  {
    name: 'a palette image without a palette',
    bytes: () => png(4, 3, 8, 3, deflateSync(Buffer.alloc(3 * 5))),
    message: 'Ein Palettenbild ohne Farbpalette',
  },
  {
    name: 'image data shorter than the declared size',
    bytes: () => png(40, 30, 8, 2, rgbRows(40, 10, 0)),
    message: 'Ihre Bilddaten sind unvollständig',
  },
  {
    name: 'a file larger than the limit',
    bytes: () => Buffer.concat([png(4, 3, 8, 2, rgbRows(4, 3, 0)), Buffer.alloc(LOGO_LIMITS.bytes)]),
    message: 'ein Logo darf höchstens 10 MB groß sein',
  },
  {
    name: 'a JPEG declaring 60000 × 60000 pixels',
    file: 'logo.jpg',
    bytes: () => {
      const jpeg = Buffer.from(readFileSync(join(ROOT, 'test', 'fixtures', 'logo.jpg')));
      const sof = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
      jpeg.writeUInt16BE(60_000, sof + 5);
      jpeg.writeUInt16BE(60_000, sof + 7);
      return jpeg;
    },
    message: 'Logo "logo.jpg": Das Bild ist 60000 × 60000 Pixel groß',
  },
  {
    name: 'an arithmetic-coded JPEG (no PDF reader draws it)',
    file: 'logo.jpg',
    bytes: () => {
      const jpeg = Buffer.from(readFileSync(join(ROOT, 'test', 'fixtures', 'logo.jpg')));
      jpeg[jpeg.indexOf(Buffer.from([0xff, 0xc0])) + 1] = 0xc9;
      return jpeg;
    },
    message: 'arithmetisch kodiert',
  },
];

describe.each(CASES)('$name', ({ file = 'logo.png', bytes, message }) => {
  test('kim validate: one located German error at the logo, naming the image file', async () => {
    const dir = withLogo(file, bytes());
    const { diagnostics } = (await checkData({ dataDir: dir })).validation;
    const errors = diagnostics.filter((d) => d.severity === 'error');
    expect(errors, describeDiagnostics(diagnostics)).toHaveLength(1);
    expect(errors[0]!.message).toContain(message);
    expect(errors[0]).toMatchObject({ file: 'organisation.yaml', ...positionOf(dir, 'organisation.yaml', `file: ${file}`, 'file: '.length) });
  });
});

test('kim report as PDF refuses the huge PNG with exit 1, no stack trace, nothing written', () => {
  const dir = withLogo('logo.png', png(100_000, 100_000, 8, 6, deflateSync(Buffer.alloc(1000))));
  const out = join(dir, '..', 'out');
  const r = runCli(['report', '--data', dir, '--out', out, '--format', 'pdf']);
  expect(r.status).toBe(1);
  expect(r.stderr).toMatch(/organisation\.yaml:\d+:\d+ {2}Fehler: Logo "logo\.png": Das Bild ist 100000 × 100000 Pixel groß/);
  expect(r.stderr).not.toMatch(STACK_TRACE);
  expect(existsSync(out)).toBe(false);
});

test('the shipped test logos and an interlaced PNG still pass', async () => {
  for (const [file, bytes] of [
    ['logo.png', readFileSync(join(ROOT, 'test', 'fixtures', 'logo.png'))],
    ['logo.jpg', readFileSync(join(ROOT, 'test', 'fixtures', 'logo.jpg'))],
  ] as const) {
    const { diagnostics } = (await checkData({ dataDir: withLogo(file, bytes) })).validation;
    expect(diagnostics.filter((d) => d.severity === 'error'), describeDiagnostics(diagnostics)).toEqual([]);
  }
  // Adam7: seven passes of rows, each with its filter byte (a 3 × 3 grey image: passes 2 and 3 are empty).
  const rows = [[1, 1], [1, 1], [1, 2], [2, 1], [1, 3]].flatMap(([count, width]) => Array.from({ length: count! }, () => [0, ...Array(width!).fill(0x40)]));
  const interlaced = png(3, 3, 8, 0, deflateSync(Buffer.from(rows.flat())));
  interlaced[28] = 1; // interlace method: Adam7
  const { diagnostics } = (await checkData({ dataDir: withLogo('logo.png', interlaced) })).validation;
  expect(diagnostics.filter((d) => d.severity === 'error'), describeDiagnostics(diagnostics)).toEqual([]);
});
