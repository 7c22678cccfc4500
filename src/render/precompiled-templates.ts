/**
 * kim's own templates and partials, compiled at build time (scripts/compile-templates.mjs writes
 * dist/templates/compiled.js): a cold `kim report` then neither loads Handlebars' compiler nor compiles a
 * specification, and the template functions are part of the CLI's code cache. An entry is used only for
 * the very file it was made from (same place, same text), so an edited template in a checkout without a
 * new build, or a data repository's own template, is compiled as before.
 */
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../paths.js';
import type { PartialCall } from './template-compile.js';
import { BUILTIN_TEMPLATES_DIR } from './template-registry.js';

export interface PrecompiledTemplate {
  /** The template's text it was compiled from. */
  source: string;
  partials: PartialCall[];
  spec: TemplateSpecification;
}

let table: Promise<Record<string, PrecompiledTemplate>> | undefined;

/** The build's compiled form of a file of kim's templates/ folder with exactly this text, if there is one. */
export async function precompiledTemplate(path: string, source: string): Promise<PrecompiledTemplate | undefined> {
  if (!path.startsWith(BUILTIN_TEMPLATES_DIR + sep)) return undefined;
  // No such file after a bare `tsc`: every template is compiled at run time, as before.
  table ??= import(pathToFileURL(join(packageRoot, 'dist', 'templates', 'compiled.js')).href).then(
    (m: { templates: Record<string, PrecompiledTemplate> }) => m.templates,
    () => ({}),
  );
  const templates = await table;
  const key = relative(BUILTIN_TEMPLATES_DIR, path).split(sep).join('/');
  const entry = Object.hasOwn(templates, key) ? templates[key] : undefined;
  return entry && entry.source === source ? entry : undefined;
}
