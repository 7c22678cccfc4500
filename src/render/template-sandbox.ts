/**
 * What a template may do, checked on its parsed form before it is compiled: a data repository's
 * templates/ is code that kim runs, so it gets kim's helpers and the documented built-ins only
 * (docs/vorlagenmuster.md). Refused, each at its place in the template:
 * - Handlebars' `log` (it prints into the build log, where `::error file=…::` is a CI annotation),
 *   `helperMissing` and `blockHelperMissing` called by name;
 * - a block that is not `if`, `unless`, `each` or `with` (`{{#items}}` runs through
 *   blockHelperMissing, Mustache's section semantics: a list repeats, anything else is a context);
 * - decorators (`{{* …}}`, `{{#*inline}}`: template code outside templates/partials/);
 * - a path through JavaScript's internals (`constructor`, `__proto__`, `toString` …) at any depth;
 * - an @-variable other than those the built-ins set (`{{@indx}}` would print nothing);
 * - a partial whose name is computed (`{{> (lookup . "name")}}`).
 * Handlebars' own prototype guard answers such a path with a blank; here it is a missing field.
 */
import { error, type Diagnostic } from '../diagnostics.js';
import { didYouMean } from '../german/index.js';
import { HELPERS } from './helpers.js';

/** The built-in block helpers a template may use; each documented in docs/vorlagenmuster.md. */
export const BLOCK_HELPERS = ['if', 'unless', 'each', 'with'] as const;
/** The helpers a template may call: kim's (helpers.ts) and kim's strict `lookup`. */
export const CALLABLE_HELPERS: readonly string[] = [...Object.keys(HELPERS), 'lookup'];
/** Handlebars' built-ins that are never allowed. */
export const REFUSED_HELPERS = ['log', 'helperMissing', 'blockHelperMissing'] as const;
/** The @-variables set by the built-in blocks (`@index`, `@key`, `@first`, `@last`) and `@root`. */
export const DATA_VARIABLES = ['root', 'index', 'key', 'first', 'last'] as const;

/**
 * Names that are never a field of the report model but a property every JavaScript object or function
 * inherits: a template must not reach them (Handlebars' guard would answer with a blank). `length` and
 * `name` are left out: they are ordinary field names, and a list's `length` is its own property.
 */
export const INTERNAL_NAMES: ReadonlySet<string> = new Set(
  ['__proto__', 'prototype', 'constructor', ...Object.getOwnPropertyNames(Object.prototype), ...Object.getOwnPropertyNames(Function.prototype)].filter((n) => n !== 'length' && n !== 'name'),
);

type Node = {
  type?: string;
  loc?: { start: { line: number; column: number } };
  path?: Node & { original?: unknown; parts?: string[]; data?: boolean };
  params?: Node[];
  hash?: { pairs?: { value: Node }[] };
  program?: Node;
  inverse?: Node;
  original?: unknown;
  parts?: string[];
  data?: boolean;
};

/** Every place where the template leaves the sandbox; an empty list when it stays inside. */
export function sandboxViolations(file: string, ast: hbs.AST.Program): Diagnostic[] {
  const found: Diagnostic[] = [];
  const report = (node: Node, message: string): void => {
    const start = node.loc?.start ?? { line: 0, column: -1 };
    found.push(error(file, start.line, start.column + 1, '', message));
  };
  const helperName = (node: Node): string | undefined => (node.path?.type === 'PathExpression' && node.path.parts?.length === 1 && !node.path.data ? node.path.parts[0] : undefined);

  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const n = node as Node;
    switch (n.type) {
      case 'Decorator':
      case 'DecoratorBlock':
        report(n, 'Dekoratoren ({{* …}}, {{#*inline …}}) sind in Vorlagenmustern nicht erlaubt: ein Teilmuster gehört als eigene Datei nach templates/partials/.');
        return;
      case 'BlockStatement': {
        const name = helperName(n);
        if (name && (REFUSED_HELPERS as readonly string[]).includes(name)) {
          report(n, refusedHelper(name));
        } else if (!name || !(BLOCK_HELPERS as readonly string[]).includes(name)) {
          const written = `{{${n.program ? '#' : '^'}${String(n.path?.original ?? '')}}}`;
          report(n, `Der Block ${written} ist kein erlaubter Block: erlaubt sind {{#if}}, {{#unless}}, {{#each}} und {{#with}}, z. B. {{#each ${String(n.path?.original ?? 'items')}}} für eine Liste.`);
        }
        break;
      }
      case 'MustacheStatement':
      case 'SubExpression': {
        const name = helperName(n);
        if (name && (REFUSED_HELPERS as readonly string[]).includes(name)) {
          report(n, refusedHelper(name));
          return;
        }
        break;
      }
      case 'PartialStatement':
      case 'PartialBlockStatement': {
        // `{{> (lookup . "name")}}` picks the partial at render time: kim could not check before rendering
        // that it exists, and a name from the data would let data choose template code.
        const name = (n as { name?: Node }).name;
        if (name && name.type !== 'PathExpression' && name.type !== 'StringLiteral') {
          report(n, 'Ein Teilmuster mit berechnetem Namen ({{> (…)}}) ist nicht erlaubt: kim prüft vor dem Erzeugen, dass jedes Teilmuster existiert, und das geht nur mit einem festen Namen, z. B. {{> closing}}.');
        }
        break;
      }
      case 'PathExpression':
        checkPath(n, report);
        return;
    }
    for (const [key, value] of Object.entries(n)) if (key !== 'loc' && key !== 'strip' && value && typeof value === 'object') visit(value);
  };
  visit(ast);
  return found;
}

function checkPath(path: Node, report: (node: Node, message: string) => void): void {
  const parts = path.parts ?? [];
  if (path.data) {
    const variable = parts[0] ?? '';
    if (!(DATA_VARIABLES as readonly string[]).includes(variable)) {
      const shown = DATA_VARIABLES.map((v) => `@${v}`);
      report(path, `Die Variable "@${variable}" gibt es nicht.${didYouMean(`@${variable}`, shown)} Vorhanden: ${shown.join(', ')}.`);
      return;
    }
  }
  const internal = parts.find((p) => INTERNAL_NAMES.has(p));
  if (internal) {
    report(path, `Das Feld "${internal}" gibt es im Berichtsmodell nicht: Vorlagenmuster dürfen nicht auf das Innere von JavaScript zugreifen (constructor, __proto__, prototype, toString …).`);
  }
}

const refusedHelper = (name: string): string =>
  `Der Helfer "${name}" ist in Vorlagenmustern nicht erlaubt.${name === 'log' ? ' Er schreibt in das Protokoll des Laufs, nicht in die Vorlage.' : ''} Erlaubt sind kims Helfer (${Object.keys(HELPERS).join(', ')}), lookup und die Blöcke {{#if}}, {{#unless}}, {{#each}}, {{#with}}.`;
