import type { Diagnostic } from '../../diagnostics.js';
import { findSlots, STATEMENT_SLOTS } from '../../model/slots.js';
import { didYouMean, isPairForm } from '../../german/index.js';
import { at, ptr, defineRule } from '../rule-context.js';

/** A role's statement may only use the slots kim fills; a typo like {dat} must not print literally. */
export const statementSlotsKnown = defineRule({
  name: 'statement-slots-known',
  needs: ['programme/roles'],
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
});

/**
 * Two or more people of gender d in a role whose mixed plural is a pair ("Case Managerinnen und Case
 * Manager") need the neutral plural: the pair would call them women and men. Asked for as soon as the
 * role has two such people, since they may be hired, listed or leave together in some Vorlage.
 */
export const neutralPluralGiven = defineRule({
  name: 'neutral-plural-given',
  needs: ['programme/roles', 'staff'],
  check(ctx) {
    const out: Diagnostic[] = [];
    ctx.data.programme.roles.forEach((role, i) => {
      if (role.forms.plural.d !== undefined || !isPairForm(role.forms)) return;
      const neutral = ctx.data.staff.filter((s) => s.role === role.id && s.gender === 'd');
      if (neutral.length < 2) return;
      out.push(
        at(
          ctx,
          'programme',
          ptr('roles', i, 'forms', 'plural'),
          `Die Rolle "${role.id}" hat ${neutral.length} Personen mit Geschlecht d (staff.yaml: ${neutral.map((s) => s.id).join(', ')}), aber keine Mehrzahl für sie: "${role.forms.plural.mixed}" nennt Frauen und Männer. Erwartet wird die Mehrzahl von "${role.forms.d}" unter forms.plural.d.`,
        ),
      );
    });
    return out;
  },
});
