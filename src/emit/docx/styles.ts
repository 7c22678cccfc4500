/**
 * kim's own Word styles (word/styles.xml), used when the Kreis has no Word template, and for each style a
 * template lacks. Built-in style ids (Heading1 …) so Word and LibreOffice treat them as headings; German
 * names as a German Word shows them; an outline level on each heading, which is what Word's navigation
 * pane and a table of contents read. Sizes follow the PDF (src/emit/pdf/layout/styles.ts): 11 pt body
 * text in a sans-serif face, German (de-DE) as the language, so Word's spelling and hyphenation are German.
 */
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

const heading = (level: number, size: number, before: number, after: number): string =>
  `<w:style w:type="paragraph" w:styleId="Heading${level}"><w:name w:val="Überschrift ${level}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/>` +
  `<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="${before}" w:after="${after}"/><w:outlineLvl w:val="${level - 1}"/></w:pPr>` +
  `<w:rPr><w:b/><w:bCs/><w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr></w:style>`;

/** Each style element by its id, so a template that lacks one gets kim's. */
export const KIM_STYLE_XML: Record<string, string> = {
  Normal:
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Standard"/><w:qFormat/>' +
    '<w:pPr><w:spacing w:after="160" w:line="276" w:lineRule="auto"/></w:pPr></w:style>',
  Heading1: heading(1, 26, 360, 120),
  Heading2: heading(2, 23, 280, 100),
  Heading3: heading(3, 22, 240, 80),
  ListParagraph:
    '<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="Listenabsatz"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="34"/><w:qFormat/>' +
    '<w:pPr><w:spacing w:after="60"/><w:ind w:left="720"/><w:contextualSpacing/></w:pPr></w:style>',
};

/** Styles kim uses that a template need not have (no warning): the footer line, the code face. */
const SUPPORT_STYLES =
  '<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="Fußzeile"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0"/><w:jc w:val="right"/></w:pPr><w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>' +
  '<w:style w:type="paragraph" w:styleId="Letterhead"><w:name w:val="Briefkopf"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="80" w:line="252" w:lineRule="auto"/></w:pPr></w:style>' +
  '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normale Tabelle"/><w:uiPriority w:val="99"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>';

/** Styles kim's paragraphs name besides KIM_STYLE_XML; a template lacking them gets them silently. */
export const SUPPORT_STYLE_XML: Record<string, string> = Object.fromEntries(
  [...SUPPORT_STYLES.matchAll(/<w:style\b[^>]*w:styleId="([^"]+)"[\s\S]*?<\/w:style>/g)].map((m) => [m[1]!, m[0]]),
);

export const KIM_STYLES_XML =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles ${W}>` +
  '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="de-DE" w:eastAsia="de-DE" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>' +
  '<w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>' +
  Object.values(KIM_STYLE_XML).join('') +
  SUPPORT_STYLES +
  '</w:styles>';
