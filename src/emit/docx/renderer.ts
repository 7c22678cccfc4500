/**
 * The Word stage put together, loaded by index.ts on the first render: Markdown tokens (the PDF stage's
 * lexer) → Word body (blocks.ts) → the `docx` package's Document, A4 with the PDF's margins, kim's
 * footer "Seite X von Y", the letterhead's logo top right → kim's package (package.ts).
 *
 * Why the `docx` package: it writes WordprocessingML from objects (lists with their numbering
 * definitions, tables, fields, images with alt text), is kept up to date and has no native parts;
 * docxtemplater fills placeholders in a given .docx, but kim's document is built from Markdown.
 */
import { logoSize } from '../../image-size.js';
import { readWordTemplate, type WordTemplate } from '../../files/word-template.js';
import { createLexer } from '../pdf/layout/markdown.js';
import { buildBody } from './blocks.js';
import { imageOf } from './images.js';
import type { DocxMetadata } from './metadata.js';
import { finishPackage } from './package.js';
import { templateHasHeader } from './template.js';

export interface Renderer {
  render(markdown: string, meta: DocxMetadata): Promise<Uint8Array>;
}

const MM = 1440 / 25.4; // twips per millimetre
/** Logo at most 50 × 15 mm, as in the PDF; pixels at 96 dpi. */
const LOGO_PX = { width: (50 / 25.4) * 96, height: (15 / 25.4) * 96 };

export async function createRenderer(): Promise<Renderer> {
  const [docx, marked] = await Promise.all([import('docx'), import('marked')]);
  const lex = createLexer(marked);
  // A run renders many Vorlagen with the same template: read it once per bytes.
  let lastTemplate: { bytes: Uint8Array; template: WordTemplate } | undefined;
  const templateOf = (bytes: Uint8Array | undefined): WordTemplate | undefined => {
    if (!bytes) return undefined;
    if (lastTemplate?.bytes !== bytes) lastTemplate = { bytes, template: readWordTemplate(bytes) };
    return lastTemplate.template;
  };
  return {
    async render(markdown, meta) {
      const template = templateOf(meta.template);
      const { children, numbering } = buildBody(docx, lex(markdown), { image: (src) => imageOf(src, meta.images) });
      // The template's header is the Kreis's letterhead (with its logo): kim's logo would stand twice.
      const templateHeader = template !== undefined && templateHasHeader(template);
      if (meta.logo && !templateHeader) {
        const size = logoSize(meta.logo.bytes, meta.logo.format);
        const scale = Math.min(LOGO_PX.width / size.width, LOGO_PX.height / size.height);
        children.unshift(
          new docx.Paragraph({
            alignment: docx.AlignmentType.RIGHT,
            spacing: { after: 120 },
            children: [
              new docx.ImageRun({
                type: meta.logo.format === 'png' ? 'png' : 'jpg',
                data: meta.logo.bytes,
                transformation: { width: Math.round(size.width * scale), height: Math.round(size.height * scale) },
                altText: { name: meta.logo.alt, description: meta.logo.alt, title: meta.logo.alt },
              }),
            ],
          }),
        );
      }
      const footer = new docx.Footer({
        children: [new docx.Paragraph({ style: 'Footer', children: [new docx.TextRun({ children: ['Seite ', docx.PageNumber.CURRENT, ' von ', docx.PageNumber.TOTAL_PAGES] })] })],
      });
      const document = new docx.Document({
        title: meta.title,
        subject: meta.subject,
        keywords: meta.keywords.join(', '),
        creator: '',
        numbering,
        sections: [
          {
            properties: {
              page: {
                size: { width: Math.round(210 * MM), height: Math.round(297 * MM) },
                margin: { top: Math.round(27 * MM), bottom: Math.round(25 * MM), left: Math.round(25 * MM), right: Math.round(20 * MM), header: Math.round(9 * MM), footer: Math.round(11 * MM) },
              },
            },
            footers: { default: footer },
            children,
          },
        ],
      });
      const packed = await docx.Packer.toBuffer(document);
      return finishPackage(new Uint8Array(packed), { title: meta.title, subject: meta.subject, keywords: meta.keywords, language: meta.language ?? 'de-DE', date: meta.creationDate }, template);
    },
  };
}
