import { realpathSync, statSync } from 'node:fs';
import { dirname, relative, resolve, isAbsolute, basename, join } from 'node:path';

/**
 * Folder options that would silently do the wrong thing, checked before a command runs (a usage error,
 * exit 2): a `--templates` folder typed wrong would leave the built-in templates in use without a word,
 * and an output folder inside the data folder would put the Vorlagen among the data (and `kim build`
 * cleans up its output folder).
 */
export function folderProblem(options: { data?: string; templates?: string; out?: string }, templatesGiven: boolean, command: string): string | undefined {
  // An empty value (`--out "$AUSGABE"` with the variable unset) would mean the current folder.
  for (const name of ['data', 'templates', 'out'] as const) {
    if (options[name]?.trim() === '') return `Die Option --${name} braucht einen Ordner; angegeben ist ein leerer Wert.`;
  }
  // Only kim report writes one Vorlage to stdout; elsewhere "-" would become a folder named "-".
  if (options.out === '-' && command !== 'report') return `--out - (die Standardausgabe) gibt es nur bei kim report; kim ${command} schreibt in einen Ordner, z. B. --out out.`;
  if (templatesGiven && options.templates !== undefined && !isFolder(options.templates)) {
    return `Der Ordner für eigene Vorlagenmuster ${options.templates} (--templates) existiert nicht oder ist kein Ordner.`;
  }
  if (options.out !== undefined && options.out !== '-' && options.data !== undefined) {
    const data = realLocation(options.data);
    const inside = relative(data, realLocation(options.out));
    if (inside === '' || (!inside.startsWith('..') && !isAbsolute(inside))) {
      return `Der Ausgabeordner ${options.out} liegt im Datenordner ${options.data}; die erzeugten Vorlagen gehören nicht zu den Daten. Geben Sie einen Ordner außerhalb an, z. B. --out out.`;
    }
    // kim build clears its output folder of outdated Vorlagen: a folder that holds the data or is a
    // repository's root is no place for that, whatever kim would delete there.
    if (command === 'build') return buildFolderProblem(options.out, options.data);
  }
  return undefined;
}

/**
 * Files and folders that mark a repository's (or a project's) root: an output folder there would mix
 * kim's outputs with the repository's own files (`changelog.md`, a PDF of the statute).
 */
export const REPOSITORY_MARKERS = ['.git', '.hg', '.svn', 'package.json'] as const;

function buildFolderProblem(out: string, data: string): string | undefined {
  const outReal = realLocation(out);
  const inside = relative(outReal, realLocation(data));
  if (!inside.startsWith('..') && !isAbsolute(inside)) {
    return `Der Ausgabeordner ${out} enthält den Datenordner ${data}; kim build räumt seinen Ausgabeordner auf und gehört in einen eigenen Ordner, z. B. --out out.`;
  }
  const marker = REPOSITORY_MARKERS.find((name) => pathExists(join(outReal, name)));
  if (marker !== undefined) {
    return `Der Ausgabeordner ${out} ist das Hauptverzeichnis eines Repositorys oder Projekts (dort liegt ${marker}); kim build räumt seinen Ausgabeordner auf und gehört in einen eigenen Ordner, z. B. --out out.`;
  }
  return undefined;
}

/** Whether anything is at the path (false also where a part of it is a file, ENOTDIR). */
function pathExists(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false }) !== undefined;
  } catch {
    return false;
  }
}

const isFolder = (path: string): boolean => statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;

/** The path with symbolic links resolved as far as it exists (an output folder may not exist yet). */
function realLocation(path: string): string {
  let rest = '';
  for (let p = resolve(path); ; p = dirname(p)) {
    try {
      return join(realpathSync(p), rest);
    } catch {
      if (dirname(p) === p) return resolve(path);
      rest = join(basename(p), rest);
    }
  }
}
