import type { Diagnostic } from '../../diagnostics.js';
import { findSlots, STATEMENT_SLOTS } from '../../model/slots.js';
import { didYouMean } from '../../german/index.js';
import { at, ptr, type Rule } from '../rule-context.js';

/** A role's statement may only use the slots kim fills; a typo like {dat} must not print literally. */
export const statementSlotsKnown: Rule = {
  name: 'statement-slots-known',
  needs: ['programme'],
  check(ctx) {
    const out: Diagnostic[] = [];
    const allowed: readonly string[] = STATEMENT_SLOTS;
    ctx.data.programme.roles.forEach((role, i) => {
      for (const variant of ['one', 'many'] as const) {
        const text = role.statement?.[variant];
        if (!text) continue;
        for (const slot of findSlots(text)) {
          if (allowed.includes(slot.name) && !slot.arg) continue;
          out.push(
            at(ctx, 'programme', ptr('roles', i, 'statement', variant), `Unbekannter Platzhalter {${slot.name}${slot.arg ? `:${slot.arg}` : ''}}.${didYouMean(slot.name, allowed, 'placeholder')} Erlaubt: ${allowed.map((s) => `{${s}}`).join(', ')}.`),
          );
        }
      }
    });
    return out;
  },
};
