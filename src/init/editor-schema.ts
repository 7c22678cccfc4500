/**
 * kim's JSON Schemas as the data repository keeps them for the editor (`schemas/`, see
 * editor-schemas.ts): the same schema, plus what an editor needs to say in German what kim validate
 * would say, where the schema language lets it.
 *
 * yaml-language-server (VS Code's YAML extension and most other editors) reads, besides the checks:
 * `title`, `description`/`markdownDescription` (hover; kim's are German already), `patternErrorMessage`
 * (replaces its message for a failed `pattern` or `format`) and `errorMessage` (replaces its message
 * for a wrong type, a value outside `enum` or `const`, and on an object also for every missing or
 * unknown property, which is why objects get none: "Feld fehlt" without the field's name helps nobody).
 * Its other messages (missing and unknown properties, minimum, length) follow the editor's language:
 * German when the editor runs in German.
 *
 * Added here, when the schemas are copied, rather than written into schemas/*.json: kim validate keeps
 * its own German messages (it knows the field and the value), and every field added to a schema later
 * gets the editor's messages without anyone remembering to.
 */
import { joinList } from '../german/index.js';
import { CALENDAR_DATE_PATTERN, DAY_OR_MONTH_PATTERN } from './calendar-date.js';

type Schema = { [key: string]: unknown };

const ID_PATTERN = '^[a-z0-9][a-z0-9-]{0,79}$';

const TYPE_WORDS: Record<string, string> = {
  string: 'ein Text',
  number: 'eine Zahl',
  integer: 'eine ganze Zahl',
  boolean: 'true oder false',
  array: 'eine Liste',
};

const isObject = (v: unknown): v is Schema => v !== null && typeof v === 'object' && !Array.isArray(v);
const shown = (v: unknown): string => (typeof v === 'string' ? `"${v}"` : JSON.stringify(v));

/** The editor's copy of one schema (the input is left as it is). */
export function editorSchema(schema: Schema): Schema {
  return annotate(structuredClone(schema));
}

function annotate(node: Schema): Schema {
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) for (const item of value) if (isObject(item)) annotate(item);
    if (isObject(value)) annotate(value);
  }
  if (node['format'] === 'date') {
    // The calendar check itself, not only the shape: 2024-02-30 and 2023-02-29 are refused.
    node['pattern'] = CALENDAR_DATE_PATTERN;
    node['patternErrorMessage'] = 'Kein Kalendertag: erwartet wird ein Datum im Format JJJJ-MM-TT, das es gibt, z. B. 2022-03-16 (der 29. Februar nur in Schaltjahren).';
    node['errorMessage'] = 'Erwartet wird ein Datum im Format JJJJ-MM-TT, z. B. 2022-03-16.';
    return node;
  }
  if (node['pattern'] === DAY_OR_MONTH_PATTERN) {
    node['patternErrorMessage'] = 'Kein Kalendertag und kein Monat: erwartet wird ein Datum im Format JJJJ-MM-TT, das es gibt, z. B. 2022-03-16, oder, wenn nur der Monat bekannt ist, JJJJ-MM, z. B. 2021-09.';
    node['errorMessage'] = 'Erwartet wird ein Datum im Format JJJJ-MM-TT (z. B. 2022-03-16) oder ein Monat JJJJ-MM (z. B. 2021-09).';
    return node;
  }
  if (node['pattern'] === ID_PATTERN) {
    node['patternErrorMessage'] = 'Keine gültige Kennung: erwartet werden Kleinbuchstaben (a–z), Ziffern und Bindestriche, beginnend mit einem Buchstaben oder einer Ziffer, z. B. "modul-2".';
  }
  if (Array.isArray(node['enum'])) {
    node['errorMessage'] = `Nicht zulässig. Erlaubt ${node['enum'].length === 1 ? 'ist' : 'sind'}: ${joinList(node['enum'].map(shown), 'oder')}.`;
  } else if (typeof node['type'] === 'string' && TYPE_WORDS[node['type']] && !isObject(node['properties'])) {
    const example = Array.isArray(node['examples']) && node['type'] !== 'array' ? node['examples'][0] : undefined;
    node['errorMessage'] = `Erwartet wird ${TYPE_WORDS[node['type']]}${example !== undefined ? `, z. B. ${shown(example)}` : ''}.`;
  }
  return node;
}
