import type { ReportModel } from '../model/report-model.js';
import { escapeBlockStart, escapeInline, flattenToOneLine } from './markdown-escape.js';
import type { Layout, LayoutSection } from './outline-layout.js';

/**
 * Marks where each queued block starts in the template's output: a private-use character, the index and
 * another one. Nothing else writes these characters (they print as nothing anywhere); the output is split
 * at them and they never reach the Vorlage.
 */
export const markOf = (index: number): string => `\uE000${index}\uE001`;
const MARK = /\uE000(\d+)\uE001/g;

/** Whether a template's output is the outline's block queue (the built-in sachstand.md.hbs) rather than a finished Vorlage. */
export const isQueueOutput = (rendered: string): boolean => rendered.includes('\uE000');

/** The template's output split into the rendered blocks, by queue index, each without surrounding blank lines. */
function piecesOf(rendered: string): Map<number, string> {
  const pieces = new Map<number, string>();
  const marks = [...rendered.matchAll(MARK)];
  marks.forEach((m, i) => {
    const end = i + 1 < marks.length ? marks[i + 1]!.index : rendered.length;
    pieces.set(Number(m[1]), rendered.slice(m.index + m[0].length, end).trim());
  });
  return pieces;
}

/**
 * The Vorlage from the rendered blocks: each section's heading, then its blocks and subsections, one
 * blank line apart. A block that renders nothing leaves no trace; a section with nothing in it goes with
 * its heading. The hires of a module right after its staffing sentence continue that sentence's paragraph
 * ("… ergeben. Inzwischen wurden …"), as kim has always written it.
 */
export function assembleOutline(rendered: string, layout: Layout, model: ReportModel): string {
  const pieces = piecesOf(rendered);
  const section = (s: LayoutSection): string => {
    const parts: string[] = [];
    let previous: { block: string; moduleId: string | null } | null = null;
    for (const item of s.items) {
      if (item.type === 'section') {
        const text = section(item.section);
        if (text !== '') parts.push(text);
        previous = null;
        continue;
      }
      if (item.type === 'text') {
        parts.push(item.markdown.trim());
        previous = null;
        continue;
      }
      const text = pieces.get(item.index) ?? '';
      if (text === '') continue;
      if (item.block === 'einstellungen' && previous?.block === 'besetzung' && previous.moduleId === item.moduleId) parts[parts.length - 1] += ` ${text}`;
      else parts.push(text);
      previous = item;
    }
    if (parts.length === 0) return '';
    const heading = s.heading === null ? '' : headingText(s, pieces, model);
    return heading === '' ? parts.join('\n\n') : `${'#'.repeat(s.level)} ${heading}\n\n${parts.join('\n\n')}`;
  };
  return layout.sections.map(section).filter((t) => t !== '').join('\n\n');
}

// A heading's own placeholders ({ueberschrift:financialImpact}) and fact slots ({besetzt:modul-2}).
const PLACEHOLDER = /\{([a-zA-Z]+(?::[a-zA-Z0-9-]+)?)\}/g;

/** A heading with its placeholders filled from the model; the clerk's words and the data's are escaped alike. */
function headingText(section: LayoutSection, pieces: Map<number, string>, model: ReportModel): string {
  const value = (name: string): string => {
    if (name === 'ueberschrift' && section.moduleHeading !== null) return pieces.get(section.moduleHeading) ?? '';
    // A heading's own placeholder first, then a fact slot (the names differ; validation knows both).
    const raw = placeholderValue(name, section, model) ?? model.headingSlots[`{${name}}`];
    return escapeInline(flattenToOneLine(raw ?? `{${name}}`));
  };
  let out = '';
  let last = 0;
  for (const m of section.heading!.matchAll(PLACEHOLDER)) {
    out += escapeInline(section.heading!.slice(last, m.index)) + value(m[1]!);
    last = m.index + m[0].length;
  }
  out += escapeInline(section.heading!.slice(last));
  return escapeBlockStart(out.trim());
}

/** What a heading placeholder stands for; undefined for one validation does not know. */
export function placeholderValue(name: string, section: { module: ReportModel['modules'][number] | null }, model: ReportModel): string | undefined {
  const [key, arg] = name.split(':');
  const m = section.module;
  switch (key) {
    case 'ueberschrift':
      return arg !== undefined ? (model.headings as Record<string, string>)[arg] : undefined;
    case 'lenkungsgruppe':
      return model.steeringGroup?.name ?? '';
    case 'kommunenDativ':
      return model.municipalityWord.pluralDative;
    case 'wort':
      return m ? model.terms.moduleWord.singular : undefined;
    case 'nummer':
      return m?.numberText;
    case 'bezeichnung':
      return m?.label;
    case 'name':
      return m?.name;
    case 'genitiv':
      return m?.genitive;
    case 'ihrer':
      return m ? `${m.possessive}er` : undefined;
    default:
      return undefined;
  }
}
