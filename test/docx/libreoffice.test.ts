/**
 * LibreOffice (Debian libreoffice-writer-nogui, headless) opens every Word file of the examples and
 * fixtures and converts it to PDF; the PDF's text has the Vorlage's words and kim's page footer. Where
 * LibreOffice is not installed the test is skipped with a message (apt-get install libreoffice-writer-nogui).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { removeTempDirs, tempDir } from '../support/temp.js';
import { FIXTURE_DIRS, markdownWords, renderBoth, reportIds } from './docx-helpers.js';

const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/lib/libreoffice/program/soffice'].find((p) => existsSync(p));
const pdftotext = existsSync('/usr/bin/pdftotext');
if (!soffice) console.warn('LibreOffice fehlt (apt-get install libreoffice-writer-nogui): die Word-Dateien werden nicht mit LibreOffice geöffnet.');

afterAll(removeTempDirs);

/** Converts Word files to PDF in one LibreOffice run (its own profile, so it runs beside an open LibreOffice). */
export function convertToPdf(files: string[], outDir: string): void {
  const profile = tempDir('kim-lo-profile-');
  const r = spawnSync(soffice!, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, ...files], { encoding: 'utf8', timeout: 300_000 });
  expect(r.status, r.stderr).toBe(0);
}

describe.skipIf(!soffice)('LibreOffice opens the Word files', () => {
  test('every Word file of the fixtures converts to a PDF with the Vorlage\'s words and "Seite 1 von N"', async () => {
    const dir = tempDir('kim-docx-lo-');
    const docs: { file: string; words: string[] }[] = [];
    for (const data of FIXTURE_DIRS) {
      for (const id of reportIds(data)) {
        const { markdown, docx } = await renderBoth(data, id);
        const file = join(dir, `${data.split('/').at(-1)}-${id}.docx`);
        writeFileSync(file, docx);
        docs.push({ file, words: markdownWords(markdown) });
      }
    }
    const out = join(dir, 'pdf');
    mkdirSync(out);
    convertToPdf(docs.map((d) => d.file), out);
    expect(readdirSync(out).filter((n) => n.endsWith('.pdf')).length).toBe(docs.length);
    if (!pdftotext) return;
    for (const doc of docs) {
      const pdf = join(out, doc.file.split('/').at(-1)!.replace(/\.docx$/, '.pdf'));
      const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout;
      expect(text, doc.file).toMatch(/Seite 1 von \d+/);
      // Every word of the Vorlage is in the PDF. LibreOffice breaks lines itself, also after the hyphen of
      // "Rhein-Sieg-Kreis", and pdftotext takes a hyphen at a line's end for a hyphenation: hyphens aside.
      const pdfWords = new Set(text.split(/\s+/));
      const joined = text.replace(/[\s-]+/g, '');
      expect(doc.words.filter((w) => !pdfWords.has(w) && !joined.includes(w.replace(/-/g, ''))), doc.file).toEqual([]);
    }
  }, 600_000);
});
