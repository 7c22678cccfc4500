/**
 * `kim init`: copies the scaffold (a ready data repository) into a folder. The scaffold lives as plain
 * files in the package's `scaffold/` folder, so it can be reviewed and edited like any other file.
 * Names starting with `_` become `.` (`_gitignore` → `.gitignore`, `_github/` → `.github/`): npm leaves
 * `.gitignore` files out of a published package, so they cannot be shipped under their real names.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { writeFileAtomic } from '../files/atomic-write.js';
import { UsageError } from '../errors.js';
import { packageRoot } from '../paths.js';
import { KIM_VERSION } from '../version.js';
import { EDITOR_SCHEMA_DIR, editorSchemaText, packageSchemaNames } from './editor-schemas.js';
import { kimSource, type KimSource, type KimSourceOption } from './kim-source.js';

export const SCAFFOLD_DIR = join(packageRoot, 'scaffold');

export interface ScaffoldFile {
  /** Path in the new repository, forward slashes (e.g. `.github/workflows/kim.yml`). */
  target: string;
  /** The file to copy; for kim's schemas (`schemas/…`, for the editor) the package's schema they are made from. */
  source: string;
  /** Made from `source` rather than copied (the editor's schemas). */
  editorSchema?: true;
}

/** Every scaffold file with its target path, sorted. */
export async function scaffoldFiles(dir = SCAFFOLD_DIR): Promise<ScaffoldFile[]> {
  const out: ScaffoldFile[] = [];
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) {
        const target = relative(dir, path).split(/[\\/]/).map((part) => part.replace(/^_/, '.')).join('/');
        out.push({ target, source: path });
      }
    }
  };
  await walk(dir);
  if (dir === SCAFFOLD_DIR) {
    for (const name of await packageSchemaNames()) out.push({ target: `${EDITOR_SCHEMA_DIR}/${name}`, source: join(packageRoot, 'schemas', name), editorSchema: true });
  }
  return out.sort((a, b) => (a.target < b.target ? -1 : 1));
}

export interface InitResult {
  dir: string;
  /** Absolute paths of the files written. */
  written: string[];
  /** Existing files that were replaced (only with force). */
  overwritten: string[];
  /** Where the new repository's package.json installs kim from. */
  source: KimSource;
}

/**
 * Writes the scaffold into `dir`; refuses (UsageError, naming the files) to overwrite anything unless
 * `force`. `kimSource` overrides where the repository installs kim from (see kim-source.ts).
 */
export async function initRepository(dir: string, options: { force?: boolean; kimSource?: KimSourceOption | undefined } = {}): Promise<InitResult> {
  const root = resolve(dir);
  const source = kimSource(root, options.kimSource);
  const info = await stat(root).catch(() => undefined);
  if (info && !info.isDirectory()) throw new UsageError(`${dir} ist eine Datei, kein Ordner.`);
  const files = await scaffoldFiles();
  const existing: string[] = [];
  for (const f of files) if (await stat(join(root, f.target)).catch(() => undefined)) existing.push(f.target);
  if (existing.length > 0 && !options.force) {
    throw new UsageError(`kim init überschreibt keine vorhandenen Dateien; in ${dir} gibt es schon: ${existing.join(', ')}. Mit --force werden sie ersetzt.`);
  }
  const written: string[] = [];
  for (const f of files) {
    const raw = f.editorSchema ? await editorSchemaText(basename(f.source)) : (await readFile(f.source, 'utf8')).replaceAll('__KIM_VERSION__', KIM_VERSION);
    const text = f.target === 'package.json' ? withKimSource(raw, source) : raw;
    const target = join(root, f.target);
    await writeFileAtomic(target, text);
    written.push(target);
  }
  return { dir: root, written, overwritten: existing.map((f) => join(root, f)), source };
}

/**
 * The repository's package.json with its kim dependency. A git source also gets an allowScripts entry
 * (the repository without the tag): npm runs a git dependency's `prepare` (which builds kim) only for
 * packages the project allows, and warns about every other (strict-allow-scripts makes that an error).
 */
function withKimSource(text: string, source: KimSource): string {
  const manifest = JSON.parse(text) as Record<string, unknown> & { dependencies: Record<string, string> };
  manifest.dependencies = { ...manifest.dependencies, kim: source.spec };
  if (source.git) manifest['allowScripts'] = { [source.spec.replace(/#.*$/, '')]: true };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
