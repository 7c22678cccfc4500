/**
 * Which data format a folder is written in. A folder states it (`format: N` in organisation.yaml, written
 * by `kim migrate`); a folder written before the field existed is recognised by its shape. Plain values
 * in, no files read: `kim validate` asks this before it reports schema errors, so an old folder gets one
 * clear message naming `kim migrate` instead of a list of errors that each look like a typo.
 */

/** The format this kim reads and writes. A new format: raise it and add a step in steps/index.ts. */
export const CURRENT_FORMAT = 2;

/** The parsed data files a format is read from (any may be missing or not a map). */
export interface FormatShape {
  organisation?: unknown;
  programme?: unknown;
  /** Each report file, relative path and parsed value. */
  reports: { file: string; value: unknown }[];
}

export interface DetectedFormat {
  version: number;
  /** True when the folder says so (`format:`), false when kim recognised the version by shape. */
  declared: boolean;
  /** German: what shows the version, e.g. `programme.yaml: Module ohne "kind"`; empty when declared or current. */
  signs: string[];
}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The text keys of a report of format 1 (before text blocks were keyed by module id). */
export const FORMAT_1_TEXT_KEYS = ['module1', 'module2Staff', 'module2Work'] as const;

/** The signs of format 1 in a folder: no paper types, modules without kind, module text keys by number. */
function format1Signs(shape: FormatShape): string[] {
  const signs: string[] = [];
  if (isMap(shape.organisation) && !('paperTypes' in shape.organisation)) signs.push('organisation.yaml ohne "paperTypes"');
  const modules = isMap(shape.programme) ? shape.programme['modules'] : undefined;
  if (Array.isArray(modules) && modules.some((m) => isMap(m) && !('kind' in m))) signs.push('programme.yaml: Module ohne "kind"');
  for (const { file, value } of shape.reports) {
    const text = isMap(value) ? value['text'] : undefined;
    const old = isMap(text) ? FORMAT_1_TEXT_KEYS.filter((k) => k in text) : [];
    if (old.length > 0) signs.push(`${file}: ${old.map((k) => `text.${k}`).join(', ')}`);
  }
  return signs;
}

/**
 * The folder's format: the declared one, else 1 when two signs of format 1 agree (one alone is more
 * likely a mistake in a current folder, which validation words better), else the current one.
 */
export function detectFormat(shape: FormatShape): DetectedFormat {
  const declared = isMap(shape.organisation) ? shape.organisation['format'] : undefined;
  if (typeof declared === 'number' && Number.isInteger(declared) && declared >= 1) return { version: declared, declared: true, signs: [] };
  const signs = format1Signs(shape);
  return signs.length >= 2 ? { version: 1, declared: false, signs } : { version: CURRENT_FORMAT, declared: false, signs: [] };
}

/** The message for a folder kim cannot read as it is, or undefined when the format is current. */
export function formatProblem(found: DetectedFormat): string | undefined {
  if (found.version === CURRENT_FORMAT) return undefined;
  if (found.version > CURRENT_FORMAT) {
    return `Die Daten haben das Datenformat ${found.version}; diese kim-Version kennt nur bis Format ${CURRENT_FORMAT}. Bitte kim aktualisieren.`;
  }
  const how = found.declared ? `laut "format: ${found.version}" in organisation.yaml` : `erkannt an: ${found.signs.join('; ')}`;
  return `Die Daten haben das ältere Datenformat ${found.version} (${how}); diese kim-Version liest Format ${CURRENT_FORMAT}. "kim migrate" schreibt den Datenordner ins aktuelle Format um (Kommentare und Formatierung bleiben erhalten; "kim migrate --check" zeigt vorher, was es ändert).`;
}
