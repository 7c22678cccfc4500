import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
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
}

export const TEMPLATE_SUFFIX = '.md.hbs';
const PARTIAL_SUFFIX = '.hbs';
export const BUILTIN_TEMPLATES_DIR = join(packageRoot, 'templates');

/**
 * Built-in templates, then the data repository's own `templates/` folder, whose files replace the
 * built-in ones of the same name (`<name>.md.hbs`, `partials/<name>.hbs`).
 */
export async function findTemplates(overrideDir: string | undefined): Promise<TemplateSet> {
  const set: TemplateSet = { templates: new Map(), partials: new Map() };
  await addFolder(set, BUILTIN_TEMPLATES_DIR, 'templates');
  if (overrideDir && overrideDir !== BUILTIN_TEMPLATES_DIR) await addFolder(set, overrideDir, overrideDir);
  return set;
}

async function addFolder(set: TemplateSet, dir: string, display: string): Promise<void> {
  for (const name of await listFiles(dir)) {
    if (name.endsWith(TEMPLATE_SUFFIX) && isSafeName(name.slice(0, -TEMPLATE_SUFFIX.length))) {
      const key = name.slice(0, -TEMPLATE_SUFFIX.length);
      set.templates.set(key, { name: key, path: join(dir, name), display: `${display}/${name}` });
    }
  }
  for (const name of await listFiles(join(dir, 'partials'))) {
    if (name.endsWith(PARTIAL_SUFFIX) && isSafeName(name.slice(0, -PARTIAL_SUFFIX.length))) {
      const key = name.slice(0, -PARTIAL_SUFFIX.length);
      set.partials.set(key, { name: key, path: join(dir, 'partials', name), display: `${display}/partials/${name}` });
    }
  }
}

/** Template names come from data; only plain names are looked up, so none can point elsewhere. */
const isSafeName = (name: string): boolean => /^[a-z0-9][a-z0-9-]{0,79}$/.test(name);

async function listFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name).sort();
  } catch {
    return [];
  }
}
