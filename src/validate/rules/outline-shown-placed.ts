import { checkReportOutlines } from '../outline-walk.js';
import { at, ptr, defineRule } from '../rule-context.js';

/** The switches of report.yaml `show` that a fact block prints, and that block. */
const SHOWN_BY_BLOCK = [
  { key: 'chart', block: 'diagramm', what: 'das Diagramm der Stellenbesetzung' },
  { key: 'coverage', block: 'abdeckung', what: 'die Anlage "Case Management in den Kommunen"' },
] as const;

/**
 * `show.chart: true` or `show.coverage: true` asks for a part of the Vorlage that only its fact block
 * prints: an outline (the report's, else its Kreis's) without that block would drop it without a word
 * (and the coverage Anlage would be listed among the Anlagen but missing). kim's own outline has both.
 */
export const outlineShownPlaced = defineRule({
  name: 'outline-shown-placed',
  needs: [],
  check(ctx) {
    return checkReportOutlines(ctx, (r, i, { owner, where }) =>
      SHOWN_BY_BLOCK.filter(({ key, block }) => r.show?.[key] === true && !owner.uses.some((u) => u.parsed.type === 'fact' && u.parsed.block.name === block)).map(({ key, block, what }) =>
        at(ctx, { report: i }, ptr('show', key), `show.${key}: true verlangt ${what}, aber der Baustein "${block}" steht nirgends ${where}. Erwartet wird "${block}" in einem Abschnitt der Gliederung, oder show.${key}: false.`),
      ),
    );
  },
});
