import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ErrorObject } from 'ajv';
import type { SchemaName } from '../load/data-files.js';
import { escapePointer, type SourceFile } from '../load/source-file.js';
import { packageRoot } from '../paths.js';
import { countWord, didYouMean } from '../german/index.js';

type JsonSchema = Record<string, unknown>;
const rawSchemas = new Map<SchemaName, Promise<JsonSchema>>();

/** The schema JSON itself, read only when there is an error to explain (titles, allowed keys). */
function rawSchema(name: SchemaName): Promise<JsonSchema> {
  let schema = rawSchemas.get(name);
  if (!schema) {
    schema = readFile(join(packageRoot, 'schemas', `${name}.schema.json`), 'utf8').then((t) => JSON.parse(t) as JsonSchema);
    rawSchemas.set(name, schema);
  }
  return schema;
}

/** Resolves a schema path such as `#/properties/staff/items/properties/fte` inside one schema file. */
function resolve(schema: JsonSchema, path: string): JsonSchema | undefined {
  let node: unknown = schema;
  for (const raw of path.replace(/^#\/?/, '').split('/').filter(Boolean)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = (node as Record<string, unknown> | undefined)?.[seg];
  }
  const target = node as JsonSchema | undefined;
  const ref = target?.['$ref'];
  return typeof ref === 'string' && ref.startsWith('#') ? { ...resolve(schema, ref), ...target } : target;
}

/**
 * A recursive definition (an outline's sections contain sections) is compiled on its own, and Ajv gives
 * the schemaPath of its errors from that definition's root ("#/properties/body"), not the file's: the
 * file's top-level field of that name would lend its title. Such a path whose first field is not the
 * instance's is looked up in the definitions.
 */
function inDefinition(schema: JsonSchema, path: string, instancePath: string): string {
  const field = /^#\/properties\/([^/]+)/.exec(path)?.[1];
  if (field === undefined || field === instancePath.split('/')[1]) return path;
  const defs = Object.keys((schema['$defs'] ?? {}) as Record<string, unknown>);
  const name = defs.find((d) => resolve(schema, `#/$defs/${d}${path.slice(1)}`) !== undefined);
  return name === undefined ? path : `#/$defs/${name}${path.slice(1)}`;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'ein Text',
  number: 'eine Zahl',
  integer: 'eine ganze Zahl',
  boolean: 'true oder false',
  array: 'eine Liste',
  object: 'eine Zuordnung (schlüssel: wert)',
  null: 'kein Wert',
};

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'kein Wert';
  if (Array.isArray(value)) return 'eine Liste';
  if (value instanceof Uint8Array) return 'ein Binärwert (!!binary)';
  if (typeof value === 'object') return 'eine Zuordnung';
  if (typeof value === 'string') return `der Text "${value.length > 60 ? `${value.slice(0, 57)}…` : value}"`;
  if (typeof value === 'number') {
    // YAML's .inf and .nan are numbers to JavaScript but not to the schema; "die Zahl NaN" would baffle.
    if (Number.isNaN(value)) return 'der Wert .nan (keine Zahl)';
    if (!Number.isFinite(value)) return `der Wert ${value > 0 ? '' : '-'}.inf (unendlich)`;
    return `die Zahl ${String(value).replace('.', ',')}`;
  }
  return String(value);
}

/** A value as the clerk wrote it: text in quotes, anything else described ("eine Liste", not "[object Object]"). */
const quote = (v: unknown): string => (typeof v === 'string' ? `"${v.length > 60 ? `${v.slice(0, 57)}…` : v}"` : typeof v === 'number' || typeof v === 'boolean' ? String(v) : describeValue(v));
const germanNumber = (n: unknown): string => String(n).replace('.', ',');

function valueAt(root: unknown, pointer: string): unknown {
  let node = root;
  for (const seg of pointer.split('/').slice(1)) {
    node = (node as Record<string, unknown> | undefined)?.[seg.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node;
}

/**
 * Text blocks named after module numbers (`module1`, `module2Staff`, `module2Work`) are the layout of
 * earlier report files; a module's blocks stand under its id. Says where such a block goes, so an
 * earlier report file is a quick fix.
 */
function legacyTextKey(instancePath: string, key: string): string | undefined {
  const m = /^module(\d+)(Staff|Work)?$/.exec(key);
  if (instancePath !== '/text' || !m) return undefined;
  const part = m[2] === 'Work' ? 'work' : 'staff';
  return ` Textbausteine eines Moduls stehen unter text.modules.<Kennung des Moduls>.${part}, z. B. text.modules.modul-${m[1]}.${part}.`;
}

/**
 * `{ from: 2021-01-01, fte: 3,5 }`: inside `{ }` the comma separates entries, so YAML reads `fte: 3` and a
 * key `5` without a value. Recognised from the positions alone: a digits-only key without a value that
 * starts right after the comma behind the integer value of the entry before it.
 */
function decimalComma(source: SourceFile, mapPointer: string, extra: string): { message: string; pointer: string; atKey: boolean; supersedes: true } | undefined {
  if (!/^\d+$/.test(extra)) return undefined;
  const map = valueAt(source.value, mapPointer) as Record<string, unknown> | undefined;
  if (!map || map[extra] !== null) return undefined;
  const keyPos = source.keyPositions.get(`${mapPointer}/${escapePointer(extra)}`);
  if (!keyPos) return undefined;
  for (const [key, value] of Object.entries(map)) {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) continue;
    const pointer = `${mapPointer}/${escapePointer(key)}`;
    const pos = source.valuePositions.get(pointer);
    if (!pos || pos.line !== keyPos.line || pos.col + String(value).length + 1 !== keyPos.col) continue;
    return {
      message: `Feld "${key}": hier steht wohl die Dezimalzahl ${value},${extra} mit Komma. In { } trennt das Komma zwei Einträge, so wurden daraus "${key}: ${value}" und ein Feld "${extra}". In YAML wird der Dezimalpunkt geschrieben: ${key}: ${value}.${extra}`,
      pointer,
      atKey: false,
      supersedes: true,
    };
  }
  return undefined;
}

/** For a text where a number belongs: the German notation is the likely cause, say how to write it. */
function numberHint(type: unknown, value: unknown): string {
  if ((type !== 'number' && type !== 'integer') || typeof value !== 'string') return '';
  const text = value.trim();
  if (/^-?\d+,\d+$/.test(text)) return ` In YAML wird der Dezimalpunkt geschrieben: ${text.replace(',', '.')}.`;
  if (/^\d{1,3}(\.\d{3})+(,\d+)?\s*€?$/.test(text)) return ` Bitte ohne Tausenderpunkt${text.includes('€') ? ' und ohne €' : ''} schreiben: ${text.replace(/[.\s€]/g, '').replace(',', '.')}.`;
  if (/^\d+([.,]\d+)?\s*€$/.test(text)) return ` Bitte ohne € schreiben: ${text.replace(/[\s€]/g, '').replace(',', '.')}.`;
  return '';
}

/**
 * Turns one Ajv error into a German sentence that says what was found and what is expected, plus the
 * JSON pointer it concerns (and whether to point at the key rather than the value).
 */
export async function describeSchemaError(
  name: SchemaName,
  source: SourceFile,
  e: ErrorObject,
): Promise<{ message: string; pointer: string; atKey: boolean; supersedes?: true }> {
  const schema = await rawSchema(name);
  const parentPath = inDefinition(schema, e.schemaPath.slice(0, e.schemaPath.lastIndexOf('/')), e.instancePath);
  const parent = resolve(schema, parentPath) ?? {};
  const title = typeof parent['title'] === 'string' ? ` (${parent['title']})` : '';
  const value = valueAt(source.value, e.instancePath);
  const field = e.instancePath.split('/').pop() ?? '';
  const label = field && !/^\d+$/.test(field) ? `Feld "${field}"${title}: ` : '';
  const p = e.params as Record<string, unknown>;

  switch (e.keyword) {
    case 'required': {
      const missing = String(p['missingProperty']);
      const props = (parent['properties'] ?? {}) as Record<string, JsonSchema>;
      const sub = props[missing] ? resolve(schema, `${parentPath}/properties/${missing}`) : undefined;
      const what = sub?.['description'] ? ` ${String(sub['description'])}` : '';
      return { message: `Das Pflichtfeld "${missing}" fehlt.${what}`, pointer: e.instancePath, atKey: false };
    }
    case 'additionalProperties': {
      const extra = String(p['additionalProperty']);
      const comma = decimalComma(source, e.instancePath, extra);
      if (comma) return comma;
      const allowed = Object.keys((parent['properties'] ?? {}) as object);
      const message =
        `Unbekanntes Feld "${extra}".` +
        didYouMean(extra, allowed) +
        ` Erlaubt sind hier: ${allowed.join(', ')}.` +
        (name === 'report' ? (legacyTextKey(e.instancePath, extra) ?? '') : '');
      return { message, pointer: `${e.instancePath}/${escapePointer(extra)}`, atKey: true };
    }
    case 'type': {
      const expected = String(p['type'])
        .split(',')
        .map((t) => TYPE_NAMES[t] ?? t)
        .join(' oder ');
      // `reference: 0123` is the number 123 to YAML: say how it was written, and that text needs quotes.
      const written = typeof value === 'number' ? source.numberTexts?.get(e.instancePath) : undefined;
      const asText = written !== undefined && String(p['type']).split(',').includes('string') ? ` (geschrieben ${written}); als Text in Anführungszeichen: ${field}: "${written}"` : '';
      return { message: `${label}Erwartet wird ${expected}, gefunden wurde ${describeValue(value)}${asText}.${numberHint(p['type'], value)}`, pointer: e.instancePath, atKey: false };
    }
    case 'enum': {
      const allowed = (p['allowedValues'] as unknown[]).map(quote).join(', ');
      const hint = typeof value === 'string' ? didYouMean(value, (p['allowedValues'] as unknown[]).map(String)) : '';
      return {
        message: `${label}${quote(value)} ist nicht zulässig.${hint} Erlaubt sind: ${allowed}.`,
        pointer: e.instancePath,
        atKey: false,
      };
    }
    case 'format':
      return {
        message: `${label}${quote(value)} ist kein gültiges Datum; erwartet wird ein Kalendertag im Format JJJJ-MM-TT, z. B. 2022-03-16.`,
        pointer: e.instancePath,
        atKey: false,
      };
    case 'pattern':
      // A day, or only the month where the record has no day (schemas: $defs/dayOrMonth).
      if (e.schemaPath.endsWith('/dayOrMonth/pattern')) {
        return {
          message: `${label}${quote(value)} ist kein gültiges Datum; erwartet wird ein Kalendertag im Format JJJJ-MM-TT, z. B. 2022-03-16, oder, wenn nur der Monat bekannt ist, der Monat im Format JJJJ-MM, z. B. 2021-09.`,
          pointer: e.instancePath,
          atKey: false,
        };
      }
      // A key that must be an id (text.modules: { Modul_2: … }): Ajv reports it at the map, naming the key.
      if (e.propertyName !== undefined) {
        return {
          message: `${field && !/^\d+$/.test(field) ? `Feld "${field}": ` : ''}Der Schlüssel ${quote(e.propertyName)} ist keine gültige Kennung; erwartet werden Kleinbuchstaben (a–z), Ziffern und Bindestriche, z. B. "modul-2".`,
          pointer: `${e.instancePath}/${escapePointer(e.propertyName)}`,
          atKey: true,
        };
      }
      return {
        message: `${label}${quote(value)} ist keine gültige Kennung; erwartet werden Kleinbuchstaben (a–z), Ziffern und Bindestriche, z. B. "case-manager".`,
        pointer: e.instancePath,
        atKey: false,
      };
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
    case 'exclusiveMaximum': {
      const limit = germanNumber(p['limit']);
      const rule = {
        minimum: `mindestens ${limit}`,
        exclusiveMinimum: `größer als ${limit}`,
        maximum: `höchstens ${limit}`,
        exclusiveMaximum: `kleiner als ${limit}`,
      }[e.keyword];
      return { message: `${label}Der Wert ${germanNumber(value)} ist nicht zulässig; er muss ${rule} sein.`, pointer: e.instancePath, atKey: false };
    }
    case 'minLength':
      return { message: `${label}Der Text darf nicht leer sein.`, pointer: e.instancePath, atKey: false };
    case 'maxLength':
      return {
        message: `${label}Der Text ist ${String((value as string).length)} Zeichen lang; erlaubt sind höchstens ${String(p['limit'])}.`,
        pointer: e.instancePath,
        atKey: false,
      };
    case 'minItems':
      // "mindestens einen Eintrag", "mindestens zwei Einträge": never "2 Eintrag/Einträge".
      return { message: `${label}Die Liste braucht mindestens ${Number(p['limit']) === 1 ? 'einen Eintrag' : `${countWord(Number(p['limit']), 'masculine')} Einträge`}.`, pointer: e.instancePath, atKey: false };
    case 'uniqueItems':
      return {
        message: `${label}Die Liste enthält einen Eintrag doppelt (Einträge ${Number(p['j']) + 1} und ${Number(p['i']) + 1}).`,
        pointer: e.instancePath,
        atKey: false,
      };
    default:
      return { message: `${label}Ungültiger Wert (${e.message ?? e.keyword}).`, pointer: e.instancePath, atKey: false };
  }
}
