import { error, type Diagnostic } from '../diagnostics.js';
import { escapePointer, type Position, type SourceFile } from './source-file.js';
import { decodeYamlText } from './yaml-text.js';
import { parseYamlText } from './yaml-parse.js';
import { buildValue } from './yaml-values.js';

export { escapePointer, type Position, type SourceFile };
export { MAX_FILE_BYTES } from './yaml-text.js';

/**
 * `source` on a failure: the data could still be read (an unknown tag, an invisible character, a
 * `%YAML 1.1` line), so validation checks it too and the clerk sees every problem in one run; the
 * errors keep it from ever being rendered.
 */
export type ParseResult = { ok: true; source: SourceFile } | { ok: false; diagnostics: Diagnostic[]; source?: SourceFile };

/**
 * Parses one data file's bytes, never throwing for bad input: bytes to text (yaml-text.ts), text to a
 * YAML document with the nesting guard and the syntax errors (yaml-parse.ts), document to plain data
 * with positions (yaml-values.ts).
 */
export function parseYamlFile(file: string, bytes: Uint8Array): ParseResult {
  const text = decodeYamlText(file, bytes);
  if (typeof text !== 'string') return { ok: false, diagnostics: [text] };
  const parsed = parseYamlText(file, text);
  if (!parsed.ok) return parsed;
  const { problems } = parsed;
  const built = buildValue(file, parsed.doc, parsed.at, parsed.text, problems);
  if ('diagnostic' in built) return { ok: false, diagnostics: [built.diagnostic, ...problems] };
  if (built.value === null || built.value === undefined) {
    return { ok: false, diagnostics: [error(file, 1, 1, '', 'Die Datei enthält keine Daten; erwartet wird eine Zuordnung (Schlüssel: Wert).'), ...problems] };
  }
  const source: SourceFile = { file, value: built.value, valuePositions: built.valuePositions, keyPositions: built.keyPositions, numberTexts: built.numberTexts };
  return problems.length > 0 ? { ok: false, diagnostics: problems, source } : { ok: true, source };
}
