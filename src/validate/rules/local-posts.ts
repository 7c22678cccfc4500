import type { Diagnostic } from '../../diagnostics.js';
import { formatDate, municipalityPhrase } from '../../german/index.js';
import { inPostOn } from '../../model/dates.js';
import { postServing } from '../../model/local-posts.js';
import { FACT_BLOCKS, parseOutlineEntry } from '../../model/outline-blocks.js';
import type { Assignment } from '../../model/types.js';
import { outlinesOf } from '../outline-walk.js';
import { at, ptr, defineRule } from '../rule-context.js';

/*
 * A Vorlage whose author is not the programme's owner (programme.yaml owner: a town reporting on its
 * Kreis's programme) states the posts serving the author's own municipality (organisation.yaml
 * body.municipality) and nothing of the owner's staff beyond them (src/model/local-posts.ts).
 */

/** Without the author's municipality kim cannot tell which posts serve the author: nothing to state. */
export const ownerNeedsAuthorMunicipality = defineRule({
  name: 'owner-needs-author-municipality',
  needs: ['programme/owner', 'organisation/body'],
  check(ctx) {
    const owner = ctx.data.programme.owner;
    if (!owner || ctx.data.organisation.body.municipality !== undefined) return [];
    return [
      at(
        ctx,
        'programme',
        '/owner',
        `programme.yaml nennt einen Träger des Programms (${owner.name}), organisation.yaml aber nicht die eigene Kommune des Verfassers (${ctx.data.organisation.body.name}); ohne sie weiß kim nicht, welche Stellen für sie tätig sind. Erwartet wird body.municipality mit der Kennung der Kommune aus municipalities.`,
      ),
    ];
  },
});

/**
 * Each person in post at a report's Stand who serves the author's municipality must do so with a share the
 * data gives: an assignment's `fte`, or their whole post in an assignment for that municipality alone.
 * Otherwise the Vorlage would have to guess how much of a shared post serves the town.
 */
export const localSharesKnown = defineRule({
  name: 'local-shares-known',
  needs: ['programme/owner', 'organisation/body', 'organisation/municipalities', 'staff', 'assignments'],
  check(ctx) {
    const municipality = ctx.data.organisation.body.municipality;
    if (!ctx.data.programme.owner || municipality === undefined) return [];
    const known = ctx.data.organisation.municipalities.find((m) => m.id === municipality);
    if (!known) return []; // known-references says so
    const out: Diagnostic[] = [];
    const byStaff = new Map<string, { a: Assignment; i: number }[]>();
    ctx.data.assignments.forEach((a, i) => byStaff.set(a.staff, [...(byStaff.get(a.staff) ?? []), { a, i }]));
    const reported = new Set<number>();
    for (const report of [...ctx.data.reports].sort((a, b) => (a.stand < b.stand ? -1 : 1))) {
      for (const s of ctx.data.staff) {
        if (!inPostOn(s, report.stand)) continue;
        const own = byStaff.get(s.id) ?? [];
        if (postServing(s, own.map((e) => e.a), municipality, report.stand) !== undefined) continue;
        const first = own.find(({ a }) => a.municipalities.includes(municipality) && a.from <= report.stand && (a.to === undefined || a.to >= report.stand) && a.fte === undefined)!;
        if (reported.has(first.i)) continue;
        reported.add(first.i);
        out.push(
          at(
            ctx,
            'assignments',
            ptr('assignments', first.i, 'municipalities'),
            `"${s.id}" ist am Datenstand ${formatDate(report.stand)} der Vorlage ${report.id} für ${municipalityPhrase(known, 'acc')} und weitere Kommunen zuständig, ohne Anteil; die Vorlage nennt die Stellen, die für ${municipalityPhrase(known, 'acc')} tätig sind, und kann den Anteil nicht raten. Erwartet wird fte in dieser Zuordnung (der Anteil je genannter Kommune, z. B. 0.5).`,
          ),
        );
      }
    }
    return out;
  },
});

const WHOLE_STAFF = FACT_BLOCKS.filter((b) => b.wholeStaff).map((b) => b.name);

/** Blocks that state the whole programme's filled posts have no place in such a Vorlage: the author does not know them. */
export const outlineOwnStaffOnly = defineRule({
  name: 'outline-own-staff-only',
  needs: ['programme/owner'],
  check(ctx) {
    const owner = ctx.data.programme.owner;
    if (!owner) return [];
    const out: Diagnostic[] = [];
    for (const outline of outlinesOf(ctx)) {
      for (const use of outline.uses) {
        const parsed = parseOutlineEntry(use.written);
        if (parsed.type !== 'fact' || !parsed.block.wholeStaff) continue;
        out.push(
          at(
            ctx,
            outline.place,
            use.pointer,
            `Der Baustein "${parsed.block.name}" nennt die besetzten Stellen des ganzen Programms ${owner.genitive}; diese Vorlage berichtet über das Programm eines anderen Trägers (programme.yaml owner) und kennt nur das Personal, das für die eigene Kommune tätig ist. Erwartet wird "vorOrt" (Plan des Trägers und Stellen für die eigene Kommune); nicht möglich sind ${WHOLE_STAFF.join(', ')}.`,
          ),
        );
      }
    }
    return out;
  },
});
