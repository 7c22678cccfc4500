// Writes docs/datenfelder.md, the German reference of every data field, from the JSON Schemas (their
// German titles, descriptions, examples and limits), so the reference cannot say what the schemas do not.
// `node scripts/generate-docs.mjs` writes the file; test/docs/field-reference.test.ts regenerates it in
// memory and fails when the committed file differs.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const FIELD_REFERENCE = join(root, 'docs', 'datenfelder.md');

/** The data files in the order a clerk meets them, with the file name each schema validates. */
const FILES = [
  ['organisation.schema.json', 'organisation.yaml'],
  ['programme.schema.json', 'programme.yaml'],
  ['staff.schema.json', 'staff.yaml'],
  ['assignments.schema.json', 'assignments.yaml'],
  ['meetings.schema.json', 'meetings.yaml'],
  ['report.schema.json', 'reports/<kennung>.yaml'],
];

/** The whole reference as Markdown, from the schemas in `schemasDir`. */
export function fieldReference(schemasDir = join(root, 'schemas')) {
  const out = [
    '# Datenfelder',
    '',
    '<!-- Erzeugt von scripts/generate-docs.mjs aus schemas/*.schema.json. Nicht von Hand ändern:',
    '     die Schemas ändern, dann `node scripts/generate-docs.mjs` ausführen. -->',
    '',
    'Jedes Feld der Datendateien, wie es die JSON-Schemas in `schemas/` beschreiben (dieselben Texte zeigt',
    'der Editor beim Tippen). Ein Feld `a.b` steht in der Datei eingerückt unter `a`; `a[]` ist eine Liste,',
    '`a[].b` ein Feld jedes Eintrags der Liste; `<kennung>` steht für einen frei gewählten Schlüssel.',
    '**Pflicht** heißt: ohne das Feld meldet `kim validate` einen Fehler (bei einem Feld in einem',
    'Abschnitt nur, wenn der Abschnitt selbst angegeben ist). Was über eine einzelne Datei hinaus geprüft',
    'wird, beschreibt die [Anleitung](anleitung.md#was-kim-validate-prüft).',
    '',
    '## Inhalt',
    '',
  ];
  const sections = [];
  for (const [schemaFile, dataFile] of FILES) {
    const schema = loadSchema(join(schemasDir, schemaFile));
    const anchor = slug(`${dataFile} – ${schema.title}`);
    out.push(`- [\`${dataFile}\` – ${schema.title}](#${anchor})`);
    sections.push(...fileSection(schema, dataFile));
  }
  out.push('', ...sections);
  return `${out.join('\n').trimEnd()}\n`;
}

function fileSection(schema, dataFile) {
  const lines = ['', `## \`${dataFile}\` – ${schema.title}`, ''];
  if (schema.description) lines.push(schema.description, '');
  lines.push('| Feld | Pflicht | Bedeutung | Wert | Beispiel |', '| --- | --- | --- | --- | --- |');
  const rows = [];
  walk(schema, schema, '', rows);
  for (const row of rows) lines.push(`| ${row.map(cell).join(' | ')} |`);
  return lines;
}

/** Appends a row per field below `node` (an object schema), depth first, in the schema's order. */
function walk(root, node, prefix, rows) {
  const object = resolve(root, node);
  const required = new Set(object.required ?? []);
  for (const [key, raw] of Object.entries(object.properties ?? {})) {
    const field = resolve(root, raw);
    const path = prefix ? `${prefix}.${key}` : key;
    rows.push([`\`${path}\``, required.has(key) ? 'ja' : '', meaning(field), value(root, field), example(field)]);
    descend(root, field, path, rows);
  }
  const extra = object.additionalProperties;
  if (extra && typeof extra === 'object') {
    const field = resolve(root, extra);
    const path = `${prefix}.<kennung>`;
    rows.push([`\`${path}\``, '', meaning(field), value(root, field), example(field)]);
    descend(root, field, path, rows);
  }
}

function descend(root, field, path, rows) {
  if (isObject(field)) walk(root, field, path, rows);
  else if (types(field).includes('array') && field.items) {
    const item = resolve(root, field.items);
    if (isObject(item)) walk(root, item, `${path}[]`, rows);
  }
}

/**
 * A `$ref` (to the file's own `$defs` or to another schema file's) merged with the field's own words,
 * which win ("Rolle" over "Kennung"); `allOf` parts merged into one field.
 */
function resolve(root, node) {
  if (!node || typeof node !== 'object') return {};
  let field = node;
  if (typeof node.$ref === 'string') {
    const match = /^([^#]*)#\/\$defs\/(.+)$/.exec(node.$ref);
    const home = match && (match[1] ? loadSchema(join(SCHEMA_DIRS.get(root) ?? '.', match[1])) : root);
    if (!home?.$defs?.[match[2]]) throw new Error(`generate-docs: cannot resolve ${node.$ref}`);
    const { $ref, ...own } = node;
    field = { ...resolve(home, home.$defs[match[2]]), ...own, definition: match[2] };
  }
  if (Array.isArray(field.allOf)) {
    const { allOf, ...own } = field;
    const parts = allOf.map((part) => resolve(root, part));
    const properties = Object.assign({}, ...parts.map((part) => part.properties ?? {}), own.properties ?? {});
    const required = [...parts.flatMap((part) => part.required ?? []), ...(own.required ?? [])];
    field = { ...Object.assign({}, ...parts), ...own, properties, required };
  }
  return field;
}

/** The folder each loaded schema came from, for `$ref`s into a sibling file. */
const SCHEMA_DIRS = new WeakMap();

function loadSchema(file) {
  const schema = JSON.parse(readFileSync(file, 'utf8'));
  SCHEMA_DIRS.set(schema, dirname(file));
  return schema;
}

const isObject = (field) => types(field).includes('object') && (field.properties || typeof field.additionalProperties === 'object');
const types = (field) => (Array.isArray(field.type) ? field.type : field.type ? [field.type] : []);

function meaning(field) {
  const title = field.title ? `**${field.title}**` : '';
  return [title, field.description ?? ''].filter(Boolean).join(': ');
}

/** What may be written: kind of value and its limits, in German. */
function value(root, field) {
  const parts = [];
  const variants = field.oneOf ?? field.anyOf;
  if (Array.isArray(variants)) parts.push(variants.map((variant) => value(root, resolve(root, variant))).filter(Boolean).join(' oder '));
  else if (field.enum) parts.push(`eins von ${field.enum.map((v) => `\`${v}\``).join(', ')}`);
  else if (field.const !== undefined) parts.push(`genau \`${field.const}\``);
  else if (field.definition === 'id') parts.push('Kennung (a–z, 0–9, Bindestrich)');
  else if (field.format === 'date') parts.push('Datum JJJJ-MM-TT');
  else {
    const names = { string: 'Text', number: 'Zahl', integer: 'ganze Zahl', boolean: '`true` oder `false`', array: 'Liste', object: 'Abschnitt', null: 'leer' };
    const kinds = types(field).map((t) => names[t] ?? t);
    if (kinds.length) parts.push(kinds.join(' oder '));
  }
  if (types(field).includes('array') && field.items && !isObject(resolve(root, field.items))) {
    const item = value(root, resolve(root, field.items));
    if (item) parts.push(`je Eintrag: ${item}`);
  }
  if (field.minimum !== undefined) parts.push(`mindestens ${num(field.minimum)}`);
  if (field.exclusiveMinimum !== undefined) parts.push(`größer als ${num(field.exclusiveMinimum)}`);
  if (field.maximum !== undefined) parts.push(`höchstens ${num(field.maximum)}`);
  if (field.exclusiveMaximum !== undefined) parts.push(`kleiner als ${num(field.exclusiveMaximum)}`);
  if (field.minLength > 1) parts.push(`mindestens ${field.minLength} Zeichen`);
  if (field.maxLength !== undefined) parts.push(`höchstens ${field.maxLength} Zeichen`);
  if (field.minItems !== undefined) parts.push(`mindestens ${field.minItems} ${field.minItems === 1 ? 'Eintrag' : 'Einträge'}`);
  if (field.maxItems !== undefined) parts.push(`höchstens ${field.maxItems} Einträge`);
  if (field.uniqueItems) parts.push('ohne Wiederholung');
  if (field.default !== undefined) parts.push(`Vorgabe ${inline(field.default)}`);
  return parts.join('; ');
}

const num = (n) => String(n).replace('.', ',');

function example(field) {
  return (field.examples ?? []).map(inline).join(', ');
}

/** A value as YAML writes it in a data file, in one line. */
function inline(v) {
  if (typeof v === 'string') return `\`${v}\``;
  if (typeof v !== 'object' || v === null) return `\`${String(v)}\``;
  const yaml = (x) =>
    Array.isArray(x)
      ? `[${x.map(yaml).join(', ')}]`
      : x && typeof x === 'object'
        ? `{ ${Object.entries(x).map(([k, y]) => `${k}: ${yaml(y)}`).join(', ')} }`
        : String(x);
  return `\`${yaml(v)}\``;
}

/** A table cell: one line, pipes escaped. */
function cell(text) {
  return String(text).replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
}

/** GitHub's heading anchor: lower case, punctuation out, spaces to hyphens. */
function slug(text) {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N} -]/gu, '')
    .replace(/ /g, '-');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(FIELD_REFERENCE, fieldReference());
  console.log(`geschrieben: ${FIELD_REFERENCE}`);
}
