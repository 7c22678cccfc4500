import type { Dirent } from 'node:fs';
import { access, constants, readdir, readFile, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { compareText } from '../compare.js';
import { error, warning, type Diagnostic } from '../diagnostics.js';
import { DataError } from '../errors.js';
import { didYouMean } from '../german/index.js';
import { packageRoot } from '../paths.js';

/** A template or partial file and where it came from, so errors can name the file the clerk can open. */
export interface TemplateFile {
  name: string;
  /** Absolute path. */
  path: string;
  /** Path as shown in messages: `templates/sachstand.md.hbs` or the override folder's path. */
  display: string;
}

export interface TemplateSet {
  templates: Map<string, TemplateFile>;
  partials: Map<string, TemplateFile>;
  /**
   * What is wrong with the override folder's files (absolute paths): a file kim cannot use is an error,
   * so no Vorlage is written with the built-in file the clerk meant to replace; a partial nothing
   * includes and other stray files are warnings.
   */
  diagnostics: Diagnostic[];
}

export const TEMPLATE_SUFFIX = '.md.hbs';
const PARTIAL_SUFFIX = '.hbs';
const PARTIALS_DIR = 'partials';
export const BUILTIN_TEMPLATES_DIR = join(packageRoot, 'templates');

/**
 * Built-in templates, then the data repository's own `templates/` folder, whose files replace the
 * built-in ones of the same name (`<name>.md.hbs`, `partials/<name>.hbs`).
 */
export async function findTemplates(overrideDir: string | undefined): Promise<TemplateSet> {
  const set: TemplateSet = { templates: new Map(), partials: new Map(), diagnostics: [] };
  await addFolder(set, BUILTIN_TEMPLATES_DIR, 'templates');
  if (overrideDir && overrideDir !== BUILTIN_TEMPLATES_DIR) {
    const builtinPartials = new Set(set.partials.keys());
    await addOverrides(set, overrideDir);
    const overrides = [...set.templates.values(), ...set.partials.values()].filter((f) => f.path.startsWith(overrideDir + sep));
    const texts = new Map(await Promise.all(overrides.map(async (f) => [f.path, await readFile(f.path, 'utf8').catch(() => '')] as const)));
    await checkContents(set, texts);
    await warnUnusedPartials(set, builtinPartials, texts);
  }
  return set;
}

async function addFolder(set: TemplateSet, dir: string, display: string): Promise<void> {
  for (const entry of await listEntries(dir)) {
    const key = templateName(entry.name);
    if (entry.isFile() && key) set.templates.set(key, { name: key, path: join(dir, entry.name), display: `${display}/${entry.name}` });
  }
  for (const entry of await listEntries(join(dir, PARTIALS_DIR))) {
    const key = partialName(entry.name);
    if (entry.isFile() && key) set.partials.set(key, { name: key, path: join(dir, PARTIALS_DIR, entry.name), display: `${display}/${PARTIALS_DIR}/${entry.name}` });
  }
}

/**
 * The override folder, file by file: a usable file replaces or adds a template; anything kim would pass
 * over is told, with the file name it most likely meant.
 */
async function addOverrides(set: TemplateSet, dir: string): Promise<void> {
  const info = await stat(dir).catch(() => undefined);
  if (!info) return; // the default folder `templates` is optional
  if (!info.isDirectory()) {
    set.diagnostics.push(error(dir, 0, 0, '', 'Dies ist eine Datei, kein Ordner: hier sucht kim eigene Vorlagenmuster (<name>.md.hbs und partials/<name>.hbs) und verwendet deshalb nur die eingebauten.'));
    return;
  }
  const templateFiles = [...set.templates.keys()].map((k) => k + TEMPLATE_SUFFIX);
  const partialFiles = [...set.partials.keys()].map((k) => k + PARTIAL_SUFFIX);
  for (const entry of await listEntries(dir)) {
    const path = join(dir, entry.name);
    if (isIgnored(entry.name)) continue;
    if (entry.name === PARTIALS_DIR) {
      if (entry.isDirectory()) await addOverridePartials(set, path, partialFiles);
      else set.diagnostics.push(error(path, 0, 0, '', `partials muss ein Ordner sein, der die Teilmuster enthält (partials/<name>.hbs); dies ist ${kindOf(entry)}.`));
      continue;
    }
    const key = templateName(entry.name);
    if (key) {
      if (await usable(set, entry, path)) set.templates.set(key, { name: key, path, display: path });
    } else if (entry.isDirectory()) {
      set.diagnostics.push(warning(path, 0, 0, '', `kim verwendet diesen Ordner nicht: Teilmuster gehören nach partials/.${didYouMean(entry.name, [PARTIALS_DIR], 'plain')}`));
    } else {
      const rule = 'Vorlagenmuster heißen <name>.md.hbs, nur mit Kleinbuchstaben, Ziffern und Bindestrichen';
      const hint = suggestFile(entry.name, [...templateFiles, ...partialFiles.map((p) => `${PARTIALS_DIR}/${p}`)]);
      set.diagnostics.push(isTemplateLike(entry.name) ? error(path, 0, 0, '', `kim verwendet diese Datei nicht: ${rule}.${hint}`) : warning(path, 0, 0, '', `kim verwendet diese Datei nicht (${rule}).${hint}`));
    }
  }
}

async function addOverridePartials(set: TemplateSet, dir: string, partialFiles: string[]): Promise<void> {
  for (const entry of await listEntries(dir)) {
    const path = join(dir, entry.name);
    if (isIgnored(entry.name)) continue;
    const key = partialName(entry.name);
    if (key) {
      if (await usable(set, entry, path)) set.partials.set(key, { name: key, path, display: path });
      continue;
    }
    const rule = 'Teilmuster heißen <name>.hbs, nur mit Kleinbuchstaben, Ziffern und Bindestrichen';
    const hint = suggestFile(entry.name, partialFiles);
    set.diagnostics.push(isTemplateLike(entry.name) ? error(path, 0, 0, '', `kim verwendet diese Datei nicht: ${rule}.${hint}`) : warning(path, 0, 0, '', `kim verwendet diese Datei nicht (${rule}).${hint}`));
  }
}

/**
 * A correctly named override must be a regular, readable file. A symbolic link is refused like one in
 * the data folder: it could make a file from anywhere on the machine part of a public Vorlage.
 */
async function usable(set: TemplateSet, entry: Dirent, path: string): Promise<boolean> {
  let problem: string | undefined;
  if (entry.isSymbolicLink()) {
    problem = 'Dies ist eine symbolische Verknüpfung; kim liest als Vorlagenmuster nur gewöhnliche Dateien (eine Verknüpfung könnte auf eine Datei außerhalb des Ordners zeigen) und verwendet sie nicht. Kopieren Sie die Datei an diese Stelle.';
  } else if (!entry.isFile()) {
    problem = `Dies ist ${kindOf(entry)}, keine Datei; kim verwendet es nicht.`;
  } else if (!(await access(path, constants.R_OK).then(() => true, () => false))) {
    problem = 'Das Vorlagenmuster kann nicht gelesen werden: keine Leseberechtigung.';
  }
  if (problem) set.diagnostics.push(error(path, 0, 0, '', problem));
  return problem === undefined;
}

/**
 * An override partial with a new name that no template or partial includes is never used: most likely a
 * misspelt replacement (`clsoing.hbs`). Looked for as text (`{{> name`), which is enough for a hint.
 */
async function warnUnusedPartials(set: TemplateSet, builtin: Set<string>, overrides: Map<string, string>): Promise<void> {
  const added = [...set.partials.values()].filter((p) => !builtin.has(p.name));
  if (added.length === 0) return;
  const files = [...set.templates.values(), ...set.partials.values()];
  const texts = await Promise.all(files.map((f) => overrides.get(f.path) ?? readFile(f.path, 'utf8').catch(() => '')));
  const called = new Set(texts.flatMap((t) => [...t.matchAll(/\{\{~?\s*#?>\s*([a-z0-9-]+)/g)].map((m) => m[1]!)));
  for (const p of added) {
    if (called.has(p.name)) continue;
    const hint = didYouMean(p.name + PARTIAL_SUFFIX, [...builtin].map((b) => b + PARTIAL_SUFFIX), 'plain');
    set.diagnostics.push(warning(p.path, 0, 0, '', `Kein Vorlagenmuster bindet dieses Teilmuster ein ({{> ${p.name}}}), kim verwendet es nicht.${hint}`));
  }
}

/**
 * Every override file's syntax and sandbox, so that `kim validate` and every command report all broken
 * files in one run (the engine would stop at the first it renders). Handlebars is loaded only when there
 * are overrides: a repository without them validates without it.
 */
async function checkContents(set: TemplateSet, texts: Map<string, string>): Promise<void> {
  if (texts.size === 0) return;
  const { checkedTemplate } = await import('./template-check.js');
  for (const [path, text] of texts) {
    try {
      checkedTemplate(path, text);
    } catch (cause) {
      if (!(cause instanceof DataError)) throw cause;
      set.diagnostics.push(...cause.diagnostics);
    }
  }
}

/** Template names come from data; only plain names are looked up, so none can point elsewhere. */
const isSafeName = (name: string): boolean => /^[a-z0-9][a-z0-9-]{0,79}$/.test(name);

const templateName = (file: string): string | undefined => (file.endsWith(TEMPLATE_SUFFIX) && isSafeName(file.slice(0, -TEMPLATE_SUFFIX.length)) ? file.slice(0, -TEMPLATE_SUFFIX.length) : undefined);
const partialName = (file: string): string | undefined => (file.endsWith(PARTIAL_SUFFIX) && isSafeName(file.slice(0, -PARTIAL_SUFFIX.length)) ? file.slice(0, -PARTIAL_SUFFIX.length) : undefined);

/** A file meant as a template (`.hbs` in any case): not using it would change the Vorlage, so an error. */
const isTemplateLike = (file: string): boolean => /\.hbs$/i.test(file);

/** Hidden files (.gitkeep, .DS_Store) and the README that `kim init` writes are no templates. */
const isIgnored = (file: string): boolean => file.startsWith('.') || /^readme(\.[a-z]+)?$/i.test(file);

/**
 * "Meinten Sie …?" for a file name; a name missing only its `.hbs`, differing only in case or a partial
 * put beside the templates instead of into partials/ counts as close, however long.
 */
function suggestFile(file: string, candidates: string[]): string {
  const lower = file.toLowerCase();
  const completed = candidates.find((c) => c === `${file}.hbs` || c.toLowerCase() === lower || c.toLowerCase() === `${PARTIALS_DIR}/${lower}`);
  return completed ? ` Meinten Sie ${completed}?` : didYouMean(file, candidates, 'plain');
}

function kindOf(entry: Dirent): string {
  if (entry.isDirectory()) return 'ein Ordner';
  if (entry.isSymbolicLink()) return 'eine symbolische Verknüpfung';
  if (entry.isFile()) return 'eine Datei';
  return 'eine besondere Datei';
}

async function listEntries(dir: string): Promise<Dirent[]> {
  try {
    return (await readdir(dir, { withFileTypes: true })).sort((a, b) => compareText(a.name, b.name));
  } catch {
    return [];
  }
}
