/**
 * The Kreis's own Word template (organisation.yaml `wordTemplate`): a .docx whose styles, page setup,
 * header and footer the Word output takes, as pandoc's --reference-doc does. Read here as hostile input
 * (it comes from the data folder): the zip is checked by readZip's limits, then the parts kim takes are
 * checked before any of them is used. Validation reports a problem at the `wordTemplate` line; the Word
 * stage reads the same template with the same function.
 */
import { readZip, TEMPLATE_ZIP_LIMITS, ZipProblem } from './zip.js';

/** Largest template file accepted, checked on its size before it is read. */
export const TEMPLATE_MAX_FILE_BYTES = 20_000_000;

/** A paragraph or table style kim's Word output uses: its styleId in kim's own styles, the names it is known by. */
export interface KimStyle {
  id: string;
  /** Lower-case names a template may give it: Word's built-in (English) name, and the German one. */
  names: readonly string[];
  /** How the clerk knows it in a German Word. */
  label: string;
}

export const KIM_STYLES: readonly KimStyle[] = [
  { id: 'Normal', names: ['normal', 'standard'], label: 'Standard' },
  { id: 'Heading1', names: ['heading 1', 'überschrift 1'], label: 'Überschrift 1' },
  { id: 'Heading2', names: ['heading 2', 'überschrift 2'], label: 'Überschrift 2' },
  { id: 'Heading3', names: ['heading 3', 'überschrift 3'], label: 'Überschrift 3' },
  { id: 'ListParagraph', names: ['list paragraph', 'listenabsatz'], label: 'Listenabsatz' },
];

export interface WordTemplate {
  /** Every part of the package by name. */
  parts: Map<string, Uint8Array>;
  /** kim's styleId → the template's styleId of the same style, for the styles the template has. */
  styleIds: Map<string, string>;
  /** The styles kim needs that the template lacks (their German labels). */
  missingStyles: string[];
}

export class TemplateProblem extends Error {}

const text = (bytes: Uint8Array | undefined): string => (bytes ? Buffer.from(bytes).toString('utf8') : '');

/** Reads and checks a template; throws TemplateProblem (a German sentence) for anything kim will not use. */
export function readWordTemplate(bytes: Uint8Array): WordTemplate {
  if (bytes.length > TEMPLATE_MAX_FILE_BYTES) throw new TemplateProblem(`Die Datei ist ${Math.ceil(bytes.length / 1_000_000)} MB groß; erlaubt sind höchstens ${TEMPLATE_MAX_FILE_BYTES / 1_000_000} MB.`);
  let parts: Map<string, Uint8Array>;
  try {
    parts = readZip(bytes, TEMPLATE_ZIP_LIMITS);
  } catch (error) {
    if (error instanceof ZipProblem) throw new TemplateProblem(error.message);
    throw error;
  }
  for (const required of ['[Content_Types].xml', 'word/document.xml', 'word/styles.xml']) {
    if (!parts.has(required)) throw new TemplateProblem(`Der Datei fehlt der Teil "${required}": sie ist kein Word-Dokument (.docx).`);
  }
  if ([...parts.keys()].some((name) => /vbaProject\.bin$/i.test(name))) {
    throw new TemplateProblem('Die Datei enthält Makros. Speichern Sie die Vorlage in Word als „Word-Dokument (*.docx)“ ohne Makros.');
  }
  for (const [name, content] of parts) {
    if (!/\.(xml|rels)$/i.test(name)) continue;
    const xml = text(content);
    // No document type declarations: they are how entity expansion ("billion laughs") and external entities get in.
    if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new TemplateProblem(`Der Teil "${name}" enthält eine DOCTYPE-Deklaration; Word-Dateien haben keine.`);
    if (name.endsWith('.rels') && /TargetMode\s*=\s*"External"/.test(xml) && /(header|footer)\d*\.xml\.rels$/.test(name)) {
      throw new TemplateProblem(`Kopf- oder Fußzeile verweist auf eine Datei außerhalb der Vorlage ("${name}"); Bilder müssen in die Vorlage eingebettet sein.`);
    }
  }
  const document = text(parts.get('word/document.xml'));
  if (!/<w:body[\s>]/.test(document)) throw new TemplateProblem('Der Teil "word/document.xml" hat keinen Textkörper (w:body).');
  const styleIds = new Map<string, string>();
  const styles = templateStyles(text(parts.get('word/styles.xml')));
  for (const kim of KIM_STYLES) {
    const found = styles.find((s) => s.id === kim.id) ?? styles.find((s) => kim.names.includes(s.name.toLowerCase()));
    if (found) styleIds.set(kim.id, found.id);
  }
  const missingStyles = KIM_STYLES.filter((s) => !styleIds.has(s.id)).map((s) => s.label);
  return { parts, styleIds, missingStyles };
}

/** The paragraph and table styles of a styles.xml: id and name. */
function templateStyles(xml: string): { id: string; name: string }[] {
  const out: { id: string; name: string }[] = [];
  for (const match of xml.matchAll(/<w:style\b([^>]*)>([\s\S]*?)<\/w:style>/g)) {
    const id = /\bw:styleId="([^"]*)"/.exec(match[1]!)?.[1];
    const type = /\bw:type="([^"]*)"/.exec(match[1]!)?.[1];
    const name = /<w:name\s+w:val="([^"]*)"/.exec(match[2]!)?.[1];
    if (id !== undefined && (type === 'paragraph' || type === 'table')) out.push({ id, name: name ?? '' });
  }
  return out;
}
