import { readFileSync } from 'node:fs';
import { error, jsonPath, type Diagnostic } from '../diagnostics.js';
import type { SourceFile } from '../load/source-file.js';
import type { Dataset, Report } from '../model/types.js';
import { reportTextBlocks } from '../model/report-text.js';
import type { TemplateFile } from './template-registry.js';

/**
 * The last line of defence for privacy: the model never carries names, but a clerk may type one into a
 * report's text or a template. A public Vorlage must not contain any staff member's full name or
 * surname; each hit is located where it came from (report text, template line, else the output line).
 * A surname that is also an ordinary word would be flagged too: a false alarm beats a leak.
 */
export function checkPrivacy(
  markdown: string,
  data: Dataset,
  report: Report,
  where: { reportSource?: SourceFile | undefined; templateFiles: TemplateFile[]; outputName: string },
): Diagnostic[] {
  if (!report.public) return [];
  const text = markdown.normalize('NFC');
  const out: Diagnostic[] = [];
  // Every letter/digit run of the text: a whole-word match of a name means each of the name's own runs
  // is such a run (it is bounded by non-letters in the name or by the pattern's look-arounds). So a
  // name with a run that is not in this set cannot match, and its pattern is never built (kim build
  // checks every report against every staff member's name).
  const words = new Set(text.match(RUNS));
  for (const needles of needlesOf(data.staff)) {
    for (const { needle, runs } of needles) {
      if (runs.length > 0 && !runs.every((r) => words.has(r))) continue;
      const pattern = wordPattern(needle);
      if (!pattern.test(text)) continue;
      out.push(locate(needle, pattern, text, report, where));
      break; // one message per person is enough
    }
  }
  return out;
}

const RUNS = /[\p{L}\p{N}]+/gu;

/** The names to look for, per staff member, with their letter/digit runs; built once per staff list (rebuilt if a name changed). */
type Needles = { needle: string; runs: string[] }[];
const needleCache = new WeakMap<Dataset['staff'], { names: (string | undefined)[]; list: Needles[] }>();
function needlesOf(staff: Dataset['staff']): Needles[] {
  const cached = needleCache.get(staff);
  if (cached && cached.names.length === staff.length && staff.every((p, i) => p.name === cached.names[i])) return cached.list;
  const list = staff.map((person) => (person.name ? namesToFind(person.name).map((needle) => ({ needle, runs: needle.match(RUNS) ?? [] })) : []));
  needleCache.set(staff, { names: staff.map((p) => p.name), list });
  return list;
}

/** The full name and the surname (last word), each at least three letters long. */
function namesToFind(name: string): string[] {
  const full = name.normalize('NFC').trim().replace(/\s+/g, ' ');
  const surname = full.split(' ').at(-1) ?? '';
  return [...new Set([full, surname])].filter((n) => n.length >= 3);
}

/** Whole-word match that also works for letters outside ASCII (ł, ı, é). */
function wordPattern(needle: string): RegExp {
  const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u');
}

function locate(
  needle: string,
  pattern: RegExp,
  markdown: string,
  report: Report,
  where: { reportSource?: SourceFile | undefined; templateFiles: TemplateFile[]; outputName: string },
): Diagnostic {
  const message = `Die öffentliche Vorlage ${report.id} enthält den Namen "${needle}" einer beschäftigten Person; Namen dürfen in öffentlichen Vorlagen nicht erscheinen.`;
  // 1. Typed into the report's own text?
  const source = where.reportSource;
  if (source) {
    for (const { pointer, text } of reportTextBlocks(report)) {
      if (pattern.test(text.normalize('NFC'))) {
        const pos = source.valuePositions.get(pointer) ?? { line: 1, col: 1 };
        return error(source.file, pos.line, pos.col, jsonPath(pointer), message);
      }
    }
  }
  // 2. Written into a template?
  for (const file of where.templateFiles) {
    const lines = readFileSync(file.path, 'utf8').normalize('NFC').split('\n');
    const index = lines.findIndex((l) => pattern.test(l));
    if (index !== -1) return error(file.path, index + 1, (lines[index]!.search(pattern) ?? 0) + 1, '', message);
  }
  // 3. Otherwise it came from data through the template: point at the output line.
  const lines = markdown.split('\n');
  const index = lines.findIndex((l) => pattern.test(l));
  return error(where.outputName, index + 1, lines[index]!.search(pattern) + 1, '', `${message} (Zeile der erzeugten Vorlage)`);
}
