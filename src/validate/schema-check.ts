import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { error, jsonPath, type Diagnostic } from '../diagnostics.js';
import type { SchemaName } from '../load/data-files.js';
import { escapePointer, type SourceFile } from '../load/source-file.js';
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
  return (await schemaProblems(schema, source)).diagnostics;
}

/**
 * The diagnostics, and the JSON pointers of the values that are wrong: a missing field counts as the
 * field (`/staff/3/fte`), an unknown key as that key, any other error as the value it is about. Rules
 * that read only other parts of the file can still run (see RuleContext.validAt).
 */
export async function schemaProblems(schema: SchemaName, source: SourceFile): Promise<{ diagnostics: Diagnostic[]; broken: string[] }> {
  const validate = (await loadValidators())[schema];
  if (validate(source.value)) return { diagnostics: [], broken: [] };
  const errors = pruneErrors(validate.errors ?? []);
  const described = await Promise.all(errors.map((e) => toDiagnostic(schema, source, e)));
  // A message that explains the cause (a decimal comma) replaces the others at the same value ("must be > 0").
  const explained = new Set(described.filter((d) => d.supersedes).map((d) => d.diagnostic.path));
  const diagnostics = described.filter((d) => d.supersedes || !explained.has(d.diagnostic.path)).map((d) => d.diagnostic);
  return { diagnostics, broken: errors.map(brokenPointer) };
}

function brokenPointer(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  if (e.keyword === 'required') return `${e.instancePath}/${escapePointer(String(p['missingProperty']))}`;
  if (e.keyword === 'additionalProperties') return `${e.instancePath}/${escapePointer(String(p['additionalProperty']))}`;
  if (e.propertyName !== undefined) return `${e.instancePath}/${escapePointer(e.propertyName)}`;
  return e.instancePath;
}

/**
 * `required` and `additionalProperties` problems hide the noise Ajv adds for the same object; a key that
 * breaks `propertyNames` is explained by the error about the key itself (Ajv adds a bare "property name
 * must be valid" beside it).
 */
function pruneErrors(errors: ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  const badKeys = new Set(errors.filter((e) => e.propertyName !== undefined).map((e) => `${e.instancePath}|${e.propertyName}`));
  return errors.filter((e) => {
    if (e.keyword === 'propertyNames' && badKeys.has(`${e.instancePath}|${String((e.params as Record<string, unknown>)['propertyName'])}`)) return false;
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
