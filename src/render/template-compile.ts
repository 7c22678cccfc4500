/**
 * Template source → Handlebars' precompiled form (JavaScript source of a template specification), with
 * kim's checks first. The only place that needs Handlebars' compiler and parser (with source-map, some
 * 250 kB of code): the engine renders with Handlebars' runtime and loads this module only for a
 * template that is neither one of kim's own, precompiled at build time (scripts/compile-templates.mjs),
 * nor in kim's disk cache. The build script uses it too, so both give the same specification.
 */
import Handlebars from 'handlebars';
import { DataError } from '../errors.js';
import { error } from '../diagnostics.js';
import { KNOWN_HELPERS } from './helpers.js';
import { checkedTemplate } from './template-check.js';
import { BLOCK_HELPERS, REFUSED_HELPERS } from './template-sandbox.js';

/**
 * Handlebars adds its built-ins to `knownHelpers`; naming the refused ones `false` makes the compiler
 * refuse them too (the sandbox check has said so in German before).
 */
const KNOWN = {
  ...KNOWN_HELPERS,
  lookup: true,
  ...Object.fromEntries(BLOCK_HELPERS.map((h) => [h, true])),
  ...Object.fromEntries(REFUSED_HELPERS.map((h) => [h, false])),
};
const COMPILE_OPTIONS = { strict: true, knownHelpers: KNOWN, knownHelpersOnly: true, noEscape: true } as const;

export interface PartialCall {
  name: string;
  line: number;
  col: number;
}

/** The checked template (DataError with every located problem) and its `{{> name}}` calls. */
export function parseTemplate(path: string, source: string): { ast: hbs.AST.Program; partials: PartialCall[] } {
  const ast = checkedTemplate(path, source);
  return { ast, partials: partialCalls(ast) };
}

/** The specification's JavaScript source (an object literal); throws Handlebars' own error. */
export function precompileSpec(ast: hbs.AST.Program): string {
  return Handlebars.precompile(ast, COMPILE_OPTIONS) as string;
}

/** Every `{{> name}}` in a template, with its position. */
function partialCalls(node: unknown, found: PartialCall[] = []): PartialCall[] {
  if (!node || typeof node !== 'object') return found;
  const n = node as { type?: string; name?: { original?: unknown }; loc?: { start: { line: number; column: number } } };
  if ((n.type === 'PartialStatement' || n.type === 'PartialBlockStatement') && typeof n.name?.original === 'string' && n.loc) {
    found.push({ name: n.name.original, line: n.loc.start.line, col: n.loc.start.column + 1 });
  }
  for (const [key, value] of Object.entries(node)) {
    if (key === 'loc') continue;
    if (Array.isArray(value)) value.forEach((v) => partialCalls(v, found));
    else if (value && typeof value === 'object') partialCalls(value, found);
  }
  return found;
}

/** For the build script: a file kim ships, compiled or refused with its located German message. */
export function compileBuiltin(path: string, source: string): { spec: string; partials: PartialCall[] } {
  const { ast, partials } = parseTemplate(path, source);
  try {
    return { spec: precompileSpec(ast), partials };
  } catch (cause) {
    throw new DataError([error(path, 0, 0, '', cause instanceof Error ? cause.message : String(cause))], 'Das Vorlagenmuster ist fehlerhaft.');
  }
}
