/**
 * Bad-input corpus: every data file and the templates, broken in the ways clerks and attackers break them.
 * Each case runs `writeReport` (the whole pipeline) on a private copy of the example data and asserts:
 * exit code 1 (or 0 for valid input), a located German message, no stack trace, the output folder
 * untouched, and a result within a second. A handful also go through the built CLI.
 *
 * Containment through attachment paths (../, absolute, symlinks out) is covered in
 * test/validate/invalid-cases.test.ts.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { writeReport } from '../../src/api.js';
import type { Diagnostic } from '../../src/diagnostics.js';
import { DataError, UsageError } from '../../src/errors.js';
import { copyData, describeDiagnostics, removeScratch, replaceIn, ROOT, runCli, STACK_TRACE, tempDir, writeIn } from '../validate/helpers.js';

afterAll(removeScratch);

const LATEST = 'reports/2022-03-16-kim-sachstand.yaml';
const EARLIER = 'reports/2021-11-16-kim-sachstand.yaml';
const TEMPLATE = readFileSync(join(ROOT, 'templates', 'sachstand.md.hbs'), 'utf8');

interface Expectation {
  /** Exact data-relative file, or a pattern (template files are shown with their folder). */
  file: string | RegExp;
  /** The message, or a part of it; German. */
  message: string | RegExp;
  /** Whether the problem has a line (false for whole-file problems such as size or a missing file). */
  located?: boolean;
}
interface CorpusCase {
  name: string;
  /** Changes the data copy. */
  data?: (dir: string) => void;
  /** Template overrides: file name inside templates/ → content. */
  templates?: Record<string, string>;
  /** What to render (default Markdown only). */
  formats?: ('md' | 'pdf')[];
  expect: Expectation | 'valid';
}

const sub = (file: string, from: string, to: string) => (dir: string) => replaceIn(dir, file, from, to);
const put = (file: string, content: string | Uint8Array) => (dir: string) => writeIn(dir, file, content);
const before = (file: string, anchor: string, text: string) => sub(file, anchor, `${text}${anchor}`);
const err = (file: string | RegExp, message: string | RegExp, located = true): Expectation => ({ file, message, located });
const FILES = ['organisation.yaml', 'programme.yaml', 'staff.yaml', 'assignments.yaml', 'meetings.yaml', LATEST] as const;
const FIRST_KEY: Record<(typeof FILES)[number], string> = {
  'organisation.yaml': 'body:\n',
  'programme.yaml': 'name: ',
  'staff.yaml': 'staff:\n',
  'assignments.yaml': 'assignments:\n',
  'meetings.yaml': 'sessions:\n',
  [LATEST]: 'id: ',
};
const aliasBomb = (): string => {
  let text = 'bomb0: &b0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
  for (let i = 1; i < 9; i++) text += `bomb${i}: &b${i} [${Array(10).fill(`*b${i - 1}`).join(', ')}]\n`;
  return text;
};

const CASES: CorpusCase[] = [
  // YAML syntax, one per file
  ...FILES.map((file): CorpusCase => ({ name: `${file}: unclosed flow sequence`, data: before(file, FIRST_KEY[file], 'oops: [1, 2\n'), expect: err(file, 'wird nicht geschlossen') })),
  ...FILES.map((file): CorpusCase => ({ name: `${file}: key without value indentation (bad indent)`, data: before(file, FIRST_KEY[file], 'a:\n  b: 1\n c: 2\n'), expect: err(file, /Einrückung|Unerwartet|Schlüssel/) })),
  ...FILES.map((file): CorpusCase => ({ name: `${file}: tab indentation`, data: before(file, FIRST_KEY[file], 'a:\n\tb: 1\n'), expect: err(file, 'Tabulatorzeichen') })),
  ...FILES.map((file): CorpusCase => ({ name: `${file}: empty file`, data: put(file, ''), expect: err(file, 'Die Datei ist leer') })),
  ...FILES.map((file): CorpusCase => ({ name: `${file}: a list instead of a mapping`, data: put(file, '- a\n- b\n'), expect: err(file, 'Erwartet wird eine Zuordnung (schlüssel: wert), gefunden wurde eine Liste.') })),
  ...FILES.map((file): CorpusCase => ({ name: `${file}: __proto__ key`, data: before(file, FIRST_KEY[file], '__proto__: { polluted: true }\n'), expect: err(file, 'Unbekanntes Feld "__proto__"') })),
  { name: 'organisation.yaml: constructor key', data: before('organisation.yaml', 'body:\n', 'constructor: { prototype: { polluted: true } }\n'), expect: err('organisation.yaml', 'Unbekanntes Feld "constructor"') },
  // wrong types
  { name: 'staff: fte 0', data: sub('staff.yaml', 'fte: 0.5', 'fte: 0'), expect: err('staff.yaml', 'er muss größer als 0 sein') },
  { name: 'staff: fte 1.5', data: sub('staff.yaml', 'fte: 0.5', 'fte: 1.5'), expect: err('staff.yaml', 'er muss höchstens 1 sein') },
  { name: 'staff: fte "eins"', data: sub('staff.yaml', 'fte: 0.5', 'fte: eins'), expect: err('staff.yaml', 'gefunden wurde der Text "eins"') },
  { name: 'staff: fte .nan', data: sub('staff.yaml', 'fte: 0.5', 'fte: .nan'), expect: err('staff.yaml', 'der Wert .nan') },
  { name: 'programme: plannedFte "zwölf"', data: sub('programme.yaml', 'fte: 12 }', 'fte: zwölf }'), expect: err('programme.yaml', 'gefunden wurde der Text "zwölf"') },
  { name: 'programme: funding amount .inf', data: sub('programme.yaml', 'amount: 55000 }', 'amount: .inf }'), expect: err('programme.yaml', 'der Wert .inf') },
  { name: 'meetings: public "ja"', data: sub('meetings.yaml', 'public: true }', 'public: ja }'), expect: err('meetings.yaml', 'Erwartet wird true oder false') },
  { name: 'assignments: municipalities as text', data: sub('assignments.yaml', 'municipalities: [troisdorf]', 'municipalities: troisdorf'), expect: err('assignments.yaml', 'Erwartet wird eine Liste') },
  { name: 'report: a reference with a leading zero (YAML reads a number)', data: sub(LATEST, 'stand: 2022-03-01\n', 'stand: 2022-03-01\nreference: 0123\n'), expect: err(LATEST, 'gefunden wurde die Zahl 123 (geschrieben 0123); als Text in Anführungszeichen: reference: "0123".') },
  { name: 'report: consultations empty', data: sub(LATEST, 'consultations:\n  - { session: asi-2022-03-16, role: Kenntnisnahme }', 'consultations: []'), expect: err(LATEST, 'mindestens einen Eintrag') },
  { name: 'report: a text.modules key that is no id', data: sub(LATEST, '    modul-2:\n', '    Modul_2:\n'), expect: err(LATEST, 'Feld "modules": Der Schlüssel "Modul_2" ist keine gültige Kennung') },
  { name: 'report: __proto__ as a text.modules key', data: sub(LATEST, '  modules:\n', '  modules:\n    __proto__:\n      staff: Hallo\n'), expect: err(LATEST, 'Der Schlüssel "__proto__" ist keine gültige Kennung') },
  { name: 'report: very long title (100 000 characters)', data: sub(LATEST, 'title: ', `title: ${'Sehr lang '.repeat(10_000)}\nx_title: `), expect: err(LATEST, /Der Text ist 100000 Zeichen lang|Unbekanntes Feld "x_title"/) },
  // unknown ids
  { name: 'unknown role', data: sub('staff.yaml', 'role: kim-leitung', 'role: kim-leitun'), expect: err('staff.yaml', 'Meinten Sie "kim-leitung"?') },
  { name: 'unknown module', data: sub('staff.yaml', 'module: modul-1', 'module: modul-9'), expect: err('staff.yaml', 'Unbekannte Kennung für Modul') },
  { name: 'unknown employer', data: sub('staff.yaml', 'employer: stadt-troisdorf', 'employer: stadt-bonn'), expect: err('staff.yaml', 'Unbekannte Kennung für Arbeitgeber') },
  { name: 'unknown lead employer', data: sub('programme.yaml', 'leadEmployer: kreisverwaltung', 'leadEmployer: kreis'), expect: err('programme.yaml', 'Unbekannte Kennung für Arbeitgeber') },
  { name: 'unknown municipality in an assignment', data: sub('assignments.yaml', '[troisdorf]', '[troisdrof]'), expect: err('assignments.yaml', 'Meinten Sie "troisdorf"?') },
  { name: 'unknown municipality in a kick-off', data: sub('meetings.yaml', 'municipality: bornheim', 'municipality: bonn'), expect: err('meetings.yaml', 'Unbekannte Kennung für Kommune: "bonn"') },
  { name: 'unknown staff in an assignment', data: sub('assignments.yaml', 'staff: cm-windeck', 'staff: cm-windek'), expect: err('assignments.yaml', 'Meinten Sie "cm-windeck"?') },
  { name: 'unknown committee', data: sub('meetings.yaml', 'committee: asi', 'committee: jhA'), expect: err('meetings.yaml', /Gremium|keine gültige Kennung/) },
  { name: 'unknown session', data: sub(LATEST, 'session: asi-2022-03-16', 'session: asi-2022-03-15'), expect: err(LATEST, 'Unbekannte Kennung für Sitzung') },
  { name: 'unknown department', data: sub(EARLIER, 'department: ki', 'department: jugendamt'), expect: err(EARLIER, 'Unbekannte Kennung für Amt') },
  // duplicate ids
  { name: 'duplicate staff id', data: sub('staff.yaml', 'id: cm-meckenheim', 'id: cm-koenigswinter'), expect: err('staff.yaml', 'kommt doppelt vor') },
  { name: 'duplicate municipality id', data: sub('organisation.yaml', 'id: eitorf', 'id: alfter'), expect: err('organisation.yaml', 'Die Kennung "alfter" kommt doppelt vor') },
  { name: 'duplicate session id', data: sub('meetings.yaml', 'id: asi-2021-11-16', 'id: asi-2022-03-16'), expect: err('meetings.yaml', 'kommt doppelt vor') },
  { name: 'duplicate module number', data: sub('programme.yaml', 'number: 3', 'number: 2'), expect: err('programme.yaml', 'Die Modulnummer 2 ist schon an') },
  { name: 'duplicate report id', data: sub(EARLIER, 'id: 2021-11-16-kim-sachstand', 'id: 2022-03-16-kim-sachstand'), expect: err(LATEST, 'gibt es schon in') },
  { name: 'duplicate key in a mapping', data: sub('programme.yaml', 'shortName: KIM\n', 'shortName: KIM\nshortName: KIM2\n'), expect: err('programme.yaml', 'Der Schlüssel "shortName" kommt in derselben Zuordnung doppelt vor') },
  { name: 'duplicate key in a flow mapping', data: sub('staff.yaml', '{ id: cm-bornheim, name: David Okonkwo,', '{ id: cm-bornheim, id: cm-x, name: David Okonkwo,'), expect: err('staff.yaml', 'Der Schlüssel "id" kommt in derselben Zuordnung doppelt vor') },
  // dates and periods
  { name: 'impossible date in staff', data: sub('staff.yaml', 'start: 2021-04-01', 'start: 2021-04-31'), expect: err('staff.yaml', '"2021-04-31" ist kein gültiges Datum') },
  { name: 'impossible date 2022-02-30 in meetings', data: sub('meetings.yaml', 'date: 2022-02-08', 'date: 2022-02-30'), expect: err('meetings.yaml', 'kein gültiges Datum') },
  { name: 'German date notation in a report', data: sub(LATEST, 'stand: 2022-03-01', 'stand: 01.03.2022'), expect: err(LATEST, '"01.03.2022" ist kein gültiges Datum') },
  { name: 'impossible date in plannedFte', data: sub('programme.yaml', 'from: 2021-01-01, fte: 12', 'from: 2021-13-01, fte: 12'), expect: err('programme.yaml', 'kein gültiges Datum') },
  { name: 'staff end before start', data: sub('staff.yaml', 'workplace: lohmar, start: 2022-02-01', 'workplace: lohmar, start: 2022-02-01, end: 2022-01-01'), expect: err('staff.yaml', 'liegt vor dem Beginn') },
  { name: 'assignment end before start', data: sub('assignments.yaml', '[lohmar], from: 2022-02-01', '[lohmar], from: 2022-02-01, to: 2022-01-01'), expect: err('assignments.yaml', 'Das Ende der Zuständigkeit') },
  { name: 'overlapping assignments', data: sub('assignments.yaml', 'municipalities: [windeck]', 'municipalities: [windeck, lohmar]'), expect: 'valid' },
  { name: 'overlapping assignments of one person', data: before('assignments.yaml', '  - { staff: cm-windeck', '  - { staff: cm-windeck, municipalities: [windeck], from: 2022-01-01 }\n'), expect: err('assignments.yaml', 'doppelt für "windeck" zuständig') },
  { name: 'a report for a later session with an earlier Stand', data: sub(LATEST, 'stand: 2022-03-01', 'stand: 2021-09-01'), expect: err(EARLIER, 'nach der Sitzung dieser Vorlage am 16.11.2021') },
  { name: 'report Stand after its session', data: sub(LATEST, 'stand: 2022-03-01', 'stand: 2022-04-01'), expect: err(LATEST, 'liegt nach der Sitzung') },
  // encodings, sizes, hostile YAML
  { name: 'BOM at the start of every file', data: (d) => FILES.forEach((f) => writeIn(d, f, `\uFEFF${readFileSync(join(d, f), 'utf8')}`)), expect: 'valid' },
  { name: 'CRLF line ends everywhere', data: (d) => FILES.forEach((f) => writeIn(d, f, readFileSync(join(d, f), 'utf8').replace(/\n/g, '\r\n'))), expect: 'valid' },
  { name: 'non-UTF-8 (Latin-1) bytes', data: (d) => writeIn(d, 'staff.yaml', Buffer.concat([Buffer.from('staff:\n  - id: m\n    name: J'), Buffer.from([0xfc]), Buffer.from('rgen\n')])), expect: err('staff.yaml', 'nicht UTF-8-kodiert (ungültiges Byte 0xfc)') },
  { name: 'UTF-16 file', data: (d) => writeIn(d, 'meetings.yaml', Buffer.from(`\uFEFF${readFileSync(join(d, 'meetings.yaml'), 'utf8')}`, 'utf16le')), expect: err('meetings.yaml', /nicht UTF-8-kodiert|Unerwartet|YAML/) },
  { name: 'NUL bytes in a value', data: sub(LATEST, 'title: Kommunales', 'title: "Kommunales\\0'), expect: err(LATEST, /Anführungszeichen|Zeichen/) },
  { name: 'a 20 MB file', data: put('staff.yaml', Buffer.alloc(20 * 1024 * 1024, 'a')), expect: err('staff.yaml', 'Die Datei ist 20,0 MB groß; erlaubt sind höchstens 5 MB.', false) },
  { name: 'an alias bomb', data: before('programme.yaml', 'name: ', aliasBomb()), expect: err('programme.yaml', 'Zu viele Alias-Verweise') },
  { name: 'an alias to a missing anchor', data: sub('staff.yaml', 'role: kim-leitung', 'role: *leitung'), expect: err('staff.yaml', 'Der Alias *leitung verweist auf keinen') },
  { name: 'deeply nested flow data', data: before('meetings.yaml', 'sessions:\n', `deep: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`), expect: err('meetings.yaml', 'zu tief verschachtelt') },
  { name: 'deeply nested block data', data: before('organisation.yaml', 'body:\n', `${Array.from({ length: 300 }, (_, i) => `${' '.repeat(i)}k:\n`).join('')}`), expect: err('organisation.yaml', 'zu tief verschachtelt') },
  { name: 'nested complex keys', data: before('organisation.yaml', 'body:\n', `${'? '.repeat(60)}x\n: 1\n`), expect: err('organisation.yaml', /zu tief verschachtelt|einfacher Text/) },
  { name: 'an unknown YAML tag', data: sub('staff.yaml', 'fte: 0.5', 'fte: !!js/function "return 1"'), expect: err('staff.yaml', /Tag|Erwartet wird eine Zahl/) },
  { name: 'misspelt top-level key', data: sub('assignments.yaml', 'assignments:', 'assignmentz:'), expect: err('assignments.yaml', 'Unbekanntes Feld "assignmentz". Meinten Sie "assignments"?') },
  { name: 'missing data file', data: (d) => rmSync(join(d, 'staff.yaml')), expect: err('staff.yaml', 'Die Datei staff.yaml fehlt im Datenordner', false) },
  { name: 'a folder where a data file belongs', data: (d) => { rmSync(join(d, 'staff.yaml')); mkdirSync(join(d, 'staff.yaml')); }, expect: err('staff.yaml', 'staff.yaml ist ein Ordner; erwartet wird eine YAML-Datei.', false) },
  { name: 'a report that is a folder', data: (d) => mkdirSync(join(d, 'reports', 'ordner.yaml')), expect: err('reports/ordner.yaml', 'ist ein Ordner', false) },
  { name: 'reports/ is a file', data: (d) => { rmSync(join(d, 'reports'), { recursive: true }); writeIn(d, 'reports', 'x'); }, expect: err('reports', 'reports ist kein Ordner', false) },
  { name: 'a data file linked to a file outside the data folder', data: (d) => { const secret = join(tempDir(), 'secret.yaml'); writeFileSync(secret, 'GEHEIM: token-123\n'); rmSync(join(d, 'meetings.yaml')); symlinkSync(secret, join(d, 'meetings.yaml')); }, expect: err('meetings.yaml', 'symbolischer Link) aus dem Datenordner hinaus', false) },
  { name: 'a report linked to /proc/self/environ', data: (d) => symlinkSync('/proc/self/environ', join(d, 'reports', 'env.yaml')), expect: err('reports/env.yaml', 'aus dem Datenordner hinaus', false) },
  { name: 'a dangling symlink as a data file', data: (d) => { rmSync(join(d, 'assignments.yaml')); symlinkSync(join(d, 'gibt-es-nicht.yaml'), join(d, 'assignments.yaml')); }, expect: err('assignments.yaml', 'auf eine Datei, die es nicht gibt', false) },
  // valid but unusual text
  { name: 'right-to-left and combining characters in names and text', data: (d) => {
      replaceIn(d, 'staff.yaml', 'name: ', 'name: \u0639\u0644\u064A \u05D3\u05D5\u05D3 Zoe\u0308 ');
      replaceIn(d, LATEST, 'title: Kommunales Integrationsmanagement', 'title: Kommunales Integrationsmanagement Ame\u0301lie');
    }, expect: 'valid' },
  // Arabic and Hebrew letters reach the Vorlage: the PDF's font has none, and kim build makes the PDF by default.
  { name: 'right-to-left letters in a department and a title, as Markdown', data: (d) => {
      replaceIn(d, 'organisation.yaml', 'name: Kreissozialamt', 'name: Kreissozialamt \u0645\u0643\u062A\u0628 \u05DE\u05E9\u05E8\u05D3');
      replaceIn(d, LATEST, 'title: Kommunales Integrationsmanagement', 'title: Kommunales Integrationsmanagement \u062A\u0643\u0627\u0645\u0644 \u05E9\u05D9\u05DC\u05D5\u05D1');
    }, expect: err(LATEST, 'Die Zeichen "\u062A" (U+062A), "\u0643" (U+0643)') },
  { name: 'a logo PNG cut short (a broken-off upload)', data: (d) => {
      const png = readFileSync(join(ROOT, 'test', 'fixtures', 'logo.png'));
      writeIn(d, 'logo.png', png.subarray(0, Math.floor(png.length / 2)));
      replaceIn(d, 'organisation.yaml', '  fields: []\n', '  fields: []\n  logo: { file: logo.png, alt: Wappen }\n');
    }, expect: err('organisation.yaml', 'Logo "logo.png": Die PNG-Datei des Logos ist abgeschnitten') },
  // characters outside the PDF's font would print as "?"
  { name: 'an emoji in a report text, as PDF', formats: ['md', 'pdf'], data: sub(LATEST, 'Über den Status Quo', 'Über den Status Quo 😀'), expect: err(LATEST, 'Das Zeichen "😀" (U+1F600) kann im PDF nicht dargestellt werden') },
  { name: 'Chinese and Hebrew in the title, as PDF', formats: ['pdf'], data: sub(LATEST, 'title: Kommunales', 'title: 漢字 שלום Kommunales'), expect: err(LATEST, 'Die Zeichen "漢" (U+6F22), "字" (U+5B57), "ש" (U+05E9), "ל" (U+05DC), "ו" (U+05D5), "ם" (U+05DD) können im PDF nicht dargestellt werden') },
  { name: 'Greek, Cyrillic and Polish in a text, as PDF, are drawn', formats: ['pdf'], data: sub(LATEST, 'Über den Status Quo', 'Über den Status Quo (Ελλάδα, Україна, Łódź)'), expect: 'valid' },
  { name: 'very long valid text (19 000 characters)', data: sub(LATEST, '  modules:\n', `  closing: ${'Wort '.repeat(3_800)}\n  modules:\n`), expect: 'valid' },
  // templates
  { name: 'template: unknown helper', templates: { 'sachstand.md.hbs': `{{unknownHelper stand}}\n${TEMPLATE}` }, expect: err(/sachstand\.md\.hbs$/, 'Unbekannter Helfer "unknownHelper"') },
  { name: 'template: missing field', templates: { 'sachstand.md.hbs': `{{notAField}}\n${TEMPLATE}` }, expect: err(/sachstand\.md\.hbs$/, 'Das Feld "notAField" gibt es an dieser Stelle des Berichtsmodells nicht.') },
  { name: 'template: misspelt nested field', templates: { 'sachstand.md.hbs': `{{session.dat}}\n${TEMPLATE}` }, expect: err(/sachstand\.md\.hbs$/, '"dat"') },
  { name: 'template: unclosed {{#if}}', templates: { 'sachstand.md.hbs': `{{#if public}}\n${TEMPLATE}` }, expect: err(/sachstand\.md\.hbs$/, 'Syntaxfehler im Vorlagenmuster') },
  { name: 'template: unclosed mustache', templates: { 'sachstand.md.hbs': `{{stand\n${TEMPLATE}` }, expect: err(/sachstand\.md\.hbs$/, 'Syntaxfehler im Vorlagenmuster') },
  { name: 'template: unknown partial', templates: { 'sachstand.md.hbs': `{{> fehlt}}\n${TEMPLATE}` }, expect: err(/sachstand\.md\.hbs$/, 'Das Teilmuster "fehlt" gibt es nicht') },
  { name: 'template: error inside a partial blames the partial', templates: { 'partials/header.hbs': '{{notInHeader}}\n' }, expect: err(/partials\/header\.hbs$/, '"notInHeader"') },
  { name: 'template: helper with a wrong argument', templates: { 'sachstand.md.hbs': `{{amount title}}\n${TEMPLATE}` }, expect: err(/sachstand\.md\.hbs$/, 'Fehler in einem Helfer: amount erwartet eine Zahl') },
  { name: 'template: a helper without its value ({{fte}} for a field of that name)', templates: { 'sachstand.md.hbs': `{{fte}}\n${TEMPLATE}` }, expect: err(/sachstand\.md\.hbs$/, 'Fehler in einem Helfer: fte erwartet eine Zahl, bekam kein Argument') },
  { name: 'template: a date helper given a title', templates: { 'sachstand.md.hbs': `{{date title}}\n${TEMPLATE}` }, expect: err(/sachstand\.md\.hbs$/, 'date erwartet ein Datum') },
  { name: 'template: empty override is valid (renders nothing)', templates: { 'sachstand.md.hbs': '' }, expect: 'valid' },
];

/** Everything in a folder, with contents, to prove a failed run wrote nothing. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[relative(dir, p)] = readFileSync(p, 'base64');
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

interface Outcome {
  exit: 0 | 1 | 2;
  diagnostics: Diagnostic[];
  message: string;
  written: string[];
}

/** A case's data copy, its template overrides and an output folder that already holds files. */
function prepare(c: CorpusCase): { dataDir: string; templatesDir: string; outDir: string } {
  const dataDir = copyData();
  c.data?.(dataDir);
  const base = tempDir();
  const templatesDir = join(base, 'templates');
  mkdirSync(templatesDir); // a --templates folder given on the command line must exist
  for (const [name, content] of Object.entries(c.templates ?? {})) {
    mkdirSync(join(templatesDir, name, '..'), { recursive: true });
    writeFileSync(join(templatesDir, name), content);
  }
  const outDir = join(base, 'out');
  mkdirSync(outDir);
  writeFileSync(join(outDir, 'keep.txt'), 'unrelated');
  writeFileSync(join(outDir, '2022-03-16-kim-sachstand.md'), 'previous run');
  return { dataDir, templatesDir, outDir };
}

async function run(c: CorpusCase): Promise<{ outcome: Outcome; dataDir: string; outDir: string; before: Record<string, string> }> {
  const { dataDir, templatesDir, outDir } = prepare(c);
  const before = snapshot(outDir);
  let outcome: Outcome;
  try {
    const result = await writeReport({ dataDir, templatesDir, outDir, formats: c.formats ?? ['md'] });
    outcome = { exit: 0, diagnostics: result.diagnostics, message: '', written: result.written };
  } catch (cause) {
    if (cause instanceof DataError) outcome = { exit: 1, diagnostics: cause.diagnostics, message: cause.message, written: [] };
    else if (cause instanceof UsageError) outcome = { exit: 2, diagnostics: [], message: cause.message, written: [] };
    else throw cause; // anything else is a bug in kim: the test fails with it
  }
  return { outcome, dataDir, outDir, before };
}

test('the corpus has at least 60 cases', () => {
  expect(CASES.length).toBeGreaterThanOrEqual(60);
});

describe.each(CASES)('$name', (c) => {
  test(c.expect === 'valid' ? 'renders (exit 0)' : 'refused with a located German message, nothing written', async () => {
    const { outcome, outDir, before } = await run(c);
    const shown = `${outcome.message}\n${describeDiagnostics(outcome.diagnostics)}`;
    for (const d of outcome.diagnostics) expect(`${d.message}`).not.toMatch(STACK_TRACE);
    expect(outcome.message).not.toMatch(STACK_TRACE);
    expect(shown, 'content of a file outside the data folder leaked').not.toMatch(/token-123|PATH=/);
    if (c.expect === 'valid') {
      expect(outcome.exit, shown).toBe(0);
      expect(outcome.written).toHaveLength((c.formats ?? ['md']).length);
      return;
    }
    const e = c.expect;
    expect(outcome.exit, shown).toBe(1);
    const match = outcome.diagnostics.filter(
      (d) =>
        d.severity === 'error' &&
        (typeof e.file === 'string' ? d.file === e.file : e.file.test(d.file)) &&
        (typeof e.message === 'string' ? d.message.includes(e.message) : e.message.test(d.message)),
    );
    expect(match.length, shown).toBeGreaterThan(0);
    if (e.located !== false) {
      expect(match[0]!.line, shown).toBeGreaterThan(0);
      expect(match[0]!.col, shown).toBeGreaterThan(0);
    }
    // German: no English library message leaks through on its own.
    for (const d of outcome.diagnostics) expect(d.message, shown).not.toMatch(/^(Expected|Unexpected|Missing|Invalid|Cannot|undefined|null)\b|\b(must|should) (be|match|have)\b|property name/);
    expect(snapshot(outDir)).toEqual(before);
  });
});

describe('through the built CLI', () => {
  const cli = (c: CorpusCase, extra: string[] = []) => {
    const { dataDir, templatesDir, outDir } = prepare(c);
    const before = snapshot(outDir);
    const r = runCli(['report', '--data', dataDir, '--templates', templatesDir, '--out', outDir, ...extra]);
    return { r, outDir, before };
  };
  const byName = (name: string): CorpusCase => CASES.find((c) => c.name === name)!;

  test.each([
    ['staff.yaml: unclosed flow sequence', /staff\.yaml:\d+:\d+ {2}Fehler: .*wird nicht geschlossen/],
    ['a 20 MB file', /staff\.yaml {2}Fehler: Die Datei ist 20,0 MB groß/],
    ['an alias bomb', /programme\.yaml:\d+:\d+ {2}Fehler: Zu viele Alias-Verweise/],
    ['template: unknown helper', /sachstand\.md\.hbs:1:\d+ {2}Fehler: Unbekannter Helfer "unknownHelper"/],
    ['template: unclosed {{#if}}', /sachstand\.md\.hbs:\d+:\d+ {2}Fehler: Syntaxfehler im Vorlagenmuster/],
  ])('kim report: %s → exit 1, located, nothing written', (name, pattern) => {
    const { r, outDir, before } = cli(byName(name));
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect(r.stdout).toBe('');
    expect(snapshot(outDir)).toEqual(before);
  });

  test('kim report with right-to-left staff names and combining characters → exit 0, text kept', () => {
    const { r, outDir } = cli(byName('right-to-left and combining characters in names and text'));
    expect(r.status, r.stderr).toBe(0);
    const md = readFileSync(join(outDir, '2022-03-16-kim-sachstand.md'), 'utf8');
    expect(md.normalize('NFC')).toContain('Am\u00E9lie');
  });
});

