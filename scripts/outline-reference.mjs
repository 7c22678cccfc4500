// The reference part of docs/gliederung.md, made from kim's block registry (src/model/outline-blocks.ts)
// and the report schema's text blocks: scripts/generate-docs-outline.mjs writes it into the file, and
// test/structure/outline-docs.test.ts fails when the file and the registry differ.

export const BEGIN = '<!-- Beginn der Bausteinliste: erzeugt von scripts/generate-docs-outline.mjs, nicht von Hand ändern -->';
export const END = '<!-- Ende der Bausteinliste -->';

const cell = (text) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/**
 * @param {{ blocks: readonly { name: string, scope: string, toldOnce?: string, fundingOption?: boolean, description: string }[],
 *           topTextKeys: readonly string[], moduleTextKeys: readonly string[], headingPlaceholders: { report: readonly string[], module: readonly string[] },
 *           reportSchema: any }} input
 */
export function outlineReference({ blocks, topTextKeys, moduleTextKeys, headingPlaceholders, reportSchema }) {
  const lines = [BEGIN, '', '### Faktenbausteine', ''];
  lines.push('| Baustein | gilt für | Was er sagt |', '| --- | --- | --- |');
  for (const b of blocks) {
    const scope = b.toldOnce ? 'die Vorlage oder ein Modul' : b.scope === 'report' ? 'die Vorlage' : 'ein Modul';
    const notes = [b.toldOnce ? 'darf mehrfach stehen, wird einmal erzählt' : '', b.fundingOption ? 'Einstellung `funding: false`' : ''].filter(Boolean);
    lines.push(`| \`${b.name}\` | ${scope}${notes.length ? ` (${notes.join('; ')})` : ''} | ${cell(b.description)} |`);
  }
  const text = reportSchema.properties.text.properties;
  const moduleText = text.modules.additionalProperties.properties;
  lines.push('', '### Textbausteine', '', '| Baustein | Was darin steht |', '| --- | --- |');
  for (const key of topTextKeys) lines.push(`| \`text.${key}\` | ${cell(`${text[key].title}: ${text[key].description}`)} |`);
  for (const key of moduleTextKeys) {
    lines.push(`| \`text.modules.KENNUNG.${key}\`, im Abschnitt je Modul \`text.${key}\` | ${cell(`${moduleText[key].title}: ${moduleText[key].description}`)} |`);
  }
  lines.push('', '### Platzhalter in Überschriften', '');
  lines.push(`Überall: ${headingPlaceholders.report.map((p) => `\`{${p}}\``).join(', ')}.`, '');
  lines.push(`Zusätzlich im Abschnitt je Modul: ${headingPlaceholders.module.map((p) => `\`{${p}}\``).join(', ')}.`, '');
  lines.push('Dazu überall die Platzhalter der Textbausteine mit kims Zahlen, Daten und Namen (`{besetzt:modul-2}`, `{stand}` …): [platzhalter.md](platzhalter.md).', '', END);
  return lines.join('\n');
}

export const DEFAULT_BEGIN = '<!-- Beginn der Vorgabe: aus templates/gliederung.yaml, von scripts/generate-docs-outline.mjs eingesetzt -->';
export const DEFAULT_END = '<!-- Ende der Vorgabe -->';

/** kim's default outline as a YAML block of the guide, as it is in templates/gliederung.yaml. */
export function defaultOutlineSection(yamlText) {
  return [DEFAULT_BEGIN, '', '```yaml', 'outline:', ...yamlText.split('\n').filter((l) => !l.startsWith('#')).map((l) => (l === '' ? '' : `  ${l}`)), '```', '', DEFAULT_END].join('\n').replace(/\n\n+```\n\n/, '\n```\n\n');
}

function replaceBetween(doc, begin, end, part) {
  const start = doc.indexOf(begin);
  const stop = doc.indexOf(end);
  if (start === -1 || stop === -1) throw new Error(`docs/gliederung.md: the markers ${begin} … ${end} are missing`);
  return doc.slice(0, start) + part + doc.slice(stop + end.length);
}

/** The document with its generated parts (the default outline, the block list) replaced. */
export function withReference(doc, reference, defaultSection) {
  return replaceBetween(replaceBetween(doc, BEGIN, END, reference), DEFAULT_BEGIN, DEFAULT_END, defaultSection);
}
