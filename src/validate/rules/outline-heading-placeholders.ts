import { didYouMean } from '../../german/index.js';
import { FACT_SLOTS, factSlot, SLOT_LIST } from '../../model/fact-slots.js';
import { HEADING_PLACEHOLDERS } from '../../model/outline-blocks.js';
import { outlinesOf } from '../outline-walk.js';
import { at, defineRule } from '../rule-context.js';

const PLACEHOLDER = /\{([^{}]*)\}/g;
const FACT_SLOT_NAMES = FACT_SLOTS.map((f) => f.name);
/** A fact slot as the filler reads it (slots.ts); `{besetzt: modul-2}` with a space is not one and stays refused here. */
const isFactSlot = (inside: string): boolean => /^[a-zA-Z]+(?::[a-z0-9-]+)?$/.test(inside) && factSlot(inside.split(':')[0]!) !== undefined;

/**
 * A heading's placeholders are ones kim fills there; an unknown one would print as written, braces and all.
 * Fact slots ({besetzt:modul-2}) are judged by outline-heading-slots.ts, as in a text block.
 */
export const outlineHeadingPlaceholders = defineRule({
  name: 'outline-heading-placeholders',
  needs: [],
  check(ctx) {
    return outlinesOf(ctx).flatMap((owner) =>
      owner.headings.flatMap((h) => {
        const allowed: string[] = [...HEADING_PLACEHOLDERS.report, ...(h.inModuleSection ? HEADING_PLACEHOLDERS.module : [])];
        return [...h.heading.matchAll(PLACEHOLDER)]
          .filter((m) => !allowed.includes(m[1]!) && !isFactSlot(m[1]!))
          .map((m) => {
            const moduleOnly = (HEADING_PLACEHOLDERS.module as readonly string[]).includes(m[1]!);
            const why = moduleOnly ? `{${m[1]}} gibt es nur in einem Abschnitt je Modul (modules: all).` : `Unbekannter Platzhalter {${m[1]}} in der Überschrift.${didYouMean(m[1]!, [...allowed, ...FACT_SLOT_NAMES], 'placeholder')}`;
            return at(ctx, owner.place, h.pointer, `${why} Erlaubt sind hier ${allowed.map((a) => `{${a}}`).join(', ')} und die Platzhalter der Textbausteine ${SLOT_LIST}.`);
          });
      }),
    );
  },
});
