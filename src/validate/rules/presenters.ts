import type { Diagnostic } from '../../diagnostics.js';
import { outlineInEffect, outlinesOf } from '../outline-walk.js';
import { at, defineRule, ptr } from '../rule-context.js';

/**
 * A presenter (report.yaml presenters) is either a staff member, by id, whose name staff.yaml gives, or
 * a person off the staff list by name: the Vorlage prints one name, and only a staff member named by id
 * is let through the privacy check (an unknown id is the references rule's).
 */
export const presentersNamed = defineRule({
  name: 'presenters-named',
  needs: ['staff'],
  check(ctx) {
    const out: Diagnostic[] = [];
    ctx.data.reports.forEach((report, ri) => {
      report.presenters?.forEach((p, pi) => {
        if ((p.staff === undefined) === (p.name === undefined)) {
          const what = p.staff === undefined ? 'weder' : 'sowohl';
          out.push(
            at(
              ctx,
              { report: ri },
              ptr('presenters', pi),
              `Der Eintrag nennt ${what} eine beschäftigte Person (staff) ${what === 'weder' ? 'noch' : 'als auch'} einen Namen (name); erwartet wird genau eins: staff mit der Kennung aus staff.yaml oder name für eine Person, die nicht in staff.yaml steht.`,
            ),
          );
          return;
        }
        if (p.staff === undefined) return;
        const person = ctx.data.staff.find((s) => s.id === p.staff);
        if (person && person.name === undefined) {
          out.push(at(ctx, { report: ri }, ptr('presenters', pi, 'staff'), `Die Person "${p.staff}" hat in staff.yaml keinen Namen (name); ohne ihn kann die Vorlage sie nicht nennen.`));
        }
      });
    });
    return out;
  },
});

/**
 * Presenters are named to be printed: the outline in effect (the report's, else its Kreis's; kim's own
 * places it) must place the block berichterstattung, as a text block must stand somewhere (outline-text-placed).
 */
export const presentersPlaced = defineRule({
  name: 'presenters-placed',
  needs: [],
  check(ctx) {
    const owners = outlinesOf(ctx);
    const out: Diagnostic[] = [];
    ctx.data.reports.forEach((r, i) => {
      const effective = r.presenters && outlineInEffect(owners, i);
      if (!effective || effective.owner.uses.some((u) => u.parsed.type === 'fact' && u.parsed.block.name === 'berichterstattung')) return;
      const { where } = effective;
      out.push(
        at(ctx, { report: i }, '/presenters', `Der Faktenbaustein berichterstattung steht nirgends ${where}; wer berichtet (presenters), würde nicht gedruckt. Erwartet wird "berichterstattung" in einem Abschnitt der Gliederung, oder presenters entfällt.`),
      );
    });
    return out;
  },
});
