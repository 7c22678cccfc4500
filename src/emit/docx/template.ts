/**
 * The Kreis's Word template applied to kim's package, as pandoc's --reference-doc: the template's styles
 * (kim's own for each style it lacks), its theme (the fonts its styles name), its page setup (paper size,
 * margins, columns, first-page settings) and its header and footer with their images. kim's footer
 * ("Seite X von Y") stays when the template has none. Only the parts named here are taken: no macros,
 * settings, custom XML or embedded fonts. The template has been checked (files/word-template.ts).
 */
import type { WordTemplate } from '../../files/word-template.js';
import { KIM_STYLE_XML, SUPPORT_STYLE_XML } from './styles.js';

type Parts = Map<string, Uint8Array>;

const utf8 = (bytes: Uint8Array | undefined): string => (bytes ? Buffer.from(bytes).toString('utf8') : '');
const bytesOf = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf8'));

const CONTENT_TYPES: Record<string, string> = {
  header: 'application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml',
  footer: 'application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml',
};
const MEDIA_TYPES: Record<string, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  jpg: 'image/jpeg',
  gif: 'image/gif',
  bmp: 'image/bmp',
  svg: 'image/svg+xml',
  emf: 'image/x-emf',
  wmf: 'image/x-wmf',
  tif: 'image/tiff',
  tiff: 'image/tiff',
};

interface Reference {
  kind: 'header' | 'footer';
  type: string;
  target: string;
}

export function applyTemplate(parts: Parts, template: WordTemplate): { hasHeader: boolean } {
  const t = template.parts;
  parts.set('word/styles.xml', bytesOf(mergedStyles(utf8(t.get('word/styles.xml')), template.styleIds)));
  const theme = t.get('word/theme/theme1.xml');
  if (theme && parts.has('word/theme/theme1.xml')) parts.set('word/theme/theme1.xml', theme);

  let document = utf8(parts.get('word/document.xml'));
  // kim's paragraphs name kim's style ids; the template may know the same style by another id (a German Word writes "berschrift1").
  document = document.replace(/(<w:pStyle w:val=")([^"]+)(")/g, (whole, open: string, id: string, close: string) => {
    const mapped = template.styleIds.get(id);
    return mapped ? `${open}${mapped}${close}` : whole;
  });

  const templateDocument = utf8(t.get('word/document.xml'));
  const templateSection = lastSection(templateDocument);
  const templateRels = relationships(utf8(t.get('word/_rels/document.xml.rels')));
  const refs: Reference[] = [];
  for (const m of (templateSection ?? '').matchAll(/<w:(header|footer)Reference\b([^>]*)\/>/g)) {
    const type = /w:type="([^"]+)"/.exec(m[2]!)?.[1] ?? 'default';
    const id = /r:id="([^"]+)"/.exec(m[2]!)?.[1];
    const target = id ? templateRels.get(id) : undefined;
    if (target && t.has(`word/${target}`)) refs.push({ kind: m[1] as 'header' | 'footer', type, target });
  }
  const hasHeader = refs.some((r) => r.kind === 'header');
  const hasFooter = refs.some((r) => r.kind === 'footer');

  let rels = utf8(parts.get('word/_rels/document.xml.rels'));
  let types = utf8(parts.get('[Content_Types].xml'));
  const kimSection = lastSection(document) ?? '';
  const kimRefs = [...kimSection.matchAll(/<w:footerReference\b[^>]*\/>/g)].map((m) => m[0]);
  if (hasFooter) {
    // The template's footer replaces kim's: kim's footer parts go, with their relationships.
    for (const [id, target] of relationships(rels)) {
      if (!/^footer\d*\.xml$/.test(target)) continue;
      parts.delete(`word/${target}`);
      parts.delete(`word/_rels/${target}.rels`);
      rels = rels.replace(new RegExp(`<Relationship\\b[^>]*Id="${id}"[^>]*/>`), '');
      types = types.replace(new RegExp(`<Override\\b[^>]*PartName="/word/${target}"[^>]*/>`), '');
    }
  }
  const newRefs: string[] = [];
  refs.forEach((ref, i) => {
    const name = `template-${ref.target.replace(/^.*\//, '')}`;
    const id = `rIdKimTemplate${i + 1}`;
    const xml = utf8(t.get(`word/${ref.target}`));
    const partRels = t.get(`word/_rels/${ref.target.replace(/^.*\//, '')}.rels`);
    if (partRels) {
      // The header's images (the letterhead's logo) come along, renamed so they cannot meet kim's.
      let relXml = utf8(partRels);
      for (const [, target] of relationships(relXml)) {
        const source = `word/${target}`;
        const data = t.get(source);
        if (!data || !/^media\/[^/]+$/.test(target)) continue;
        const copy = `media/template-${target.slice('media/'.length)}`;
        parts.set(`word/${copy}`, data);
        relXml = relXml.split(`Target="${target}"`).join(`Target="${copy}"`);
        const ext = target.replace(/^.*\./, '').toLowerCase();
        if (MEDIA_TYPES[ext] && !new RegExp(`Extension="${ext}"`, 'i').test(types)) types = types.replace('</Types>', `<Default Extension="${ext}" ContentType="${MEDIA_TYPES[ext]}"/></Types>`);
      }
      parts.set(`word/_rels/${name}.rels`, bytesOf(relXml));
    }
    parts.set(`word/${name}`, bytesOf(xml));
    types = types.replace('</Types>', `<Override PartName="/word/${name}" ContentType="${CONTENT_TYPES[ref.kind]}"/></Types>`);
    rels = rels.replace('</Relationships>', `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${ref.kind}" Target="${name}"/></Relationships>`);
    newRefs.push(`<w:${ref.kind}Reference w:type="${ref.type}" r:id="${id}"/>`);
  });
  if (!hasFooter) {
    newRefs.push(...kimRefs);
    // A template with its own first page (w:titlePg) would leave that page without kim's page numbers.
    if (/<w:titlePg\b(?![^>]*w:val="(?:0|false)")/.test(templateSection ?? '')) newRefs.push(...kimRefs.map((r) => r.replace('w:type="default"', 'w:type="first"')));
  }
  if (templateSection) {
    const open = /^<w:sectPr\b[^>]*>/.exec(templateSection)?.[0] ?? '<w:sectPr>';
    const rest = templateSection
      .slice(open.length, templateSection.length - '</w:sectPr>'.length)
      .replace(/<w:(?:header|footer)Reference\b[^>]*\/>/g, '')
      // Page numbering restarts and the like stay; a template's own section type and change tracking do not apply.
      .replace(/<w:sectPrChange\b[\s\S]*?<\/w:sectPrChange>/g, '');
    const section = `${open}${newRefs.join('')}${rest}</w:sectPr>`;
    document = replaceLastSection(document, section);
  }
  parts.set('word/document.xml', bytesOf(document));
  parts.set('word/_rels/document.xml.rels', bytesOf(rels));
  parts.set('[Content_Types].xml', bytesOf(types));
  return { hasHeader };
}

/** Whether the template's page has a header of its own (the Kreis's letterhead, usually with the logo). */
export function templateHasHeader(template: WordTemplate): boolean {
  return /<w:headerReference\b/.test(lastSection(utf8(template.parts.get('word/document.xml'))) ?? '');
}

/** The template's styles, plus kim's for each style kim uses that the template lacks. */
function mergedStyles(styles: string, known: ReadonlyMap<string, string>): string {
  const ids = new Set([...styles.matchAll(/w:styleId="([^"]+)"/g)].map((m) => m[1]!));
  const missing = [
    ...Object.entries(KIM_STYLE_XML).filter(([id]) => !known.has(id) && !ids.has(id)),
    ...Object.entries(SUPPORT_STYLE_XML).filter(([id]) => !ids.has(id)),
  ].map(([, xml]) =>
    // kim's styles build on kim's Normal: in the template, on its own (a German Word calls it "Standard").
    xml.replace(/(<w:(?:basedOn|next) w:val=")([^"]+)(")/g, (whole, open: string, id: string, close: string) => (known.has(id) ? `${open}${known.get(id)}${close}` : whole)),
  );
  // The Vorlage is German whatever language the template was made in: Word's spelling and hyphenation follow it.
  const german = /<w:rPrDefault>\s*<w:rPr>(?:(?!<\/w:rPr>)[\s\S])*<w:lang\b/.test(styles)
    ? styles.replace(/(<w:rPrDefault>\s*<w:rPr>(?:(?!<\/w:rPr>)[\s\S])*<w:lang\b[^>]*?)w:val="[^"]*"/, '$1w:val="de-DE"')
    : styles.replace(/<w:rPrDefault>\s*<w:rPr>/, '$&<w:lang w:val="de-DE"/>');
  return german.replace(/<\/w:styles>\s*$/, `${missing.join('')}</w:styles>`);
}

/** Relationship id → target, of a .rels part (internal targets only). */
function relationships(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[1]!)?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[1]!)?.[1];
    if (id && target && !/TargetMode="External"/.test(m[1]!)) out.set(id, target.replace(/^\/word\//, ''));
  }
  return out;
}

/** The body's own section properties (its last child), or undefined. */
function lastSection(document: string): string | undefined {
  const end = document.lastIndexOf('</w:sectPr>');
  if (end < 0) return undefined;
  const start = document.lastIndexOf('<w:sectPr', end);
  return document.slice(start, end + '</w:sectPr>'.length);
}

function replaceLastSection(document: string, section: string): string {
  const end = document.lastIndexOf('</w:sectPr>');
  const start = document.lastIndexOf('<w:sectPr', end);
  return document.slice(0, start) + section + document.slice(end + '</w:sectPr>'.length);
}
