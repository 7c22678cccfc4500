/**
 * `kim migrate`: rewrites a data folder of an older format to the current one, step by step (steps/), in
 * place. Each file is edited as text so comments, order and folding stay; the edited text is checked by
 * parsing it again against what the step says the file must mean, and where the edit could not be made
 * (an unusual shape) the changed parts are written anew by the YAML library instead, which the clerk is
 * told. Nothing is written unless every step of every file succeeded; each file is replaced atomically.
 */
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parseDocument } from 'yaml';
import { compareText } from '../compare.js';
import { error } from '../diagnostics.js';
import { DataError, InternalError } from '../errors.js';
import { writeFileAtomic } from '../files/atomic-write.js';
import { DATA_FILES } from '../load/data-files.js';
import { assertFolder } from '../load/dataset.js';
import { CURRENT_FORMAT, formatProblem } from './format.js';
import { formatOfTexts, readFolderTexts } from './read-folder.js';
import { STEPS } from './steps/index.js';
import type { StepChange } from './steps/step.js';
import { pairOf, TextEditor, UnusualShape } from './text-edits.js';

export interface MigrateOptions {
  dataDir: string;
  /** Only say what would change (`kim migrate --check`). */
  dryRun?: boolean | undefined;
}

export interface MigratedFile {
  file: string;
  /** German, one entry per change. */
  notes: string[];
}

export interface MigrateResult {
  /** The format found (declared or recognised), and the format after the run. */
  from: number;
  to: number;
  /** Whether the folder stated its format or kim recognised it by shape. */
  declared: boolean;
  /** The files changed (or, with dryRun, to change), in a stable order. */
  files: MigratedFile[];
  written: boolean;
}

type Json = Record<string, unknown>;
const toJs = (text: string): unknown => parseDocument(text, { version: '1.2' }).toJS() as unknown;

/** The step's text when it means what the step expected, else the changed top-level keys written anew. */
function settle(before: string, change: StepChange): { text: string; rewritten: boolean } {
  if (change.text !== undefined && isDeepStrictEqual(toJs(change.text), change.expected)) return { text: change.text, rewritten: false };
  const doc = parseDocument(before, { version: '1.2' });
  const old = (doc.toJS() as Json | null) ?? {};
  for (const key of Object.keys(old)) if (!(key in change.expected)) doc.delete(key);
  for (const [key, value] of Object.entries(change.expected)) if (!isDeepStrictEqual(old[key], value)) doc.set(key, doc.createNode(value));
  const text = doc.toString({ lineWidth: 100 });
  if (!isDeepStrictEqual(toJs(text), change.expected)) throw new InternalError(`kim migrate: ${change.file} ließ sich nicht umschreiben`);
  return { text, rewritten: true };
}

/** organisation.yaml with `format: N` (replaced, or added at the end with a comment). */
function withFormat(text: string, version: number): string {
  try {
    const ed = new TextEditor(text);
    const pair = pairOf(ed.top, 'format');
    const range = (pair?.value as { range?: [number, number, number] } | undefined)?.range;
    if (range) ed.replace(range[0], range[1], String(version));
    else ed.insert(text.length, `${text.endsWith('\n') ? '' : '\n'}\n# Datenformat dieses Ordners; "kim migrate" schreibt es fort.\nformat: ${version}\n`);
    return ed.result();
  } catch (cause) {
    if (!(cause instanceof UnusualShape)) throw cause;
    const doc = parseDocument(text, { version: '1.2' });
    doc.set('format', version);
    return doc.toString({ lineWidth: 100 });
  }
}

export async function migrateFolder(options: MigrateOptions): Promise<MigrateResult> {
  await assertFolder(options.dataDir);
  const { texts: original, realNames } = await readFolderTexts(options.dataDir);
  const real = (file: string): string => realNames.get(file) ?? file;
  if (!original.has(DATA_FILES.organisation)) {
    throw new DataError([error(DATA_FILES.organisation, 0, 0, '', 'Die Datei fehlt: kim migrate braucht einen Datenordner mit organisation.yaml (--data ORDNER).')]);
  }
  const found = formatOfTexts(original);
  const base = { from: found.version, declared: found.declared };
  if (found.version > CURRENT_FORMAT) throw new DataError([error(DATA_FILES.organisation, 0, 0, 'format', formatProblem(found)!)]);
  if (found.version === CURRENT_FORMAT) return { ...base, to: CURRENT_FORMAT, files: [], written: false };

  const texts = new Map(original);
  const notes = new Map<string, string[]>();
  const note = (file: string, lines: string[]): void => void notes.set(file, [...(notes.get(file) ?? []), ...lines]);
  for (const step of STEPS.slice(found.version - 1)) {
    for (const change of step.apply({ files: texts })) {
      const { text, rewritten } = settle(texts.get(change.file)!, change);
      texts.set(change.file, text);
      note(change.file, rewritten ? [...change.notes, 'Die Datei hat eine Form, die kim nicht zeilengenau ändern kann: die geänderten Abschnitte sind neu geschrieben (ihre Kommentare bitte prüfen).'] : change.notes);
    }
  }
  texts.set(DATA_FILES.organisation, withFormat(texts.get(DATA_FILES.organisation)!, CURRENT_FORMAT));
  note(DATA_FILES.organisation, [`format: ${CURRENT_FORMAT} (das Datenformat steht jetzt in der Datei).`]);

  const changed = [...texts.keys()].filter((f) => texts.get(f) !== original.get(f)).sort((a, b) => compareText(real(a), real(b)));
  if (!options.dryRun) for (const file of changed) await writeFileAtomic(join(options.dataDir, real(file)), texts.get(file)!);
  return { ...base, to: CURRENT_FORMAT, files: changed.map((file) => ({ file: real(file), notes: notes.get(file) ?? [] })), written: !options.dryRun };
}
