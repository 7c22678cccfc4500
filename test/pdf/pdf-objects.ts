/**
 * A small reader for the PDFs kim writes (pdfkit's plain object syntax, no object streams): objects,
 * inflated streams, the embedded fonts of each page and the glyph codes each text object draws. It reads
 * the bytes themselves, so tests can check what viewers rely on (W widths, ToUnicode entries) without a
 * viewer's own fallbacks hiding a gap.
 */
import { inflateSync } from 'node:zlib';
import { expect } from 'vitest';

export interface PdfObject {
  dict: string;
  /** Inflated when the stream is FlateDecode. */
  stream?: Buffer;
}

export function pdfObjects(bytes: Uint8Array): Map<number, PdfObject> {
  const raw = Buffer.from(bytes).toString('latin1');
  const objects = new Map<number, PdfObject>();
  const start = /(?:^|\n)(\d+) 0 obj\n/g;
  let match: RegExpExecArray | null;
  while ((match = start.exec(raw))) {
    const from = match.index + match[0].length;
    const end = raw.indexOf('\nendobj', from);
    const body = raw.slice(from, end);
    const streamAt = body.indexOf('\nstream\n');
    if (streamAt < 0) {
      objects.set(Number(match[1]), { dict: body });
      continue;
    }
    const dict = body.slice(0, streamAt);
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1]);
    const data = Buffer.from(body.slice(streamAt + '\nstream\n'.length, streamAt + '\nstream\n'.length + length), 'latin1');
    objects.set(Number(match[1]), { dict, stream: /\/Filter \/FlateDecode/.test(dict) ? inflateSync(data) : data });
    start.lastIndex = end;
  }
  return objects;
}

export function refOf(dict: string, key: string): number | undefined {
  const match = new RegExp(`/${key} (\\d+) 0 R`).exec(dict);
  return match ? Number(match[1]) : undefined;
}

export interface EmbeddedFont {
  baseFont: string;
  /** CID → text, from the ToUnicode CMap. */
  toUnicode: Map<number, string>;
  /** CID → advance in 1/1000 em, from W. */
  widths: Map<number, number>;
  /** CID → glyph id in the font program. */
  cidToGid: (cid: number) => number;
  /** The embedded TrueType program. */
  program: Buffer;
}

export interface DrawnLine {
  /** Resource name and CIDs of each Tj of one text object (BT … ET); invisible: drawn in rendering mode 3. */
  runs: { font: string; cids: number[]; invisible: boolean }[];
  /** The innermost marked content around it: "Artifact", the structure role ("P", "TD" …), or none. */
  tag: string | undefined;
}

export interface PdfPage {
  fonts: Map<string, EmbeddedFont>;
  lines: DrawnLine[];
  /** Glyphs drawn as filled shapes ("q … cm <outline> f Q"), by the marked content around them. */
  shapes: { tag: string | undefined }[];
}

export function readFontsAndText(bytes: Uint8Array): PdfPage[] {
  const objects = pdfObjects(bytes);
  const fontCache = new Map<number, EmbeddedFont>();
  const pages: PdfPage[] = [];
  for (const [, object] of [...objects].sort(([a], [b]) => a - b)) {
    if (!/\/Type \/Page\n/.test(object.dict)) continue;
    const resources = objects.get(refOf(object.dict, 'Resources')!)!.dict;
    const fonts = new Map<string, EmbeddedFont>();
    const fontDict = /\/Font <<([^>]*)>>/.exec(resources)?.[1] ?? '';
    for (const [, name, id] of fontDict.matchAll(/\/(\w+) (\d+) 0 R/g)) {
      const ref = Number(id);
      if (!fontCache.has(ref)) fontCache.set(ref, readFont(objects, ref));
      fonts.set(name!, fontCache.get(ref)!);
    }
    const content = objects.get(refOf(object.dict, 'Contents')!)!.stream!.toString('latin1');
    const lines: DrawnLine[] = [];
    let current: DrawnLine | undefined;
    let font = '';
    let mode = '0';
    const shapes: PdfPage['shapes'] = [];
    const tags: string[] = [];
    for (const [token, tag, name, hex, render] of content.matchAll(/\/(\w+)(?:\s*<<[^>]*>>)?\s*B[DM]C\b|\bEMC\b|\bBT\b|\bET\b|\/(\w+) [\d.]+ Tf|<([0-9a-f]*)> Tj|\b([0-7]) Tr\b|\bh f Q\b/g)) {
      if (tag) tags.push(tag);
      else if (render !== undefined) mode = render;
      else if (token === 'h f Q') shapes.push({ tag: tags[tags.length - 1] });
      else if (token === 'EMC') tags.pop();
      else if (token === 'BT') current = { runs: [], tag: tags[tags.length - 1] };
      else if (token === 'ET') {
        if (current) lines.push(current);
        current = undefined;
      } else if (name) font = name;
      else if (hex !== undefined && current) {
        current.runs.push({ font, cids: Array.from({ length: hex.length / 4 }, (_, i) => Number.parseInt(hex.slice(4 * i, 4 * i + 4), 16)), invisible: mode === '3' });
      }
    }
    pages.push({ fonts, lines, shapes });
  }
  return pages;
}

function readFont(objects: Map<number, PdfObject>, ref: number): EmbeddedFont {
  const type0 = objects.get(ref)!.dict;
  const cidFont = objects.get(Number(/\/DescendantFonts \[(\d+) 0 R\]/.exec(type0)![1]))!.dict;
  const descriptor = objects.get(refOf(cidFont, 'FontDescriptor')!)!.dict;
  const toUnicode = new Map<number, string>();
  const cmap = objects.get(refOf(type0, 'ToUnicode')!)!.stream!.toString('latin1');
  for (const [, cid, dst] of cmap.matchAll(/<([0-9a-f]{4})> <([0-9a-f]+)>/gi)) {
    const units = Array.from({ length: dst!.length / 4 }, (_, i) => Number.parseInt(dst!.slice(4 * i, 4 * i + 4), 16));
    toUnicode.set(Number.parseInt(cid!, 16), String.fromCharCode(...units));
  }
  expect(/beginbfrange/.test(cmap)).toBe(false); // kim writes bfchar entries only; this reader reads only those
  const widths = new Map<number, number>();
  const w = /\/W \[(\d+) \[([^\]]*)\]\]/.exec(cidFont)!;
  w[2]!
    .trim()
    .split(/\s+/)
    .forEach((value, i) => widths.set(Number(w[1]) + i, Number(value)));
  const mapRef = refOf(cidFont, 'CIDToGIDMap');
  const map = mapRef === undefined ? undefined : objects.get(mapRef)!.stream!;
  return {
    baseFont: /\/BaseFont \/(\S+)/.exec(type0)![1]!,
    toUnicode,
    widths,
    cidToGid: (cid) => (map ? map.readUInt16BE(2 * cid) : cid),
    program: objects.get(refOf(descriptor, 'FontFile2')!)!.stream!,
  };
}

export interface TaggedElement {
  /** Roles from the root: "Document/L/LI/LBody". */
  path: string;
  /** The text of the element's own marked content, glyphs mapped through ToUnicode, in order. */
  text: string;
}

/**
 * The text as the structure tree gives it to assistive technology: every element with marked content
 * of its own, in tree order, with that content's glyphs mapped through ToUnicode (no guessing of spaces
 * from glyph positions, unlike pdf.js's text layer, which drops space glyphs and soft hyphens).
 */
export function taggedText(bytes: Uint8Array): TaggedElement[] {
  const objects = pdfObjects(bytes);
  const fontCache = new Map<number, EmbeddedFont>();
  const contentText = new Map<string, string>(); // "page id/mcid" → text
  for (const [id, object] of objects) {
    if (!/\/Type \/Page\n/.test(object.dict)) continue;
    const resources = objects.get(refOf(object.dict, 'Resources')!)!.dict;
    const fonts = new Map<string, EmbeddedFont>();
    for (const [, name, ref] of (/\/Font <<([^>]*)>>/.exec(resources)?.[1] ?? '').matchAll(/\/(\w+) (\d+) 0 R/g)) {
      if (!fontCache.has(Number(ref))) fontCache.set(Number(ref), readFont(objects, Number(ref)));
      fonts.set(name!, fontCache.get(Number(ref))!);
    }
    const content = objects.get(refOf(object.dict, 'Contents')!)!.stream!.toString('latin1');
    const stack: number[] = [];
    let font: EmbeddedFont | undefined;
    for (const [token, mcid, fontName, hex] of content.matchAll(/\/\w+ <<\s*\/MCID (\d+)\s*>> BDC|\/Artifact(?:\s*<<[^>]*>>)?\s*B[DM]C|\bEMC\b|\/(\w+) [\d.]+ Tf|<([0-9a-f]*)> Tj/g)) {
      if (mcid !== undefined) stack.push(Number(mcid));
      else if (token!.startsWith('/Artifact')) stack.push(-1);
      else if (token === 'EMC') stack.pop();
      else if (fontName) font = fonts.get(fontName);
      else if (hex !== undefined && stack.length > 0 && stack[stack.length - 1]! >= 0) {
        const key = `${id}/${stack[stack.length - 1]}`;
        let text = '';
        for (let i = 0; i < hex.length; i += 4) text += font!.toUnicode.get(Number.parseInt(hex.slice(i, i + 4), 16)) ?? '\ufffd';
        contentText.set(key, (contentText.get(key) ?? '') + text);
      }
    }
  }
  const catalog = [...objects.values()].find((o) => /\/Type \/Catalog/.test(o.dict))!;
  const root = objects.get(refOf(catalog.dict, 'StructTreeRoot')!)!;
  const out: TaggedElement[] = [];
  const walk = (id: number, path: string) => {
    const dict = objects.get(id)!.dict;
    const role = /\/S \/(\w+)/.exec(dict)![1]!;
    const here = path ? `${path}/${role}` : role;
    // The element's own page, not one of a marked-content reference in /K (an element spanning pages).
    const page = refOf(dict.replace(/\/K \[[^\]]*\]/, ''), 'Pg');
    let text = '';
    let own = false;
    for (const [, mcr, child, mcid] of (/\/K \[([^\]]*)\]/.exec(dict)?.[1] ?? '').matchAll(/<<([^>]*)>>|(\d+) 0 R|(\d+)/g)) {
      if (child !== undefined) walk(Number(child), here);
      else {
        own = true;
        const pg = mcr !== undefined ? refOf(mcr, 'Pg') : page;
        const id = mcr !== undefined ? /\/MCID (\d+)/.exec(mcr)![1] : mcid;
        text += contentText.get(`${pg}/${id}`) ?? '';
      }
    }
    if (own) out.push({ path: here, text });
  };
  for (const [, child] of (/\/K \[([^\]]*)\]/.exec(root.dict)?.[1] ?? '').matchAll(/(\d+) 0 R/g)) walk(Number(child), '');
  return out;
}

/**
 * The words drawn as invisible text (rendering mode 3), with the marked content around them: where kim
 * hyphenated a word at a line end, the word stands there whole for readers, its parts drawn as shapes.
 */
export function invisibleWords(pages: readonly PdfPage[]): { text: string; tag: string | undefined }[] {
  return pages.flatMap((page) =>
    page.lines.flatMap((line) =>
      line.runs.filter((run) => run.invisible).map((run) => ({ text: run.cids.map((cid) => page.fonts.get(run.font)!.toUnicode.get(cid)).join(''), tag: line.tag })),
    ),
  );
}
