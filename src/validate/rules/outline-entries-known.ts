import { didYouMean } from '../../german/index.js';
import { FACT_BLOCK_NAMES, outlineEntryNames } from '../../model/outline-blocks.js';
import { outlinesOf } from '../outline-walk.js';
import { at, defineRule } from '../rule-context.js';

/** Every name in an outline is a fact block of kim's or a text block of the report; a misspelt one would leave its facts out without a word. */
export const outlineEntriesKnown = defineRule({
  name: 'outline-entries-known',
  needs: [],
  check(ctx) {
    return outlinesOf(ctx).flatMap((owner) =>
      owner.uses
        .filter((u) => u.parsed.type === 'unknown')
        .map((u) => {
          const isText = u.written.startsWith('text.');
          const expected = isText
            ? 'Erwartet wird text.preface, text.resolution, text.steeringGroup, text.financialImpact, text.closing, text.modules.KENNUNG.staff oder text.modules.KENNUNG.work (im Abschnitt je Modul auch text.staff, text.work).'
            : `Faktenbausteine: ${FACT_BLOCK_NAMES.join(', ')}.`;
          const name = u.written.split(':')[0]!;
          return at(ctx, owner.place, u.pointer, `Unbekannter ${isText ? 'Textbaustein' : 'Baustein'} "${u.written}" in der Gliederung.${didYouMean(name, outlineEntryNames())} ${expected}`);
        }),
    );
  },
});
