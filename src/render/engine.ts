import { readFile } from 'node:fs/promises';
import Handlebars from 'handlebars';
import { error, type Diagnostic } from '../diagnostics.js';
import { DataError } from '../errors.js';
import { suggest } from '../validate/did-you-mean.js';
import { HELPERS, HelperError, KNOWN_HELPERS } from './helpers.js';
import { escapeModel } from './markdown-escape.js';
import { SafeMarkdown } from './text-block.js';
import type { TemplateFile, TemplateSet } from './template-registry.js';
import { cacheDir, cacheKey, readCacheEntry, writeCacheEntry } from '../disk-cache.js';

/**
 * Compiles templates once per process (kim build renders many reports with one engine) in an isolated
 * Handlebars instance: strict (a missing field is an error, never a blank in an official paper), only
 * kim's helpers, no HTML escaping (Markdown is escaped in the model instead).
 */
export interface TemplateEngine {
  /** Renders template `name` with a model; throws DataError located in the template on failure. */
  render(name: string, model: object): Promise<string>;
  /** The template and every partial, for checks that need to point into template files. */
  files(name: string): TemplateFile[];
}

const COMPILE_OPTIONS = { strict: true, knownHelpers: KNOWN_HELPERS, knownHelpersOnly: true, noEscape: true } as const;

export function createTemplateEngine(set: TemplateSet): TemplateEngine {
  const env = Handlebars.create();
  for (const [name, helper] of Object.entries(HELPERS)) env.registerHelper(name, withLocation(helper as (...args: unknown[]) => unknown));
  const compiled = new Map<string, Promise<Handlebars.TemplateDelegate>>();

  const load = (file: TemplateFile): Promise<Handlebars.TemplateDelegate> => {
    let p = compiled.get(file.path);
    if (!p) {
      p = readFile(file.path, 'utf8').then(async (source) => {
        const template = await compileTemplate(env, file, source, set);
        // Tag errors with the innermost file, so a failing partial is blamed, not its caller.
        return ((context: unknown, options?: Handlebars.RuntimeOptions) => {
          try {
            return template(context, options);
          } catch (cause) {
            throw tagged(cause, file);
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
      try {
        return template(escapeModel(model, (v) => v instanceof SafeMarkdown), { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
      } catch (cause) {
        throw new DataError([toDiagnostic(cause, file, model)], 'Das Vorlagenmuster ist fehlerhaft.');
      }
    },
  };
}

interface TaggedError {
  kimTemplate?: TemplateFile;
}

function tagged(cause: unknown, file: TemplateFile): unknown {
  if (cause && typeof cause === 'object' && !(cause as TaggedError).kimTemplate) (cause as TaggedError).kimTemplate = file;
  return cause;
}

/**
 * Bump when compileTemplate's output changes for the same source (options, helpers' names): the
 * compiled-template cache is keyed by it.
 */
const TEMPLATE_REVISION = 1;
const CACHE_KIND = 'templates';

interface CompiledEntry {
  spec: string;
  partials: PartialCall[];
}

/**
 * Template source → render function. Compiling Handlebars is a large part of a cold `kim report`, so the
 * compiled JavaScript is kept in kim's disk cache, keyed by the template's text (a changed template is
 * compiled afresh). Compile errors become located diagnostics.
 */
async function compileTemplate(env: typeof Handlebars, file: TemplateFile, source: string, set: TemplateSet): Promise<Handlebars.TemplateDelegate> {
  const dir = cacheDir();
  const key = dir ? cacheKey(CACHE_KIND, TEMPLATE_REVISION, source) : '';
  const cached = dir ? await readCacheEntry<CompiledEntry>(dir, CACHE_KIND, key) : undefined;
  if (cached && typeof cached.spec === 'string' && Array.isArray(cached.partials)) {
    checkPartials(file, cached.partials, set);
    return env.template(evaluateSpec(cached.spec));
  }
  const ast = checkSyntax(env, file, source);
  const partials = partialCalls(ast);
  checkPartials(file, partials, set);
  let spec: string;
  try {
    spec = env.precompile(ast, COMPILE_OPTIONS) as string;
  } catch (cause) {
    throw new DataError([toDiagnostic(tagged(cause, file), file, {})], 'Das Vorlagenmuster ist fehlerhaft.');
  }
  if (dir) await writeCacheEntry(dir, CACHE_KIND, key, { spec, partials } satisfies CompiledEntry);
  return env.template(evaluateSpec(spec));
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
    try {
      return helper(...args);
    } catch (cause) {
      const loc = (args.at(-1) as { loc?: HandlebarsLocation } | undefined)?.loc;
      if (cause instanceof HelperError && loc) Object.assign(cause, { lineNumber: loc.start.line, column: loc.start.column });
      throw cause;
    }
  };
}

interface HandlebarsLocation {
  start: { line: number; column: number };
}

/** Parses first so a syntax error is reported with its line before anything renders. */
function checkSyntax(env: typeof Handlebars, file: TemplateFile, source: string): hbs.AST.Program {
  try {
    return env.parse(source);
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    const line = Number(/on line (\d+)/.exec(message)?.[1] ?? 1);
    const expected = /Expecting (.*), got '([^']*)'/.exec(message);
    const detail = expected ? ` Erwartet wurde ${expected[1]!.replace(/'/g, '')}, gefunden: ${expected[2]}.` : '';
    throw new DataError([error(file.path, line, 1, '', `Syntaxfehler im Vorlagenmuster (z. B. ein nicht geschlossenes {{#if}} oder {{#each}}).${detail}`)], 'Das Vorlagenmuster ist fehlerhaft.');
  }
}

/** Every `{{> partial}}` must exist: Handlebars itself would only fail at run time, without a position. */
function checkPartials(file: TemplateFile, calls: PartialCall[], set: TemplateSet): void {
  const missing = calls.filter((p) => !set.partials.has(p.name));
  if (missing.length > 0) {
    const known = [...set.partials.keys()];
    throw new DataError(
      missing.map((p) => {
        const hint = suggest(p.name, known);
        return error(file.path, p.line, p.col, '', `Das Teilmuster "${p.name}" gibt es nicht (partials/${p.name}.hbs).${hint ? ` Meinten Sie "${hint}"?` : ''} Vorhanden: ${known.join(', ') || 'keine'}.`);
      }),
      'Das Vorlagenmuster ist fehlerhaft.',
    );
  }
}

interface PartialCall {
  name: string;
  line: number;
  col: number;
}

/** Every `{{> name}}` in a template, with its position. */
function partialCalls(node: unknown, found: PartialCall[] = []): PartialCall[] {
  if (!node || typeof node !== 'object') return found;
  const n = node as { type?: string; name?: { original?: unknown }; loc?: HandlebarsLocation };
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

/** Translates Handlebars' errors (English, "- line:col" suffix) into a located German diagnostic. */
function toDiagnostic(cause: unknown, fallback: TemplateFile, model: object): Diagnostic {
  if (cause instanceof DataError) return cause.diagnostics[0]!;
  const file = (cause as TaggedError).kimTemplate ?? fallback;
  const e = cause as { message?: string; lineNumber?: number; column?: number };
  const message = e.message ?? String(cause);
  const loc = /- (\d+):(\d+)$/.exec(message);
  const line = e.lineNumber ?? (loc ? Number(loc[1]) : 0);
  const col = (e.column ?? (loc ? Number(loc[2]) : 0)) + 1;
  const missing = /^"([^"]+)" not defined in/.exec(message);
  if (missing) {
    const hint = suggest(missing[1]!, [...fieldNames(model)]);
    return error(file.path, line, col, '', `Das Feld "${missing[1]}" gibt es an dieser Stelle des Berichtsmodells nicht.${hint ? ` Meinten Sie "${hint}"?` : ''}`);
  }
  const unknownHelper = /unknown helper (\S+)/.exec(message);
  if (unknownHelper) {
    const hint = suggest(unknownHelper[1]!, Object.keys(HELPERS));
    return error(file.path, line, col, '', `Unbekannter Helfer "${unknownHelper[1]}".${hint ? ` Meinten Sie "${hint}"?` : ''} Verfügbar: ${Object.keys(HELPERS).join(', ')}.`);
  }
  const partial = /The partial (\S+) could not be found/.exec(message);
  if (partial) return error(file.path, line, col, '', `Das Teilmuster "${partial[1]}" gibt es nicht (templates/partials/${partial[1]}.hbs).`);
  if (cause instanceof HelperError) return error(file.path, line, col, '', `Fehler in einem Helfer: ${message}.`);
  return error(file.path, line, col, '', `Fehler im Vorlagenmuster: ${message.replace(/ - \d+:\d+$/, '')}`);
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
