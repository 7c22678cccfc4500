import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { error, type Diagnostic } from '../diagnostics.js';
import type { SchemaName } from '../load/data-files.js';
import type { SourceFile } from '../load/source-file.js';
import { packageRoot } from '../paths.js';
import { describeSchemaError } from './schema-messages.js';

type Validators = Record<SchemaName, ValidateFunction>;
let validators: Promise<Validators> | undefined;

/** The validators compiled at build time (scripts/compile-schemas.mjs); loaded once per process. */
function loadValidators(): Promise<Validators> {
  validators ??= import(pathToFileURL(join(packageRoot, 'dist', 'schemas', 'validators.js')).href) as Promise<Validators>;
  return validators;
}

/** Checks one parsed file against its JSON Schema; every violation becomes a located German diagnostic. */
export async function checkSchema(schema: SchemaName, source: SourceFile): Promise<Diagnostic[]> {
  const validate = (await loadValidators())[schema];
  if (validate(source.value)) return [];
  const errors = pruneErrors(validate.errors ?? []);
  const described = await Promise.all(errors.map((e) => toDiagnostic(schema, source, e)));
  // A message that explains the cause (a decimal comma) replaces the others at the same value ("must be > 0").
  const explained = new Set(described.filter((d) => d.supersedes).map((d) => d.diagnostic.path));
  return described.filter((d) => d.supersedes || !explained.has(d.diagnostic.path)).map((d) => d.diagnostic);
}

/** `required` and `additionalProperties` problems hide the noise Ajv adds for the same object. */
function pruneErrors(errors: ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

async function toDiagnostic(schema: SchemaName, source: SourceFile, e: ErrorObject): Promise<{ diagnostic: Diagnostic; supersedes: boolean }> {
  const { message, pointer, atKey, supersedes } = await describeSchemaError(schema, source, e);
  const pos =
    (atKey ? source.keyPositions.get(pointer) : undefined) ??
    source.valuePositions.get(pointer) ??
    nearestPosition(source, pointer);
  return { diagnostic: error(source.file, pos.line, pos.col, jsonPath(pointer), message), supersedes: supersedes === true };
}

/** Falls back to the closest located ancestor, so every message still has a line. */
function nearestPosition(source: SourceFile, pointer: string): { line: number; col: number } {
  let p = pointer;
  while (p !== '') {
    p = p.slice(0, p.lastIndexOf('/'));
    const pos = source.valuePositions.get(p);
    if (pos) return pos;
  }
  return source.valuePositions.get('') ?? { line: 1, col: 1 };
}

/** `/staff/3/fte` → `staff[3].fte`: the way a clerk reads a location in the data. */
export function jsonPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((seg) => seg.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, seg) => (/^\d+$/.test(seg) ? `${acc}[${seg}]` : acc ? `${acc}.${seg}` : seg), '');
}
