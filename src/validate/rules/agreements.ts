import type { Diagnostic } from '../../diagnostics.js';
import { dativeFromAt, didYouMean } from '../../german/index.js';
import { at, ptr, defineRule } from '../rule-context.js';

/**
 * An agreement (meetings.yaml cooperationAgreements) is with a municipality (`municipality`, the first
 * shape) or with a partner (`partner`: an employer such as a welfare organisation, or a municipality) for
 * `municipalities`. Exactly one of the two; the partner must be known and have a dative for "mit …".
 * The ids in `municipalities` and `decision.committee` are checked with the other references (references.ts).
 */
export const agreementPartners = defineRule({
  name: 'agreement-partners',
  needs: ['meetings/cooperationAgreements', 'organisation/employers', 'organisation/municipalities'],
  check(ctx) {
    const out: Diagnostic[] = [];
    const employers = new Map(ctx.data.organisation.employers.map((e) => [e.id, e]));
    const municipalities = new Set(ctx.data.organisation.municipalities.map((m) => m.id));
    const known = [...employers.keys(), ...municipalities];
    (ctx.data.meetings.cooperationAgreements ?? []).forEach((a, i) => {
      const here = (...field: string[]) => ptr('cooperationAgreements', i, ...field);
      if (a.partner === undefined && a.municipality === undefined) {
        out.push(at(ctx, 'meetings', here(), `Bei der Vereinbarung "${a.id}" fehlt, mit wem sie geschlossen wurde. Erwartet wird municipality (eine Kommune) oder partner (ein Arbeitgeber oder eine Kommune aus organisation.yaml) mit municipalities.`));
        return;
      }
      if (a.partner !== undefined && a.municipality !== undefined) {
        out.push(at(ctx, 'meetings', here('municipality'), `Die Vereinbarung "${a.id}" nennt municipality und partner. Erwartet wird eines von beiden: municipality für eine Vereinbarung mit einer Kommune, partner mit municipalities für eine mit einem anderen Partner (z. B. partner: ${a.partner}, municipalities: [${a.municipality}]).`));
      }
      if (a.partner === undefined && a.municipalities !== undefined) {
        out.push(at(ctx, 'meetings', here('municipalities'), `municipalities gilt nur mit partner: die Vereinbarung "${a.id}" ist mit der Kommune "${a.municipality}" geschlossen. Erwartet wird partner (mit wem) zu municipalities (für welche Kommunen), oder municipalities wird gestrichen.`));
      }
      if (a.partner === undefined) return;
      const employer = employers.get(a.partner);
      if (!employer && !municipalities.has(a.partner)) {
        out.push(
          at(
            ctx,
            'meetings',
            here('partner'),
            `Unbekannter Partner: "${a.partner}".${didYouMean(a.partner, known)} Erwartet wird die Kennung eines Arbeitgebers (organisation.yaml employers) oder einer Kommune (organisation.yaml municipalities): ${known.slice(0, 8).join(', ')}${known.length > 8 ? ' …' : ''}.`,
          ),
        );
        return;
      }
      if (employer && employer.dative === undefined && employer.municipality === undefined && dativeFromAt(employer.at) === undefined) {
        out.push(
          at(
            ctx,
            'meetings',
            here('partner'),
            `Für "mit …" fehlt der Dativ des Arbeitgebers "${employer.id}" (${employer.name}): aus "${employer.at}" lässt er sich nicht ablesen. Erwartet wird dative bei diesem Arbeitgeber in organisation.yaml, z. B. dative: dem ${employer.name}.`,
          ),
        );
      }
    });
    return out;
  },
});
