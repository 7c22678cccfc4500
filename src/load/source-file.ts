/** 1-based line and column in the source file. */
export interface Position {
  line: number;
  col: number;
}

/**
 * A parsed YAML file that remembers where every value and every key stood, so any later stage (schema,
 * rules, templates) can point the clerk at `file:line:col`. Keys are JSON pointers (`/staff/3/fte`).
 * Kept apart from the parser so that stages which only read positions never load the YAML library.
 */
export interface SourceFile {
  /** Relative to the data folder, forward slashes: what the clerk sees in messages. */
  file: string;
  value: unknown;
  valuePositions: Map<string, Position>;
  keyPositions: Map<string, Position>;
  /**
   * How a number was written, for the numbers written differently from their value (`55.000` is 55,
   * `3.50` is 3.5), so rules can catch a German thousands separator. Absent in hand-made sources.
   */
  numberTexts?: Map<string, string>;
}

/** One segment of a JSON pointer (RFC 6901): `~` and `/` escaped. */
export function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Calls `visit` for every string below `value` (mappings and lists at any depth) with its JSON pointer. */
export function eachString(value: unknown, visit: (pointer: string, text: string) => void, pointer = ''): void {
  if (typeof value === 'string') visit(pointer, value);
  else if (Array.isArray(value)) value.forEach((v, i) => eachString(v, visit, `${pointer}/${i}`));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) eachString(v, visit, `${pointer}/${escapePointer(k)}`);
}
