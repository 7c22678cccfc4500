import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import HandlebarsRuntime from 'handlebars/runtime.js';
import type FullHandlebars from 'handlebars';
import { error, type Diagnostic } from '../diagnostics.js';
import { DataError } from '../errors.js';
import { didYouMean } from '../german/index.js';
import { HELPERS, HelperError } from './helpers.js';
import { fillIn, translate, withoutLocation } from './handlebars-messages.js';
import { escapeModel } from './markdown-escape.js';
import { SafeMarkdown } from './text-block.js';
import { MissingField, plainValue, strictModel } from './strict-model.js';
import { BLOCK_HELPERS, REFUSED_HELPERS } from './template-sandbox.js';
import type { TemplateFile, TemplateSet } from './template-registry.js';
import type { PartialCall } from './template-compile.js';
import { precompiledTemplate } from './precompiled-templates.js';
import { cacheKey, readCacheEntry, writeCacheEntry } from '../disk-cache.js';
import type { Trace } from '../trace.js';

/**
 * Rendering needs only Handlebars' runtime (`template`, helpers, partials); its compiler and parser are
 * loaded with template-compile.ts when a template has to be compiled (see compileTemplate). The runtime
 * module's type declarations are empty; it is the same object as the full package without the compiler.
 */
const Handlebars = HandlebarsRuntime as unknown as typeof FullHandlebars;

/**
 * Compiles templates once per process (kim build renders many reports with one engine) in an isolated
 * Handlebars instance: strict (a missing field is an error, never a blank in an official paper), only
 * kim's helpers and the documented built-ins (the sandbox: template-sandbox.ts), no HTML escaping
 * (Markdown is escaped in the model instead). Handlebars' English messages become German through the
 * table in schemas/template-messages.yaml.
 */
export interface TemplateEngine {
  /** Renders template `name` with a model; throws DataError located in the template on failure. */
  render(name: string, model: object): Promise<string>;
  /** The template and every partial, for checks that need to point into template files. */
  files(name: string): TemplateFile[];
}

/** Deeper nesting of partials than this is a partial calling itself without end (no data is nested so deep). */
const MAX_PARTIAL_DEPTH = 40;

export function createTemplateEngine(set: TemplateSet, options: { cacheDir?: string | undefined; trace?: Trace | undefined } = {}): TemplateEngine {
  const env = Handlebars.create();
  for (const [name, helper] of Object.entries(HELPERS)) env.registerHelper(name, withLocation(helper as (...args: unknown[]) => unknown));
  // Handlebars' own lookup returns nothing for a missing field even in strict mode: a blank in the Vorlage.
  env.registerHelper('lookup', withLocation(strictLookup as (...args: unknown[]) => unknown));
  // Never called by a template that passed the sandbox check; removed so that nothing can reach them.
  for (const name of REFUSED_HELPERS) env.unregisterHelper(name);
  for (const name of BLOCK_HELPERS) env.registerHelper(name, locatedBuiltin(env.helpers[name]!));
  const compiled = new Map<string, Promise<Handlebars.TemplateDelegate>>();
  /** Each file's `{{> name}}` calls, to point at the call that closes a loop of partials. */
  const callsOf = new Map<string, PartialCall[]>();
  /** The template and the partials being rendered, outermost first: the chain shown in messages. */
  const stack: TemplateFile[] = [];

  const load = (file: TemplateFile): Promise<Handlebars.TemplateDelegate> => {
    let p = compiled.get(file.path);
    if (!p) {
      // A file that went or lost its permissions after it was listed: located, not a crash (exit 3).
      const text = readFile(file.path, 'utf8').catch((cause: unknown) => {
        throw new DataError([error(file.path, 0, 0, '', unreadable(cause))], 'Das Vorlagenmuster ist fehlerhaft.');
      });
      p = text.then(async (source) => {
        const { template, partials } = await compileTemplate(env, file, source, set, options.cacheDir, options.trace);
        callsOf.set(file.path, partials);
        // Tag errors with the innermost file and the chain that led to it, so a failing partial is blamed, not its caller.
        return ((context: unknown, options?: Handlebars.RuntimeOptions) => {
          stack.push(file);
          try {
            if (stack.length > MAX_PARTIAL_DEPTH) throw new PartialLoop([...stack]);
            return template(context, options);
          } catch (cause) {
            throw tagged(cause, file, stack);
          } finally {
            stack.pop();
          }
        }) as Handlebars.TemplateDelegate;
      });
      compiled.set(file.path, p);
    }
    return p;
  };

  let partialsReady: Promise<void> | undefined;
  const registerPartials = (): Promise<void> =>
    (partialsReady ??= Promise.all(
      [...set.partials.values()].map(async (file) => env.registerPartial(file.name, await load(file))),
    ).then(() => undefined));

  return {
    files: (name) => [...(set.templates.has(name) ? [set.templates.get(name)!] : []), ...set.partials.values()],
    async render(name, model) {
      const file = set.templates.get(name);
      if (!file) throw new DataError([error('templates', 0, 0, '', `Das Vorlagenmuster "${name}" gibt es nicht.`)]);
      await registerPartials();
      const template = await load(file);
      stack.length = 0;
      try {
        return template(strictModel(escapeModel(model, (v) => v instanceof SafeMarkdown)), { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
      } catch (cause) {
        throw new DataError([toDiagnostic(cause, file, model, callsOf)], 'Das Vorlagenmuster ist fehlerhaft.');
      }
    },
  };
}

interface TaggedError {
  kimTemplate?: TemplateFile;
  /** The template and partials from the outermost to the failing one. */
  kimChain?: TemplateFile[];
}

function tagged(cause: unknown, file: TemplateFile, chain: TemplateFile[] = [file]): unknown {
  if (cause && typeof cause === 'object' && !(cause as TaggedError).kimTemplate) Object.assign(cause, { kimTemplate: file, kimChain: [...chain] });
  return cause;
}

/** A partial that includes itself, directly or through others, without a condition that ends it. */
class PartialLoop extends Error {
  constructor(readonly chain: TemplateFile[]) {
    super('partial loop');
  }
}

/**
 * `{{lookup object "field"}}` that fails like a missing `{{field}}`: Handlebars' own returns nothing for a
 * missing field even in strict mode, which would leave a blank in an official paper. Own properties
 * only, so no prototype can be reached.
 */
function strictLookup(object: unknown, field: unknown): unknown {
  const name = typeof field === 'number' ? String(field) : field;
  if (typeof name !== 'string') throw new HelperError(`lookup erwartet einen Feldnamen, bekam ${field === undefined || field === null ? 'keinen Wert' : typeof field}`);
  if (object !== null && typeof object === 'object' && Object.prototype.hasOwnProperty.call(object, name)) return (object as Record<string, unknown>)[name];
  throw new MissingField(name, object !== null && typeof object === 'object' ? Object.keys(object) : []);
}


/**
 * Bump when compileTemplate's output changes for the same source (options, helpers' names): the
 * compiled-template cache is keyed by it.
 */
const TEMPLATE_REVISION = 3;
const CACHE_KIND = 'templates';

interface CompiledEntry {
  spec: string;
  partials: PartialCall[];
}

/**
 * Template source → render function. Compiling Handlebars is a large part of a cold `kim report`: kim's
 * own templates come compiled from the build (precompiled-templates.ts), any other's compiled JavaScript
 * is kept in kim's disk cache, keyed by the template's text (a changed template is compiled afresh).
 * Compile errors become located diagnostics.
 */
async function compileTemplate(
  env: typeof Handlebars,
  file: TemplateFile,
  source: string,
  set: TemplateSet,
  dir: string | undefined,
  trace?: Trace,
): Promise<{ template: Handlebars.TemplateDelegate; partials: PartialCall[] }> {
  const built = await precompiledTemplate(file.path, source);
  if (built) {
    trace?.('cache', `Template ${file.display}: mit kim vorübersetzt ausgeliefert`);
    checkPartials(file, built.partials, set);
    return { template: env.template(built.spec), partials: built.partials };
  }
  const key = dir ? cacheKey(CACHE_KIND, TEMPLATE_REVISION, source) : '';
  const cached = dir ? await readCacheEntry<CompiledEntry>(dir, CACHE_KIND, key, { trace, subject: `Template ${file.display}` }) : undefined;
  if (cached && typeof cached.spec === 'string' && Array.isArray(cached.partials)) {
    checkPartials(file, cached.partials, set);
    return { template: env.template(evaluateSpec(cached.spec)), partials: cached.partials };
  }
  const compiler = await import('./template-compile.js');
  const { ast, partials } = compiler.parseTemplate(file.path, source);
  checkPartials(file, partials, set);
  let spec: string;
  try {
    spec = compiler.precompileSpec(ast);
  } catch (cause) {
    throw new DataError([toDiagnostic(tagged(cause, file), file, {}, new Map())], 'Das Vorlagenmuster ist fehlerhaft.');
  }
  if (dir) await writeCacheEntry(dir, CACHE_KIND, key, { spec, partials } satisfies CompiledEntry);
  return { template: env.template(evaluateSpec(spec)), partials };
}

/** Handlebars' precompiled form is a JavaScript object literal; turning it back into one is its documented use. */
function evaluateSpec(spec: string): TemplateSpecification {
  return new Function(`return (${spec});`)() as TemplateSpecification;
}

/**
 * Helpers throw without a position; Handlebars passes each call's source location in its options
 * (the last argument), so attach it to the error for a located message.
 */
function withLocation(helper: (...args: unknown[]) => unknown): Handlebars.HelperDelegate {
  return (...args: unknown[]) => {
    // Called for every helper in every Vorlage (the outline's blocks are picked by a chain of `eq`): one
    // array, no slice and map.
    const last = args.length - 1;
    for (let i = 0; i < last; i++) args[i] = plainValue(args[i]);
    try {
      // Helpers read the plain model (a list's map, find …); what they return is held to the strict view again.
      return strictModel(helper(...args));
    } catch (cause) {
      const loc = (args[last] as { loc?: HandlebarsLocation } | undefined)?.loc;
      if ((cause instanceof HelperError || cause instanceof MissingField) && loc) Object.assign(cause, { lineNumber: loc.start.line, column: loc.start.column });
      throw cause;
    }
  };
}

/**
 * Handlebars' built-in blocks complain without a position ("#if requires exactly one argument"): attach
 * the block's. Errors from inside the block's body are passed on as they are, located where they arose.
 */
function locatedBuiltin(helper: Handlebars.HelperDelegate): Handlebars.HelperDelegate {
  return function (this: unknown, ...args: unknown[]) {
    const last = args.length - 1;
    const options = args[last] as Handlebars.HelperOptions & { loc?: HandlebarsLocation };
    // Every {{#if}} of every block passes here: the error that left the body is remembered in a variable
    // rather than a WeakSet per call.
    let fromBody: unknown;
    const passOn = (run: Handlebars.TemplateDelegate): Handlebars.TemplateDelegate =>
      ((...a: Parameters<Handlebars.TemplateDelegate>) => {
        try {
          return run(...a);
        } catch (cause) {
          fromBody = cause;
          throw cause;
        }
      }) as Handlebars.TemplateDelegate;
    args[last] = { ...options, fn: passOn(options.fn), inverse: passOn(options.inverse) };
    try {
      return (helper as (...a: unknown[]) => unknown).apply(this, args);
    } catch (cause) {
      const e = cause as { lineNumber?: number };
      if (cause && typeof cause === 'object' && cause !== fromBody && e.lineNumber === undefined && options.loc) {
        Object.assign(cause, { lineNumber: options.loc.start.line, column: options.loc.start.column });
      }
      throw cause;
    }
  };
}

interface HandlebarsLocation {
  start: { line: number; column: number };
}

/** A German sentence for a template file kim could not read; never the raw errno text. */
function unreadable(cause: unknown): string {
  const code = (cause as { code?: string } | undefined)?.code;
  if (code === 'ENOENT') return 'Das Vorlagenmuster kann nicht gelesen werden: die Datei gibt es nicht mehr.';
  if (code === 'EACCES' || code === 'EPERM') return 'Das Vorlagenmuster kann nicht gelesen werden: keine Leseberechtigung.';
  if (code === 'EISDIR') return 'Das Vorlagenmuster kann nicht gelesen werden: es ist ein Ordner, keine Datei.';
  return `Das Vorlagenmuster kann nicht gelesen werden (${code ?? 'unbekannter Fehler'}).`;
}

/** Every `{{> partial}}` must exist: Handlebars itself would only fail at run time, without a position. */
function checkPartials(file: TemplateFile, calls: PartialCall[], set: TemplateSet): void {
  const missing = calls.filter((p) => !set.partials.has(p.name));
  if (missing.length > 0) {
    const known = [...set.partials.keys()];
    throw new DataError(
      missing.map((p) => error(file.path, p.line, p.col, '', `Das Teilmuster "${p.name}" gibt es nicht (partials/${p.name}.hbs).${didYouMean(p.name, known)} Vorhanden: ${known.join(', ') || 'keine'}.`)),
      'Das Vorlagenmuster ist fehlerhaft.',
    );
  }
}

/** `sachstand.md.hbs → closing.hbs`: the template and partials that led to a place. */
const chainText = (chain: TemplateFile[]): string => chain.map((f) => f.display.split('/').pop()).join(' → ');

/** " (eingebunden über sachstand.md.hbs → header.hbs)" for an error inside a partial, else nothing. */
const viaChain = (cause: unknown): string => {
  const chain = (cause as TaggedError).kimChain;
  return chain && chain.length > 1 ? ` (eingebunden über ${chainText(chain)})` : '';
};

/**
 * Handlebars' errors (English, "- line:col" suffix) and kim's own (a missing field, a helper's complaint)
 * as a located German diagnostic; the wording of Handlebars' messages comes from the table.
 */
function toDiagnostic(cause: unknown, fallback: TemplateFile, model: object, callsOf: Map<string, PartialCall[]>): Diagnostic {
  if (cause instanceof DataError) return cause.diagnostics[0]!;
  if (cause instanceof PartialLoop) return loopDiagnostic(cause.chain, callsOf);
  const file = (cause as TaggedError).kimTemplate ?? fallback;
  const e = cause as { message?: string; lineNumber?: number; column?: number };
  const raw = e.message ?? String(cause);
  const loc = /- (\d+):(\d+)$/.exec(raw);
  const message = withoutLocation(raw);
  const line = e.lineNumber ?? (loc ? Number(loc[1]) : 0);
  const col = (e.column ?? (loc ? Number(loc[2]) : 0)) + 1;
  if (cause instanceof HelperError) return error(file.path, line, col, '', `Fehler in einem Helfer: ${message}.${viaChain(cause)}`);
  const found = translate(message);
  if (!found) return error(file.path, line, col, '', `Fehler im Vorlagenmuster: ${message}${viaChain(cause)}`);
  const values: Record<string, string> = { ...found.values, via: viaChain(cause) };
  let at = { line, col };
  if (found.entry.kind === 'missing-field') {
    const name = values.field ?? '';
    const known = cause instanceof MissingField && cause.known.length > 0 ? cause.known : [...fieldNames(model)];
    values.hint = didYouMean(name, known);
    // A field given to a block helper ({{#if x}}) is missed by the model view, which knows no position: find it in the file.
    if (line === 0) at = fieldInSource(file.path, name) ?? at;
  } else if (found.entry.kind === 'unknown-helper') {
    values.hint = didYouMean(values.helper ?? '', Object.keys(HELPERS));
    values.helpers = Object.keys(HELPERS).join(', ');
  }
  return error(file.path, at.line, at.col, '', fillIn(found.entry.kim, values));
}

/** Where a field name first stands in a template's expressions (`{{#if text.prefce}}` → the `prefce`). */
function fieldInSource(path: string, name: string): { line: number; col: number } | undefined {
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`\\{\\{[^}]*?(?<=[\\s{(./#^])(${escaped})(?=[\\s}).\\/]|$)`, 'g');
  for (const m of source.matchAll(pattern)) {
    if (source.lastIndexOf('{{!', m.index) > source.lastIndexOf('}}', m.index)) continue; // inside a comment
    const offset = m.index + m[0].length - m[1]!.length;
    const before = source.slice(0, offset);
    return { line: before.split('\n').length, col: offset - before.lastIndexOf('\n') };
  }
  return undefined;
}

/**
 * The loop in a chain that hit the depth limit: from the first file that appears twice to its second
 * appearance, located at the `{{> …}}` call that closes the loop.
 */
function loopDiagnostic(chain: TemplateFile[], callsOf: Map<string, PartialCall[]>): Diagnostic {
  let end = 1;
  let start = 0;
  for (; end < chain.length; end++) {
    start = chain.findIndex((f) => f.path === chain[end]!.path);
    if (start < end) break;
  }
  const shown = chain.slice(0, end + 1);
  const caller = chain[end - 1]!;
  const callee = chain[end]!;
  const call = (callsOf.get(caller.path) ?? []).find((c) => c.name === callee.name);
  const self = end - start === 1 ? `Das Teilmuster "${callee.name}" ruft sich selbst auf` : `Die Teilmuster ${chain.slice(start, end).map((f) => `"${f.name}"`).join(' und ')} rufen sich gegenseitig auf`;
  return error(
    caller.path,
    call?.line ?? 0,
    call?.col ?? 0,
    '',
    `${self}, ohne Ende: ${chainText(shown)} → … Ein Teilmuster darf sich nur in einer Bedingung ({{#if}}) selbst aufrufen, die irgendwann nicht mehr zutrifft.`,
  );
}

/** Every property name in the model, for "did you mean" on a misspelt field. */
function fieldNames(value: unknown, names = new Set<string>(), depth = 0): Set<string> {
  if (depth > 6 || value === null || typeof value !== 'object') return names;
  if (Array.isArray(value)) {
    if (value.length > 0) fieldNames(value[0], names, depth + 1);
    return names;
  }
  for (const [k, v] of Object.entries(value)) {
    names.add(k);
    fieldNames(v, names, depth + 1);
  }
  return names;
}
