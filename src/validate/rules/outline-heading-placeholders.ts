import { didYouMean } from '../../german/index.js';
import { HEADING_PLACEHOLDERS } from '../../model/outline-blocks.js';
import { outlinesOf } from '../outline-walk.js';
import { at, defineRule } from '../rule-context.js';

const PLACEHOLDER = /\{([^{}]*)\}/g;

/** A heading's placeholders are ones kim fills there; an unknown one would print as written, braces and all. */
export const outlineHeadingPlaceholders = defineRule({
  name: 'outline-heading-placeholders',
  needs: [],
  check(ctx) {
    return outlinesOf(ctx).flatMap((owner) =>
      owner.headings.flatMap((h) => {
        const allowed: string[] = [...HEADING_PLACEHOLDERS.report, ...(h.inModuleSection ? HEADING_PLACEHOLDERS.module : [])];
        return [...h.heading.matchAll(PLACEHOLDER)]
          .filter((m) => !allowed.includes(m[1]!))
          .map((m) => {
            const moduleOnly = (HEADING_PLACEHOLDERS.module as readonly string[]).includes(m[1]!);
            const why = moduleOnly ? `{${m[1]}} gibt es nur in einem Abschnitt je Modul (modules: all).` : `Unbekannter Platzhalter {${m[1]}} in der Überschrift.${didYouMean(m[1]!, allowed, 'placeholder')}`;
            return at(ctx, owner.place, h.pointer, `${why} Erlaubt sind hier ${allowed.map((a) => `{${a}}`).join(', ')}.`);
          });
      }),
    );
  },
});
