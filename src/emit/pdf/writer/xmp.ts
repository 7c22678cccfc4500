/**
 * XMP packet content (the rdf:Description elements) for PDF/A-2a + PDF/UA-1.
 *
 * pdfkit writes its own XMP from the Info dictionary without XML escaping (a title with "&" would make
 * the packet invalid) and knows only one conformance identifier per document (`subset`). So the writer
 * replaces pdfkit's XMP with this (pdfkit-patches.ts): the same properties, escaped, plus dc:subject for the keywords,
 * the PDF/UA identifier and the PDF/A extension schema that declares the pdfuaid namespace (PDF/A-2
 * only allows XMP properties from predefined schemas or from an embedded extension schema).
 * pdfkit still appends the pdfaid block itself (from `subset: 'PDF/A-2a'`).
 */

export interface XmpInfo {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  creator: string;
  producer: string;
  creationDate: Date;
  /** BCP 47, as in the catalog's /Lang. */
  language: string;
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** ISO 8601 in UTC without milliseconds: the same instant as the Info dictionary's D:…Z date. */
export function xmpDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function xmpDescriptions(info: XmpInfo): string {
  const e = escapeXml;
  const keywords = info.keywords.join(', ');
  const subjectBag = info.keywords.length
    ? `<dc:subject><rdf:Bag>${info.keywords.map((k) => `<rdf:li>${e(k)}</rdf:li>`).join('')}</rdf:Bag></dc:subject>`
    : '';
  return `
<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
  <xmp:CreateDate>${xmpDate(info.creationDate)}</xmp:CreateDate>
  <xmp:CreatorTool>${e(info.creator)}</xmp:CreatorTool>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <dc:format>application/pdf</dc:format>
  <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${e(info.title)}</rdf:li></rdf:Alt></dc:title>
  ${info.author ? `<dc:creator><rdf:Seq><rdf:li>${e(info.author)}</rdf:li></rdf:Seq></dc:creator>` : ''}
  ${info.subject ? `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${e(info.subject)}</rdf:li></rdf:Alt></dc:description>` : ''}
  <dc:language><rdf:Bag><rdf:li>${e(info.language)}</rdf:li></rdf:Bag></dc:language>
  ${subjectBag}
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
  <pdf:Producer>${e(info.producer)}</pdf:Producer>
  ${keywords ? `<pdf:Keywords>${e(keywords)}</pdf:Keywords>` : ''}
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
  <pdfuaid:part>1</pdfuaid:part>
</rdf:Description>
<rdf:Description rdf:about=""
    xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
    xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
    xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
  <pdfaExtension:schemas>
    <rdf:Bag>
      <rdf:li rdf:parseType="Resource">
        <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
        <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
        <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
        <pdfaSchema:property>
          <rdf:Seq>
            <rdf:li rdf:parseType="Resource">
              <pdfaProperty:name>part</pdfaProperty:name>
              <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
              <pdfaProperty:category>internal</pdfaProperty:category>
              <pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
            </rdf:li>
          </rdf:Seq>
        </pdfaSchema:property>
      </rdf:li>
    </rdf:Bag>
  </pdfaExtension:schemas>
</rdf:Description>`;
}
