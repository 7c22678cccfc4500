import type { Diagnostic } from '../../diagnostics.js';
import { findPreviousReport } from '../../model/report-model.js';
import { reportTextBlocks } from '../../model/report-text.js';
import { ATTACHMENT_SLOT, findSlots, REPORT_SLOTS } from '../../model/slots.js';
import { didYouMean } from '../../german/index.js';
import { at, ptr, type Rule } from '../rule-context.js';

const DATE_SLOTS: readonly string[] = Object.values(REPORT_SLOTS);
const ALLOWED = `{${ATTACHMENT_SLOT}:KENNUNG}, ${DATE_SLOTS.map((s) => `{${s}}`).join(', ')}`;

/**
 * Placeholders in a report's text blocks must be ones kim fills: an attachment of the same report, or a
 * date or number the data knows ({letzteSitzung} only where there is a previous report, {letzteVorlage}
 * only where that report has a Drucksachennummer).
 */
export const textSlotsResolve: Rule = {
  name: 'text-slots-resolve',
  needs: [],
  check(ctx) {
    const out: Diagnostic[] = [];
    ctx.data.reports.forEach((r, i) => {
      const attachments = (r.attachments ?? []).map((a) => a.id);
      let previous: ReturnType<typeof findPreviousReport> | null = null;
      const previousOf = () => (previous ??= findPreviousReport(ctx.data, r));
      for (const { pointer, text } of reportTextBlocks(r)) {
        for (const slot of findSlots(text)) {
          const shown = `{${slot.name}${slot.arg ? `:${slot.arg}` : ''}}`;
          if (slot.name === ATTACHMENT_SLOT) {
            if (slot.arg && attachments.includes(slot.arg)) continue;
            const hint = slot.arg ? didYouMean(slot.arg, attachments) : '';
            out.push(at(ctx, { report: i }, pointer, `${shown} verweist auf keine Anlage dieser Vorlage.${hint} Anlagen: ${attachments.join(', ') || 'keine'}.`));
          } else if (!DATE_SLOTS.includes(slot.name) || slot.arg) {
            const hint = didYouMean(slot.name, [...DATE_SLOTS, ATTACHMENT_SLOT], 'placeholder');
            out.push(at(ctx, { report: i }, pointer, `Unbekannter Platzhalter ${shown}.${hint} Erlaubt sind in Textbausteinen ${ALLOWED}.`));
          } else if ((slot.name === REPORT_SLOTS.previousSession || slot.name === REPORT_SLOTS.previousReference) && !ctx.otherReportFiles) {
            const what = slot.name === REPORT_SLOTS.previousSession ? 'die Sitzung' : 'die Drucksachennummer';
            const found = previousOf();
            if (!found) out.push(at(ctx, { report: i }, pointer, `{${slot.name}} nennt ${what} der vorigen Vorlage, aber diese Vorlage hat keine vorige (erste Vorlage).`));
            else if (slot.name === REPORT_SLOTS.previousReference && found.reference === undefined) {
              out.push(at(ctx, { report: i }, pointer, `{${slot.name}} nennt die Drucksachennummer der vorigen Vorlage "${found.id}", aber diese hat keine; erwartet wird reference in ihrer Datei oder die Nummer im Text.`));
            }
          }
        }
      }
    });
    return out;
  },
};

/** Text blocks per module are keyed by the module's id; a misspelt id would silently print nothing. */
export const textModulesKnown: Rule = {
  name: 'text-modules-known',
  needs: ['programme'],
  check(ctx) {
    const ids = ctx.data.programme.modules.map((m) => m.id);
    return ctx.data.reports.flatMap((r, i) =>
      Object.keys(r.text?.modules ?? {})
        .filter((id) => !ids.includes(id))
        .map((id) => at(ctx, { report: i }, ptr('text', 'modules', id), `Unbekanntes Modul "${id}" in text.modules.${didYouMean(id, ids)} Module in programme.yaml: ${ids.join(', ')}.`)),
    );
  },
};

/** The steering group's text block is told with the steering group; a programme without one has no place for it. */
export const steeringGroupTextHasGroup: Rule = {
  name: 'steering-group-text-has-group',
  needs: ['programme'],
  check(ctx) {
    if (ctx.data.programme.steeringGroup) return [];
    return ctx.data.reports.flatMap((r, i) =>
      r.text?.steeringGroup === undefined
        ? []
        : [at(ctx, { report: i }, '/text/steeringGroup', 'Der Textbaustein steeringGroup gehört zur Lenkungsgruppe, aber programme.yaml nennt keine (steeringGroup); erwartet wird steeringGroup in programme.yaml oder der Text in einem anderen Baustein.')],
    );
  },
};
