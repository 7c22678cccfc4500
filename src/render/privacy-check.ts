import { readFileSync } from 'node:fs';
import { DataError } from '../errors.js';
import { sourcesOf } from '../load/dataset-sources.js';
import { eachString, type SourceFile } from '../load/source-file.js';
import type { Dataset, Report } from '../model/types.js';
import { error, jsonPath, type Diagnostic } from '../diagnostics.js';
import { codePoint } from '../german/did-you-mean.js';
import { decodeEntities, findIn, fold, namePattern, wordsOf, type Folded, type NamePattern } from '../german/name-matching.js';
import { patternsOf } from '../german/staff-name-patterns.js';
import type { TemplateFile } from './template-registry.js';
import { isDataFile } from '../load/data-files.js';

/**
 * The last line of defence for privacy: the model never carries names, but a clerk may type one into a
 * report's text, a title, an outcome, a role's sentence or a template. No output of a public Vorlage may
 * contain any staff member's full name or surname, in any spelling (name-matching.ts); each hit is
 * located where it came from: the data file and field, else the template line. A surname that is also
 * an ordinary word would be flagged too: a false alarm beats a leak.
 */
export interface PublicOutputs {
  /** The Vorlage as Markdown; the PDF is laid out from it, so this also covers the PDF's text. */
  markdown?: string;
  /** What goes into the PDF besides its text: title, author, subject, keywords, the logo's alternate text. */
  pdfMetadataStrings?: string[];
  /** The texts of every XML part of the Word document (document, header, footer, styles, properties). */
  wordParts?: string[];
  /** The OParl Paper as written to `<id>.oparl.json`. */
  oparlJson?: string;
  /** Names of the files written (they are published too). */
  fileNames?: string[];
}

export interface PrivacyContext {
  data: Dataset;
  report: Report;
  /** The report's own file (also found through the dataset's sources when it came from validation). */
  reportSource?: SourceFile | undefined;
  /** The template and its partials, to point at a name written into one. */
  templateFiles: TemplateFile[];
  /**
   * Names the Vorlage's text may carry, each entry once (a name twice: twice): a presenter who is on the
   * staff list, as the fact block berichterstattung writes them ("Frau Andrea Wiesenthal"), once per place
   * the block stands in this report's outline. Only these exact words in the Markdown (and so the PDF's
   * text) are let through; the same name anywhere else, in another spelling, in another report, in the
   * PDF metadata or a file name is refused as before.
   */
  permittedNames?: readonly string[];
}

const OUTPUT_NAMES: Record<keyof PublicOutputs, string> = {
  markdown: 'der Vorlage (Markdown und PDF)',
  pdfMetadataStrings: 'den PDF-Metadaten',
  wordParts: 'dem Word-Dokument',
  oparlJson: 'der OParl-Datei',
  fileNames: 'einem Dateinamen',
};

/** Every staff name in every output of a public report; one diagnostic per person. */
export function checkPublicOutputs(outputs: PublicOutputs, ctx: PrivacyContext): Diagnostic[] {
  if (!ctx.report.public) return [];
  const texts = outputTexts(outputs, ctx.permittedNames ?? []);
  if (texts.length === 0) return [];
  const out: Diagnostic[] = [];
  for (const patterns of patternsOf(ctx.data.staff)) {
    for (const p of patterns) {
      const hits = texts.filter((t) => p.anchors.some((a) => t.words.has(a)) && p.pattern.test(t.folded.text));
      if (hits.length === 0) continue;
      const hit = hits[0]!;
      hit.folded = fold(hit.original); // now with the origin of each character, for the spelling found
      const found = findIn(hit.original, hit.folded, p.pattern)!;
      const where = [...new Set(hits.map((h) => OUTPUT_NAMES[h.kind]))];
      out.push(locate(p, found.text, where, hit, ctx));
      break; // one message per person is enough
    }
  }
  return out;
}

/** Throws a DataError (nothing may be written) when a public output carries a staff name. */
export function assertNoNames(outputs: PublicOutputs, ctx: PrivacyContext): void {
  const leaks = checkPublicOutputs(outputs, ctx);
  if (leaks.length > 0) throw new DataError(leaks, 'Die öffentliche Vorlage enthält personenbezogene Namen; nichts wurde geschrieben.');
}

interface OutputText {
  kind: keyof PublicOutputs;
  original: string;
  folded: Folded;
  words: Set<string>;
}

function outputTexts(outputs: PublicOutputs, permitted: readonly string[]): OutputText[] {
  const list: OutputText[] = [];
  const add = (kind: keyof PublicOutputs, original: string) => {
    const folded = fold(original, false);
    list.push({ kind, original, folded, words: wordsOf(folded.text) });
  };
  if (outputs.markdown !== undefined) add('markdown', withoutPermitted(decodeEntities(outputs.markdown.normalize('NFC')), permitted));
  if (outputs.pdfMetadataStrings?.length) add('pdfMetadataStrings', outputs.pdfMetadataStrings.join('\n'));
  // The strings of the JSON, not its text: an escape such as \n would glue words together.
  if (outputs.oparlJson !== undefined) add('oparlJson', jsonStrings(JSON.parse(outputs.oparlJson)).join('\n'));
  // The Word document carries the same text as the Markdown, so the same presenters may be named in it.
  if (outputs.wordParts?.length) add('wordParts', withoutPermitted(outputs.wordParts.map((t) => t.normalize('NFC')).join('\n'), permitted));
  if (outputs.fileNames?.length) add('fileNames', outputs.fileNames.join('\n'));
  return list;
}

/** The text with one occurrence of each permitted name blanked out (the first one found, in any spelling namePattern matches). */
function withoutPermitted(text: string, permitted: readonly string[]): string {
  let out = text;
  for (const name of permitted) {
    const p = namePattern(name);
    const found = p && findIn(out, fold(out), p.pattern);
    if (found) out = `${out.slice(0, found.index)}${' '.repeat(found.text.length)}${out.slice(found.index + found.text.length)}`;
  }
  return out;
}

function jsonStrings(value: unknown, found: string[] = []): string[] {
  if (typeof value === 'string') found.push(value);
  else if (Array.isArray(value)) value.forEach((v) => jsonStrings(v, found));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      found.push(k);
      jsonStrings(v, found);
    }
  }
  return found;
}

/** A staff member's own `name` is where the name belongs; it never reaches an output. */
const isStaffName = (source: SourceFile, pointer: string): boolean => isDataFile(source.file, 'staff') && /^\/staff\/\d+\/name$/.test(pointer);

function locate(p: NamePattern, found: string, where: string[], hit: OutputText, ctx: PrivacyContext): Diagnostic {
  // Invisible characters and letters of another script (a Cyrillic "о") are shown by their code: they look like the name.
  const as = found === p.name ? '' : ` (geschrieben als "${found.replace(/\p{Cf}|(?=\p{L})\P{Script=Latin}/gu, (c) => `<${codePoint(c)}>`)}")`;
  const message = `Die öffentliche Vorlage ${ctx.report.id} enthält den Namen "${p.name}" einer beschäftigten Person${as} in ${where.join(' und ')}; Namen dürfen in öffentlichen Vorlagen nicht erscheinen.`;
  // 1. The data field it came from: the report's own file first, then the shared files, then other reports.
  const sources = orderedSources(ctx);
  const candidates: { source: SourceFile; pointer: string; context: string }[] = [];
  for (const source of sources) {
    eachString(source.value, (pointer, text) => {
      if (isStaffName(source, pointer)) return;
      const folded = fold(text.normalize('NFC'));
      const m = p.pattern.exec(folded.text);
      if (m) candidates.push({ source, pointer, context: folded.text.slice(Math.max(0, m.index - 12), m.index + m[0].length + 12) });
    });
  }
  // Several fields may hold the name: prefer one whose words around it are in the output too.
  const best = candidates.find((c) => hit.folded.text.includes(c.context)) ?? candidates[0];
  if (best) {
    const pos = best.source.valuePositions.get(best.pointer) ?? { line: 1, col: 1 };
    return error(best.source.file, pos.line, pos.col, jsonPath(best.pointer), message);
  }
  // 2. Written into a template?
  for (const file of ctx.templateFiles) {
    const lines = readFileSync(file.path, 'utf8').normalize('NFC').split('\n');
    for (let i = 0; i < lines.length; i++) {
      const f = fold(lines[i]!);
      const m = findIn(lines[i]!, f, p.pattern);
      if (m) return error(file.path, i + 1, m.index + 1, '', message);
    }
  }
  // 3. Put together from several fields: point at the template and name the line of the Vorlage.
  const line = hit.kind === 'markdown' ? hit.original.slice(0, findIn(hit.original, hit.folded, p.pattern)!.index).split('\n').length : 0;
  const main = ctx.templateFiles[0];
  return error(main?.path ?? `${ctx.report.id}.md`, 0, 0, '', `${message}${line > 0 ? ` (Zeile ${line} der erzeugten Vorlage)` : ''}`);
}

/** The data files to search for where a text came from: the report's own file first, then the shared files, then other reports. */
export function orderedSources(ctx: PrivacyContext): SourceFile[] {
  const all = sourcesOf(ctx.data);
  const own = ctx.reportSource ?? all.find((s) => s.file.startsWith('reports/') && (s.value as { id?: unknown } | null)?.id === ctx.report.id);
  const reports = all.filter((s) => s.file.startsWith('reports/') && s !== own);
  return [...(own ? [own] : []), ...all.filter((s) => !s.file.startsWith('reports/')), ...reports];
}
