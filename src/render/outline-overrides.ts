import { error } from '../diagnostics.js';
import { DataError } from '../errors.js';
import type { TemplateFile } from './template-registry.js';
import { BUILTIN_TEMPLATES_DIR } from './template-registry.js';

/**
 * Partials that kim's own sachstand.md.hbs no longer calls since it arranges an outline of single blocks:
 * they remain for a data repository's own top template. An override of one of them beside kim's
 * top template would be ignored without a word, so it is refused, naming the partials that replaced it.
 */
const REPLACED_BY: Record<string, string[]> = {
  closing: ['session-line', 'signature', 'attachments'],
  'module-staffing': ['module-heading', 'staffing-plan', 'plan-changes', 'fte-changes', 'leavers', 'group-meetings'],
  'module-case-management': ['module-heading', 'staffing-case-management', 'hires', 'moves', 'fte-changes', 'leavers', 'group-meetings'],
  overview: ['overview-table'],
  cooperation: ['agreements', 'kick-offs'],
  'steering-group': ['steering-group-meetings'],
  'financial-impact': ['financial-impact-sentence'],
};

const builtin = (file: TemplateFile): boolean => file.path.startsWith(BUILTIN_TEMPLATES_DIR);

/** `files`: the report's template first, then every partial (engine.files). */
export function assertNoIgnoredOverrides(files: TemplateFile[]): void {
  const [template, ...partials] = files;
  if (!template || !builtin(template)) return;
  const ignored = partials.filter((p) => !builtin(p) && REPLACED_BY[p.name] !== undefined);
  if (ignored.length === 0) return;
  throw new DataError(
    ignored.map((p) =>
      error(
        p.path,
        1,
        1,
        '',
        `Das Teilmuster "${p.name}" wird von kims Vorlagenmuster ${template.name}.md.hbs nicht mehr verwendet: die Vorlage wird nach einer Gliederung aus einzelnen Bausteinen zusammengesetzt (docs/gliederung.md), und diese Fassung bliebe ohne Wirkung. Erwartet wird stattdessen eine eigene Fassung von ${REPLACED_BY[p.name]!.map((n) => `partials/${n}.hbs`).join(', ')}, oder ein eigenes ${template.name}.md.hbs, das "${p.name}" aufruft.`,
      ),
    ),
    'Das Vorlagenmuster ist fehlerhaft.',
  );
}
