/**
 * Output file names come from one table, src/emit/output-formats.ts (name, extension, mime type, renderer
 * of each format): no other file of src/ spells `.md`, `.pdf` or `.docx` (nor `.oparl.json`) in a string,
 * template or regular expression, so adding or renaming a format is one edit and cannot leave a stale
 * name behind (a cleanup that misses the new format's files, an OParl File with the wrong extension).
 * Other uses of those letters (kim's own `.md` text blocks, help examples) are allowed below, each with its
 * reason, and each allowance must still be needed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { parseAst } from 'rolldown/parseAst';
import { describe, expect, test } from 'vitest';
import { packageRoot } from '../../src/paths.js';

const SRC = join(packageRoot, 'src');
const TABLE = 'emit/output-formats.ts';

/**
 * An output extension in literal text: `.md`, `.pdf`, `.docx`, `.oparl.json`, also escaped in a regular
 * expression; not a template's `.md.hbs`.
 */
const EXTENSION = /\\?\.(?:md|pdf|docx|oparl\\?\.json)(?!\\?\.?[\w-])/i;

/** `file: literal` → why that literal may spell an extension. */
const ALLOWED: Record<string, string> = {
  'files/atomic-write.ts: \\.pdf$': 'base, below the table: guesses from a file name which program holds it open (a PDF reader on Windows)',
  'render/privacy-check.ts: .md': 'render, below the table: a name found in the Markdown of a template-less Vorlage is located at its file name',
  'render/undrawable-characters.ts: .md': 'render, below the table: a character found in the Markdown of a template-less Vorlage is located at its file name',
  'files/word-template.ts: ": sie ist kein Word-Dokument (.docx).': 'the Kreis\'s Word template, an input',
  'files/word-template.ts: Die Datei enthält Makros. Speichern Sie die Vorlage in Word als „Word-Dokument (*.docx)“ ohne Makros.': 'the Kreis\'s Word template, an input',
  'files/zip.ts: Die Datei ist keine ZIP-Datei (ein Word-Dokument .docx ist eine).': 'the Kreis\'s Word template, an input',
  'validate/rules/word-template.ts:  Erwartet wird ein Word-Dokument (.docx), in Word gespeichert.': 'the Kreis\'s Word template, an input',
  'validate/rules/word-template.ts: " ist keine Word-Datei; erwartet wird eine Datei mit der Endung .docx oder .dotx.': 'the Kreis\'s Word template, an input',
  'render/outline-overrides.ts: .md.hbs nicht mehr verwendet: die Vorlage wird nach einer Gliederung aus einzelnen Bausteinen zusammengesetzt (docs/gliederung.md), und diese Fassung bliebe ohne Wirkung. Erwartet wird stattdessen eine eigene Fassung von ':
    'points the clerk at kim\'s documentation (docs/gliederung.md)',
  'validate/rules/data-files.ts: " ist ein Ordner; erwartet wird der Pfad einer Datei im Datenordner, z. B. anlagen/geschaeftsordnung.pdf.': 'an attachment in the data folder, an input',
};

function sourceFiles(dir = SRC, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const rel = prefix ? posix.join(prefix, e.name) : e.name;
    if (e.isDirectory()) return sourceFiles(join(dir, e.name), rel);
    return /\.c?ts$/.test(e.name) && !/\.d\.c?ts$/.test(e.name) ? [rel] : [];
  });
}

/** The literal texts of a TypeScript file (strings, template parts, regular expressions), comments left out by the parser. */
function literals(file: string, text: string): string[] {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as { type?: unknown; value?: unknown; regex?: { pattern: string } };
    if (n.type === 'Literal' && typeof n.value === 'string') found.push(n.value);
    if (n.type === 'Literal' && n.regex) found.push(n.regex.pattern);
    if (n.type === 'TemplateElement') found.push((n.value as { raw: string }).raw);
    for (const child of Object.values(node)) walk(child);
  };
  walk(parseAst(text, { lang: 'ts' }, file));
  return found;
}

/** `file: literal` for each literal of src/ outside the table that spells an output extension. */
function spelled(): string[] {
  return sourceFiles()
    .filter((f) => f !== TABLE)
    .flatMap((f) => literals(f, readFileSync(join(SRC, f), 'utf8')).filter((l) => EXTENSION.test(l)).map((l) => `${f}: ${l}`))
    .sort();
}

describe('output file names are spelled in the format table only', () => {
  const found = spelled();

  test('no file of src/ but the table spells an output extension', () => {
    expect(found.filter((f) => !(f in ALLOWED))).toEqual([]);
  });

  test('each allowance is still needed', () => {
    expect(Object.keys(ALLOWED).filter((a) => !found.includes(a))).toEqual([]);
  });

  test('the table spells them', () => {
    expect(literals(TABLE, readFileSync(join(SRC, TABLE), 'utf8')).filter((l) => EXTENSION.test(l))).toEqual(['.md', '.pdf', '.docx', '.oparl.json']);
  });

  test('the check sees an extension in a string, a template and a regular expression, not in a comment or a property', () => {
    const text = "// writes x.md\nconst a = `${id}.pdf`; const b = '.docx'; const c = /\\.md$/; const d = FORMATS.md.extension; /* y.pdf */ const e = 'a.md.hbs'; const f = 'als a.pdf.';";
    expect(literals('x.ts', text).filter((l) => EXTENSION.test(l))).toEqual(['.pdf', '.docx', '\\.md$', 'als a.pdf.']);
  });
});
