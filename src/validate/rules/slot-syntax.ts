import type { Diagnostic } from '../../diagnostics.js';
import { ATTACHMENT_SLOT, findMalformedSlots, REPORT_SLOTS, STATEMENT_SLOTS } from '../../model/slots.js';
import { eachString } from '../../load/source-file.js';
import { at, ptr, type Place, type Rule } from '../rule-context.js';

/**
 * `{anlage:geschäftsordnung}` or `{anlage: geschaeftsordnung}` is not a slot, so nothing would fill it
 * and it would print raw into the Vorlage. Checked in every text that slots are filled in: all of a
 * report's text blocks (at any depth) and the roles' statements.
 */
const REPORT_NAMES: readonly string[] = [ATTACHMENT_SLOT, ...Object.values(REPORT_SLOTS)];
const REPORT_ALLOWED = `sind {${ATTACHMENT_SLOT}:KENNUNG}, ${Object.values(REPORT_SLOTS).map((s) => `{${s}}`).join(', ')}`;

export const slotsWellFormed: Rule = {
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
    if (ctx.validAt('programme', '/roles')) {
      const allowed = `sind ${STATEMENT_SLOTS.map((s) => `{${s}}`).join(', ')}`;
      ctx.data.programme.roles.forEach((role, i) => eachString(role.statement, (pointer, text) => report('programme', pointer, text, allowed, STATEMENT_SLOTS), ptr('roles', i, 'statement')));
    }
    return out;
  },
};
