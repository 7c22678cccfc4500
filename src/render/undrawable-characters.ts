import { readFileSync } from 'node:fs';
import { error, jsonPath, type Diagnostic } from '../diagnostics.js';
import { eachString } from '../load/source-file.js';
import { undrawableMessage } from '../drawable-characters.js';
import { orderedSources, type PrivacyContext } from './privacy-check.js';

/**
 * A character the PDF's font cannot draw would come out as "?" in the PDF: a Vorlage that says something
 * else than its data, written with success. One error per place the characters came from: the data
 * field (the report's own file first), else the template line.
 */
export function undrawableDiagnostics(characters: readonly string[], ctx: PrivacyContext): Diagnostic[] {
  const places = new Map<string, { place: Place; characters: string[] }>();
  for (const char of characters) {
    const place = locate(char, ctx);
    const key = `${place.file}:${place.line}:${place.col}:${place.path}`;
    const entry = places.get(key) ?? { place, characters: [] };
    entry.characters.push(char);
    places.set(key, entry);
  }
  return [...places.values()].map(({ place, characters: chars }) => {
    return error(place.file, place.line, place.col, place.path, undrawableMessage(chars));
  });
}

interface Place {
  file: string;
  line: number;
  col: number;
  path: string;
}

function locate(char: string, ctx: PrivacyContext): Place {
  for (const source of orderedSources(ctx)) {
    let found: string | undefined;
    eachString(source.value, (pointer, text) => {
      if (found === undefined && text.normalize('NFC').includes(char)) found = pointer;
    });
    if (found !== undefined) {
      const pos = source.valuePositions.get(found) ?? { line: 1, col: 1 };
      return { file: source.file, line: pos.line, col: pos.col, path: jsonPath(found) };
    }
  }
  for (const file of ctx.templateFiles) {
    const lines = readFileSync(file.path, 'utf8').normalize('NFC').split('\n');
    const i = lines.findIndex((l) => l.includes(char));
    if (i >= 0) return { file: file.path, line: i + 1, col: lines[i]!.indexOf(char) + 1, path: '' };
  }
  return { file: ctx.templateFiles[0]?.path ?? `${ctx.report.id}.md`, line: 0, col: 0, path: '' };
}
