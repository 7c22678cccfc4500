import type { Diagnostic } from '../../diagnostics.js';
import { findPreviousReport, sessionsBetween } from '../../model/report-model.js';
import { reportTextBlocks } from '../../model/report-text.js';
import { ATTACHMENT_SLOT, findSlots, REPORT_SLOTS } from '../../model/slots.js';
import { defaultSessionName, didYouMean, formatDate } from '../../german/index.js';
import { at, ptr, defineRule } from '../rule-context.js';

const DATE_SLOTS: readonly string[] = Object.values(REPORT_SLOTS);
const ALLOWED = `{${ATTACHMENT_SLOT}:KENNUNG}, ${DATE_SLOTS.map((s) => `{${s}}`).join(', ')}`;

/**
 * What a Drucksachennummer put into a text block by {letzteVorlage} would make Markdown of there (the text
 * block keeps **bold**, paragraphs and lists, text-block.ts): a line break, an asterisk, a list marker first.
 */
function markupInTextBlock(reference: string): string | undefined {
  if (/[\r\n\u2028\u2029\u0085]/.test(reference)) return 'einen Zeilenumbruch (dort ein neuer Absatz oder eine neue Zeile)';
  if (reference.includes('*')) return 'ein Sternchen (dort Fettdruck)';
  if (/^\s*([-+•–]|\d{1,3}[.)])(\s|$)/.test(reference)) return 'am Anfang ein Listenzeichen (dort eine Aufzählung)';
  return undefined;
}

/**
 * Placeholders in a report's text blocks must be ones kim fills: an attachment of the same report, or a
 * date or number the data knows ({letzteSitzung} only where there is a previous report, {letzteVorlage}
 * only where that report has a Drucksachennummer).
 */
export const textSlotsResolve = defineRule({
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
            } else if (slot.name === REPORT_SLOTS.previousReference && found.reference !== undefined && markupInTextBlock(found.reference)) {
              const markup = markupInTextBlock(found.reference)!;
              out.push(
                at(ctx, { report: i }, pointer, `{${slot.name}} setzt die Drucksachennummer "${found.reference.replace(/\s+/g, ' ')}" der vorigen Vorlage "${found.id}" in den Textbaustein ein; sie enthält ${markup}. Erwartet wird eine Nummer in einer Zeile ohne * (reference in ihrer Datei), oder die Nummer im Text.`),
              );
            }
          }
        }
      }
    });
    return out;
  },
});

/** Text blocks per module are keyed by the module's id; a misspelt id would silently print nothing. */
export const textModulesKnown = defineRule({
  name: 'text-modules-known',
  needs: ['programme/modules'],
  check(ctx) {
    const ids = ctx.data.programme.modules.map((m) => m.id);
    return ctx.data.reports.flatMap((r, i) =>
      Object.keys(r.text?.modules ?? {})
        .filter((id) => !ids.includes(id))
        .map((id) => at(ctx, { report: i }, ptr('text', 'modules', id), `Unbekanntes Modul "${id}" in text.modules.${didYouMean(id, ids)} Module in programme.yaml: ${ids.join(', ')}.`)),
    );
  },
});

/** The steering group's text block is told with the steering group; a programme without one has no place for it. */
export const steeringGroupTextHasGroup = defineRule({
  name: 'steering-group-text-has-group',
  needs: ['programme/steeringGroup'],
  check(ctx) {
    if (ctx.data.programme.steeringGroup) return [];
    return ctx.data.reports.flatMap((r, i) =>
      r.text?.steeringGroup === undefined
        ? []
        : [at(ctx, { report: i }, '/text/steeringGroup', 'Der Textbaustein steeringGroup gehört zur Lenkungsgruppe, aber programme.yaml nennt keine (steeringGroup); erwartet wird steeringGroup in programme.yaml oder der Text in einem anderen Baustein.')],
    );
  },
});

/** "letzte(n) … {letzteSitzung}" within a few words, as in "Seit der letzten Ausschuss-Sitzung am {letzteSitzung}". */
const LAST_BEFORE_SLOT = new RegExp(`\\bletzte[nmrs]?\\b[^{}.!?]{0,60}\\{${REPORT_SLOTS.previousSession}\\}`, 'iu');

/**
 * {letzteSitzung} is the session of the previous report. When the committee met in between without a report
 * of this series, a text carried over as "seit der letzten Ausschusssitzung am {letzteSitzung}" is no longer
 * true; kim's own sentences then drop "letzten", and the clerk's text should too.
 */
export const previousSessionCalledLast = defineRule({
  name: 'previous-session-called-last',
  needs: ['meetings/sessions'],
  check(ctx) {
    if (ctx.otherReportFiles) return [];
    const out: Diagnostic[] = [];
    const sessions = new Map(ctx.data.meetings.sessions.map((s) => [s.id, s]));
    // As for carried-over text: a report a later one continues from is presented and no longer revised.
    const continued = new Set(ctx.data.reports.map((r) => findPreviousReport(ctx.data, r)));
    ctx.data.reports.forEach((r, i) => {
      if (continued.has(r)) return;
      const previous = findPreviousReport(ctx.data, r);
      const thisSession = sessions.get(r.consultations[0]?.session ?? '');
      const previousSession = previous && sessions.get(previous.consultations[0]?.session ?? '');
      if (!thisSession || !previousSession) return;
      const between = sessionsBetween(ctx.data, previousSession, thisSession);
      if (between.length === 0) return;
      // Said in the committee's own words: a Kreistag is not "der Ausschuss", its session not an "Ausschusssitzung".
      const committee = ctx.optional('organisation', 'committees')?.find((c) => c.id === previousSession.committee);
      const body = committee === undefined || /ausschuss/i.test(committee.name) ? 'der Ausschuss' : `das Gremium "${committee.name}"`;
      const sessionName = committee === undefined ? 'Ausschusssitzung' : (committee.sessionName ?? defaultSessionName(committee));
      for (const { pointer, text } of reportTextBlocks(r)) {
        const found = LAST_BEFORE_SLOT.exec(text);
        if (!found) continue;
        out.push(
          at(
            ctx,
            { report: i },
            pointer,
            `"${found[0]}": {${REPORT_SLOTS.previousSession}} ist die Sitzung am ${formatDate(previousSession.date)}, aber ${body} hat danach am ${between.map((s) => formatDate(s.date)).join(', ')} getagt; sie ist nicht die letzte. Erwartet wird etwa "seit der ${sessionName} am {${REPORT_SLOTS.previousSession}}".`,
            'warning',
          ),
        );
      }
    });
    return out;
  },
});
