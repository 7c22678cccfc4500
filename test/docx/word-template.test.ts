/**
 * The Kreis's own Word template (organisation.yaml wordTemplate), through the CLI as a clerk uses it: the
 * output takes the template's styles (found by name, under a German Word's style ids), page margins,
 * header (letterhead with logo) and footer; a style the template lacks is a located warning and kim's
 * own. A template that is not a well-formed, harmless Word file is a located German error, exit 1, and
 * nothing is written. A staff name in the template's header is caught by the privacy check.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { writeZip } from '../../src/files/zip.js';
import { packageRoot } from '../../src/paths.js';
import { runKim } from '../support/cli.js';
import { removeTempDirs, tempDir } from '../support/temp.js';
import { partsOf } from './docx-helpers.js';

const TEMPLATE = join(packageRoot, 'test', 'fixtures', 'word-template', 'kreis-vorlage.docx');
const TALHEIM = join(packageRoot, 'test', 'fixtures', 'landkreis-talheim');
const ID = '2022-05-10-kim-sachstand';

afterAll(removeTempDirs);

/** A copy of the Talheim data with `template` as its Word template; returns the data and output folders. */
function withTemplate(template: Uint8Array, name = 'kreis-vorlage.docx'): { data: string; out: string } {
  const base = tempDir('kim-word-template-');
  const data = join(base, 'data');
  cpSync(TALHEIM, data, { recursive: true });
  writeFileSync(join(data, name), template);
  appendFileSync(join(data, 'organisation.yaml'), `\nwordTemplate: ${name}\n`);
  return { data, out: join(base, 'out') };
}

/** The line of `wordTemplate:` in the copy's organisation.yaml. */
const templateLine = (data: string) => readFileSync(join(data, 'organisation.yaml'), 'utf8').split('\n').findIndex((l) => l.startsWith('wordTemplate:')) + 1;

const templateParts = (): [string, Uint8Array][] => [...partsOf(readFileSync(TEMPLATE))].map(([n, t]) => [n, new Uint8Array(Buffer.from(t, 'utf8'))]);
const withPart = (name: string, text: string | Uint8Array): Uint8Array =>
  writeZip([...templateParts().filter(([n]) => n !== name), [name, typeof text === 'string' ? new Uint8Array(Buffer.from(text)) : text]]);

describe('a Kreis template', () => {
  test('the Word file takes its styles, margins, header with logo and footer; missing styles are a located warning', () => {
    const { data, out } = withTemplate(readFileSync(TEMPLATE));
    const r = runKim(['report', ID, '--data', data, '--out', out, '--format', 'docx']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`organisation.yaml:${templateLine(data)}:15  Warnung: Der Word-Vorlage "kreis-vorlage.docx" fehlen die Formatvorlagen „Überschrift 3“, „Listenabsatz“; kim nimmt dafür seine eigenen.`);
    const parts = partsOf(readFileSync(join(out, `${ID}.docx`)));
    const document = parts.get('word/document.xml')!;
    const styles = parts.get('word/styles.xml')!;
    // The template's heading style (a German Word's id "berschrift1", name "heading 1", blue) carries kim's headings.
    expect(styles).toContain('<w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/>');
    expect(styles).toContain('<w:color w:val="1F4E79"/>');
    expect(styles).toContain('w:ascii="Georgia"');
    // The template was made in English; the Vorlage is German.
    expect(styles).toContain('<w:lang w:val="de-DE"/>');
    expect(styles).not.toContain('en-US');
    expect(document).toContain('<w:pStyle w:val="berschrift1"/>');
    expect(document).not.toContain('<w:pStyle w:val="Heading1"/>');
    // kim's list paragraphs get kim's style, built on the template's "Standard".
    expect(styles).toMatch(/<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="Listenabsatz"\/><w:basedOn w:val="Standard"\/>/);
    // The template's page: its margins, its header and footer in place of kim's.
    expect(document).toMatch(/<w:sectPr><w:headerReference w:type="default" r:id="rIdKimTemplate1"\/><w:footerReference w:type="default" r:id="rIdKimTemplate2"\/><w:pgSz w:w="11906" w:h="16838"\/><w:pgMar w:top="2835" w:right="1418" w:bottom="1701" w:left="1985"/);
    const header = parts.get('word/template-header1.xml')!;
    expect(header).toContain('Landkreis Musterhausen – Der Landrat');
    expect(header).toContain('descr="Wappen des Landkreises Musterhausen"');
    expect(parts.get('word/_rels/template-header1.xml.rels')).toContain('Target="media/template-image1.png"');
    expect(Buffer.from(parts.get('word/media/template-image1.png')!, 'utf8').length).toBeGreaterThan(0);
    expect(parts.get('word/template-footer1.xml')).toContain('Kreisverwaltung Musterhausen');
    expect([...parts.keys()].filter((n) => /^word\/footer\d*\.xml$/.test(n))).toEqual([]);
    expect(parts.get('[Content_Types].xml')).toContain('<Override PartName="/word/template-header1.xml"');
    // Nothing else of the template: not its body text.
    expect(document).not.toContain('Text der Dokumentvorlage');
  });

  test('LibreOffice shows the letterhead of the template on the page', () => {
    const soffice = existsSync('/usr/bin/soffice') ? '/usr/bin/soffice' : undefined;
    if (!soffice || !existsSync('/usr/bin/pdftotext')) {
      console.warn('LibreOffice oder pdftotext fehlt: der Briefkopf der Word-Vorlage wird nicht im PDF geprüft.');
      return;
    }
    const { data, out } = withTemplate(readFileSync(TEMPLATE));
    expect(runKim(['report', ID, '--data', data, '--out', out, '--format', 'docx']).code).toBe(0);
    const profile = tempDir('kim-lo-profile-');
    const lo = spawnSync(soffice, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', out, join(out, `${ID}.docx`)], { encoding: 'utf8', timeout: 300_000 });
    expect(lo.status, lo.stderr).toBe(0);
    const text = spawnSync('pdftotext', [join(out, `${ID}.pdf`), '-'], { encoding: 'utf8' }).stdout;
    expect(text).toContain('Landkreis Musterhausen – Der Landrat');
    expect(text).toMatch(/Kreisverwaltung Musterhausen · Seite 1/);
    const fonts = spawnSync('pdffonts', [join(out, `${ID}.pdf`)], { encoding: 'utf8' }).stdout;
    expect(fonts).toMatch(/Georgia|Gelasio|DejaVuSerif|Serif/i);
  }, 300_000);

  test('a template without header or footer: kim keeps its own footer "Seite X von Y"', () => {
    const document = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2000" w:right="1418" w:bottom="1701" w:left="1985" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr></w:body></w:document>';
    const { data, out } = withTemplate(withPart('word/document.xml', document));
    expect(runKim(['report', ID, '--data', data, '--out', out, '--format', 'docx']).code).toBe(0);
    const parts = partsOf(readFileSync(join(out, `${ID}.docx`)));
    expect(parts.get('word/document.xml')).toMatch(/<w:sectPr><w:footerReference w:type="default" r:id="[^"]+"\/><w:pgSz w:w="11906" w:h="16838"\/><w:pgMar w:top="2000"/);
    const footer = [...parts].find(([name]) => /^word\/footer\d*\.xml$/.test(name))![1];
    expect(footer.replace(/<[^>]+>/g, '')).toMatch(/^Seite\s*PAGE\s*von\s*NUMPAGES\s*$/);
  });

  test('kim build rebuilds the Word files when the template changes, and only then', () => {
    const { data, out } = withTemplate(readFileSync(TEMPLATE));
    expect(runKim(['build', '--data', data, '--out', out, '--jobs', '1', '--format', 'docx']).code).toBe(0);
    const before = readFileSync(join(out, `${ID}.docx`));
    const again = runKim(['build', '--data', data, '--out', out, '--jobs', '1', '--format', 'docx']);
    expect(again.stdout + again.stderr).not.toContain(`${ID}.docx`);
    const header = partsOf(readFileSync(TEMPLATE)).get('word/header1.xml')!.replace('Der Landrat', 'Die Landrätin');
    writeFileSync(join(data, 'kreis-vorlage.docx'), withPart('word/header1.xml', header));
    expect(runKim(['build', '--data', data, '--out', out, '--jobs', '1', '--format', 'docx']).code).toBe(0);
    const after = partsOf(readFileSync(join(out, `${ID}.docx`)));
    expect(after.get('word/template-header1.xml')).toContain('Die Landrätin');
    expect(readFileSync(join(out, `${ID}.docx`)).equals(before)).toBe(false);
  });

  test('a staff name in the template\'s header stops a public Vorlage: exit 1, nothing written', () => {
    const header = partsOf(readFileSync(TEMPLATE)).get('word/header1.xml')!.replace('Der Landrat', 'Sachbearbeitung: Aylin Korkmaz');
    const { data, out } = withTemplate(withPart('word/header1.xml', header));
    const r = runKim(['report', ID, '--data', data, '--out', out, '--format', 'all']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('dem Word-Dokument');
    expect(r.stderr).toContain('Korkmaz');
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });
});

/** A zip whose only entry claims `size` bytes but holds `actual` (a zip bomb lies about its size). */
function lyingZip(name: string, actual: Uint8Array, size: number): Uint8Array {
  const zip = Buffer.from(writeZip([[name, actual]]));
  const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  zip.writeUInt32LE(size, 22); // local header
  zip.writeUInt32LE(size, central + 24); // central directory
  return new Uint8Array(zip);
}

describe('a template that is not a harmless Word file: located German error, exit 1, nothing written', () => {
  const bomb = new Uint8Array(30_000_000); // 30 MB of zeros pack into some 30 kB
  const cases: [string, () => Uint8Array, string][] = [
    ['not a zip', () => new Uint8Array(Buffer.from('Das ist kein Word-Dokument.')), 'Die Datei ist keine ZIP-Datei'],
    ['an entry larger than allowed (zip bomb)', () => writeZip([...templateParts(), ['word/bomb.xml', bomb]]), 'Der Teil "word/bomb.xml" ist entpackt 30 MB groß; erlaubt sind höchstens 20 MB'],
    ['an entry that inflates beyond its declared size', () => lyingZip('word/document.xml', bomb.subarray(0, 5_000_000), 1000), 'Der Teil "word/document.xml" ist beschädigt oder größer, als das Inhaltsverzeichnis angibt'],
    ['a path leading out of the package', () => writeZip([...templateParts(), ['../../etc/evil.xml', new Uint8Array(1)]]), 'Der Teil "../../etc/evil.xml" hat einen unzulässigen Pfad'],
    ['macros', () => writeZip([...templateParts(), ['word/vbaProject.bin', new Uint8Array(10)]]), 'Die Datei enthält Makros'],
    ['a DOCTYPE (entity expansion)', () => withPart('word/styles.xml', '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><w:styles/>'), 'Der Teil "word/styles.xml" enthält eine DOCTYPE-Deklaration'],
    ['no styles', () => writeZip(templateParts().filter(([n]) => n !== 'word/styles.xml')), 'Der Datei fehlt der Teil "word/styles.xml"'],
    ['a header image linked from outside', () => withPart('word/_rels/header1.xml.rels', '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="http://example.org/logo.png" TargetMode="External"/></Relationships>'), 'Kopf- oder Fußzeile verweist auf eine Datei außerhalb der Vorlage'],
  ];

  test.each(cases)('%s', (_name, make, message) => {
    const { data, out } = withTemplate(make());
    const r = runKim(['report', ID, '--data', data, '--out', out, '--format', 'all']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain(`organisation.yaml:${templateLine(data)}:15  Fehler: Word-Vorlage "kreis-vorlage.docx": ${message}`);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });

  test('a file over 20 MB is refused by its size, before it is read', () => {
    const { data, out } = withTemplate(new Uint8Array(20_000_001));
    const r = runKim(['report', ID, '--data', data, '--out', out, '--format', 'md']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Die Datei ist größer als 20 MB.');
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });

  test('a missing template, one outside the data folder and a file of another kind are located errors', () => {
    const { data, out } = withTemplate(readFileSync(TEMPLATE));
    mkdirSync(out, { recursive: true });
    const organisation = join(data, 'organisation.yaml');
    const text = readFileSync(organisation, 'utf8');
    for (const [value, message] of [
      ['fehlt.docx', 'Die Word-Vorlage "fehlt.docx" gibt es im Datenordner nicht.'],
      ['../vorlage.docx', 'Der Pfad "../vorlage.docx" führt aus dem Datenordner hinaus'],
      ['staff.yaml', 'Die Word-Vorlage "staff.yaml" ist keine Word-Datei; erwartet wird eine Datei mit der Endung .docx oder .dotx.'],
    ] as const) {
      writeFileSync(organisation, text.replace('wordTemplate: kreis-vorlage.docx', `wordTemplate: ${value}`));
      const r = runKim(['validate', '--data', data]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`organisation.yaml:${templateLine(data)}:15  Fehler: ${message}`);
    }
  });
});
