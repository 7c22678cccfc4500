import { error, type Diagnostic } from '../diagnostics.js';
import type { Position } from './source-file.js';

/** Files above this size are refused before parsing: no clerk writes 5 MB of YAML, and parsing it would stall. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/**
 * A data file's bytes as the text the YAML parser reads, or why there is none: too large, not UTF-8 (at
 * the first bad byte), or empty. Offsets in the text are those of the file, so positions stay true.
 */
export function decodeYamlText(file: string, bytes: Uint8Array): string | Diagnostic {
  if (bytes.byteLength > MAX_FILE_BYTES) {
    const mb = (bytes.byteLength / 1024 / 1024).toFixed(1).replace('.', ',');
    return error(file, 0, 0, '', `Die Datei ist ${mb} MB groß; erlaubt sind höchstens 5 MB.`);
  }
  const text = decodeUtf8(file, bytes);
  if (typeof text !== 'string') return text;
  // A byte-order mark is harmless. YAML 1.2 counts a lone CR as a line break (files from old Macs); the
  // parser does not and would read such a file as one long comment line: make it LF (same length, so
  // every offset stays where it was).
  const source = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\r(?!\n)/g, '\n');
  if (source.trim() === '' || isOnlyComments(source)) {
    return error(file, 1, 1, '', 'Die Datei ist leer; erwartet wird ein YAML-Dokument mit Daten.');
  }
  return source;
}

function isOnlyComments(text: string): boolean {
  return text.split(/\r?\n/).every((line) => /^\s*(#.*)?$/.test(line) || line.trim() === '---');
}

function decodeUtf8(file: string, bytes: Uint8Array): string | Diagnostic {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const { line, col, offset } = firstInvalidUtf8(bytes);
    return error(
      file,
      line,
      col,
      '',
      `Die Datei ist nicht UTF-8-kodiert (ungültiges Byte 0x${bytes[offset]?.toString(16).padStart(2, '0')}); bitte als UTF-8 speichern.`,
    );
  }
}

/** Finds the first byte that breaks UTF-8, with its line and column, by decoding line by line. */
function firstInvalidUtf8(bytes: Uint8Array): Position & { offset: number } {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let lineStart = 0;
  let line = 1;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      const slice = bytes.subarray(lineStart, i);
      try {
        decoder.decode(slice);
      } catch {
        for (let end = 1; end <= slice.length; end++) {
          try {
            decoder.decode(slice.subarray(0, end));
          } catch {
            // The bad sequence starts within the last 4 bytes; report its first byte.
            let start = end - 1;
            while (start > 0 && start > end - 4 && (slice[start]! & 0xc0) === 0x80) start--;
            return { line, col: start + 1, offset: lineStart + start };
          }
        }
        return { line, col: 1, offset: lineStart };
      }
      lineStart = i + 1;
      line++;
    }
  }
  return { line: 1, col: 1, offset: 0 };
}
