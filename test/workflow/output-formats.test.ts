/**
 * Each format of the table (src/emit/output-formats.ts) is written to the file its extension names, and
 * that file holds what its mime type says; the OParl Paper of kim build describes the PDF beside it by
 * that file name and mime type. A Ratsinformationssystem that imports the Paper fetches the file it names
 * and trusts the type it states.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { buildReports, OUTPUT_FORMAT_NAMES, OUTPUT_FORMATS, writeReport } from '../../src/api.js';
import { CURRENT } from '../support/example.js';
import { cleanUp, exampleRepo, runKim, tempDir } from './helpers.js';

afterAll(cleanUp);

const startsWith = (bytes: Buffer, text: string): boolean => bytes.subarray(0, text.length).equals(Buffer.from(text, 'latin1'));

/** What a file of each mime type kim states holds, told from its bytes. */
const LOOKS_LIKE: Record<string, (bytes: Buffer) => boolean> = {
  'text/markdown; charset=utf-8': (bytes) => {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return /^#{1,6} \S/m.test(text) && !text.includes('\0');
  },
  'application/pdf': (bytes) => startsWith(bytes, '%PDF-'),
  // A Word document is a ZIP package with the main part word/document.xml (named in its local headers).
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': (bytes) => startsWith(bytes, 'PK\x03\x04') && bytes.includes('word/document.xml'),
};

describe('each output format is written with the table\'s extension and mime type', () => {
  const data = join(exampleRepo(), 'data');

  test.each(OUTPUT_FORMAT_NAMES)('kim report --format %s writes <id> + its extension, holding its mime type', async (format) => {
    const out = tempDir('kim-formats-');
    const { written } = await writeReport({ dataDir: data, outDir: out, report: CURRENT, formats: [format] });
    expect(written.map((f) => basename(f))).toEqual([`${CURRENT}${OUTPUT_FORMATS[format].extension}`]);
    const { mimeType } = OUTPUT_FORMATS[format];
    expect(LOOKS_LIKE[mimeType], `no check for ${mimeType}`).toBeDefined();
    expect(LOOKS_LIKE[mimeType]!(readFileSync(written[0]!)), `${format} as ${mimeType}`).toBe(true);
  });

  test('the OParl Paper names the PDF written beside it, with the table\'s mime type', async () => {
    const out = tempDir('kim-formats-build-');
    const result = await buildReports({ dataDir: data, outDir: out, formats: ['pdf'], oparlBaseUrl: 'https://ris.example.invalid/oparl/' });
    expect(result.outcomes.map((o) => o.status)).toEqual(['built', 'built']);
    for (const { id } of result.outcomes) {
      const paper = JSON.parse(readFileSync(join(out, `${id}.oparl.json`), 'utf8')) as { mainFile: { fileName: string; mimeType: string; accessUrl: string; size: number; sha512Checksum: string } };
      const file = paper.mainFile;
      expect(file.fileName).toBe(`${id}${OUTPUT_FORMATS.pdf.extension}`);
      expect(file.mimeType).toBe(OUTPUT_FORMATS.pdf.mimeType);
      expect(file.accessUrl).toBe(`https://ris.example.invalid/oparl/files/${file.fileName}`);
      const bytes = readFileSync(join(out, file.fileName));
      expect(LOOKS_LIKE[file.mimeType]!(bytes)).toBe(true);
      expect([file.size, file.sha512Checksum]).toEqual([bytes.byteLength, createHash('sha512').update(bytes).digest('hex')]);
    }
  });
});

describe('the help of report, build and watch names the file of every format', () => {
  const help = (command: string): string => {
    const r = runKim([command, '--help']);
    expect(r.code, r.stderr).toBe(0);
    return r.stdout.replace(/\s+/g, ' ');
  };

  test('kim report --help', () => {
    expect(help('report')).toContain('schreibt out/<kennung>.md, .pdf und/oder .docx.');
  });

  test('kim build --help', () => {
    const text = help('build');
    expect(text).toContain('Alle Vorlagen erzeugen (Markdown, PDF, Word-Dokument und OParl-JSON)');
    expect(text).toContain('Je Vorlage entstehen out/<kennung>.md, .pdf, .docx und .oparl.json.');
  });

  test('kim watch --help: its example with --format all writes each format', () => {
    expect(help('watch')).toContain('out/2022-03-16-kim-sachstand.md, out/2022-03-16-kim-sachstand.pdf, out/2022-03-16-kim-sachstand.docx (420 ms)');
  });
});
