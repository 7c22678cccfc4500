import type { Diagnostic } from '../../diagnostics.js';
import { findMalformedSlots, findSlots, STATEMENT_SLOTS } from '../../model/slots.js';
import { FACT_SLOTS, SLOT_LIST } from '../../model/fact-slots.js';
import { eachString } from '../../load/source-file.js';
import { at, ptr, type Place, defineRule } from '../rule-context.js';

/**
 * `{anlage:geschäftsordnung}` or `{anlage: geschaeftsordnung}` is not a slot, so nothing would fill it
 * and it would print raw into the Vorlage. Checked in every text that slots are filled in: all of a
 * report's text blocks (at any depth) and the roles' statements.
 */
const REPORT_NAMES: readonly string[] = FACT_SLOTS.map((s) => s.name);
const REPORT_ALLOWED = `sind ${SLOT_LIST}`;

export const slotsWellFormed = defineRule({
  name: 'slots-well-formed',
  needs: [],
  check(ctx) {
    const out: Diagnostic[] = [];
    const report = (place: Place, pointer: string, text: string, allowed: string, names: readonly string[]) => {
      for (const slot of findMalformedSlots(text)) {
        // Only a slot kim fills is worth suggesting: "{{title}}" is not "{title}" meant.
        const known = slot.meant !== undefined && names.includes(slot.meant.slice(1, -1).split(':')[0]!);
        const meant = known ? ` Gemeint ist wohl ${slot.meant}.` : '';
        out.push(at(ctx, place, pointer, `"${slot.text}" ist kein gültiger Platzhalter und käme so in die Vorlage.${meant} Erlaubt ${allowed} (ohne Leerzeichen, Kennung nur aus a–z, 0–9 und -).`));
      }
    };
    ctx.data.reports.forEach((r, i) => {
      eachString(r.text, (pointer, text) => report({ report: i }, pointer, text, REPORT_ALLOWED, REPORT_NAMES), ptr('text'));
    });
    const roles = ctx.optional('programme', 'roles');
    if (roles) {
      const allowed = `sind ${STATEMENT_SLOTS.map((s) => `{${s}}`).join(', ')}`;
      roles.forEach((role, i) => eachString(role.statement, (pointer, text) => report('programme', pointer, text, allowed, STATEMENT_SLOTS), ptr('roles', i, 'statement')));
    }
    return out;
  },
});

const KNOWN_SLOTS: readonly string[] = [...REPORT_NAMES, ...STATEMENT_SLOTS];
/** Where slots are filled: a report's `text`, a role's `statement` (programme.yaml). */
const SLOT_FIELD = { report: /^\/text(\/|$)/, other: /^\/roles\/\d+\/statement(\/|$)/ };
/** A section heading of an outline (a report's or organisation.yaml's), also of a subsection. */
const OUTLINE_HEADING = /^\/outline\/\d+(\/body\/\d+)*\/heading$/;

/**
 * kim fills slots only in a report's text blocks and the roles' statements; `{letzteVorlage}` in a title,
 * a meeting's outcome or a label would print as written ("Beim zweiten Sitzungstermin … wurde
 * {letzteVorlage} abgestimmt"). Only the names kim knows count: the clerk who wrote one expected it filled.
 */
export const slotsOnlyInText = defineRule({
  name: 'slots-only-in-text',
  needs: [],
  check(ctx) {
    const out: Diagnostic[] = [];
    const scan = (place: Place, value: unknown, isReport: boolean) =>
      eachString(value, (pointer, text) => {
        if ((isReport ? SLOT_FIELD.report : SLOT_FIELD.other).test(pointer)) return;
        const heading = OUTLINE_HEADING.test(pointer);
        for (const slot of findSlots(text)) {
          if (!KNOWN_SLOTS.includes(slot.name)) continue;
          // An outline's headings take the fact slots too (outline-heading-slots.ts judges them there).
          if (heading && REPORT_NAMES.includes(slot.name)) continue;
          const shown = `{${slot.name}${slot.arg ? `:${slot.arg}` : ''}}`;
          out.push(at(ctx, place, pointer, `Der Platzhalter ${shown} wird hier nicht ausgefüllt und käme so in die Vorlage; Platzhalter gelten nur in den Textbausteinen einer Vorlage (text) und den Sätzen der Rollen (statement). Erwartet wird hier der Text selbst.`));
        }
      });
    for (const [kind, source] of Object.entries(ctx.sources)) if (source) scan(kind as Place, source.value, false);
    ctx.reportSources.forEach((source, i) => scan({ report: i }, source.value, true));
    return out;
  },
});
