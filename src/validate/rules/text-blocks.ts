import type { Diagnostic } from '../../diagnostics.js';
import { findPreviousReport, sessionsBetween } from '../../model/report-model.js';
import { reportTextBlocks } from '../../model/report-text.js';
import { findSlots, REPORT_SLOTS } from '../../model/slots.js';
import { FACT_SLOTS, factSlot, SLOT_LIST } from '../../model/fact-slots.js';
import { defaultSessionName, didYouMean, formatDate } from '../../german/index.js';
import { at, ptr, defineRule, type Place, type RuleContext } from '../rule-context.js';
import type { Dataset } from '../../model/types.js';
import { atSlot } from './slot-position.js';

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
 * Placeholders in a report's text blocks must be ones kim fills (fact-slots.ts): a known name, with a module
 * id where it takes one and none where it does not, an attachment of the same report, and, for the slots
 * that name the previous report, a value in this report ({letzteSitzung} only where there is a previous
 * report). Reads only the reports, and programme.yaml's modules where they passed the schema. Each message
 * points at the slot in the text block.
 */
export const textSlotsResolve = defineRule({
  name: 'text-slots-resolve',
  needs: [],
  check(ctx) {
    return ctx.data.reports.flatMap((r, i) => reportTextBlocks(r).flatMap(({ pointer, text }) => clerkTextSlotProblems(ctx, i, pointer, text)));
  },
});

/**
 * The fact slots that need the rest of the data have a value in this report: {geplant:modul-3} only once
 * modul-3 has a plan, {kommunen:modul-1} only where someone of modul-1 is assigned to a municipality. Run
 * only when every data file passed its schema (the value is judged on all of them).
 */
export const textSlotsHaveValues = defineRule({
  name: 'text-slots-have-values',
  needs: ['organisation', 'programme', 'staff', 'assignments', 'meetings'],
  check(ctx) {
    const data: Dataset = ctx.data;
    return ctx.data.reports.flatMap((r, i) => reportTextBlocks(r).flatMap(({ pointer, text }) => clerkTextSlotProblems(ctx, i, pointer, text, data)));
  },
});

/** Where a clerk's string other than a text block stands, for clerkTextSlotProblems. */
export interface ClerkStringPlace {
  /** The file it is in, when not the report's own (an outline in organisation.yaml serves many reports). */
  place?: Place;
  /** Put before each message: which report the value was judged for, in a file that serves many. */
  prefix?: string;
  /** Judge only fact slots; other names are the string's own placeholders (a heading's {bezeichnung}). */
  factSlotsOnly?: boolean;
}

/**
 * The problems of the slots in one string the clerk wrote into the report file `reportIndex` at `pointer`:
 * what kim's model fills with clerkTextFiller must pass here: a text block, and a heading of an outline
 * (outline-heading-slots.ts). Without `data`: names,
 * arguments and the slots that name the previous report; with it: only the values that need the data.
 */
export function clerkTextSlotProblems(ctx: RuleContext, reportIndex: number, pointer: string, text: string, data?: Dataset, where: ClerkStringPlace = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  const r = ctx.data.reports[reportIndex]!;
  const place = where.place ?? { report: reportIndex };
  const modules = data?.programme.modules ?? ctx.optional('programme', 'modules');
  const moduleIds = modules?.map((m) => m.id);
  const attachments = (r.attachments ?? []).map((a) => a.id);
  for (const use of findSlots(text)) {
    if (where.factSlotsOnly && !factSlot(use.name)) continue;
    const shown = `{${use.name}${use.arg ? `:${use.arg}` : ''}}`;
    const problem = (message: string) => out.push(atSlot(ctx, place, pointer, text, { index: use.index, written: shown }, `${where.prefix ?? ''}${message}`));
    const slot = factSlot(use.name);
    // The rule with the data judges only values; everything else is the other rule's (one message each).
    const argumentFits = slot?.argument === 'none' ? use.arg === undefined : slot?.argument === 'module' ? use.arg !== undefined : true;
    const wellFormed = slot !== undefined && slot.argument !== 'attachment' && argumentFits && (use.arg === undefined || moduleIds?.includes(use.arg) === true);
    if (data !== undefined) {
      if (!wellFormed || !slot.noValue || slot.needsPrevious) continue;
      const module = use.arg === undefined ? undefined : data.programme.modules.find((m) => m.id === use.arg);
      const why = slot.noValue.why({ data, report: r, previous: findPreviousReport(data, r) }, module);
      if (why !== undefined) problem(`${shown} hat in dieser Vorlage keinen Wert: ${why}.`);
      continue;
    }
    if (!slot) {
      problem(`Unbekannter Platzhalter ${shown}.${didYouMean(use.name, FACT_SLOTS.map((f) => f.name), 'placeholder')} Erlaubt sind in Textbausteinen ${SLOT_LIST}.`);
      continue;
    }
    if (slot.argument === 'attachment') {
      if (use.arg && attachments.includes(use.arg)) continue;
      const hint = use.arg ? didYouMean(use.arg, attachments) : '';
      problem(`${shown} verweist auf keine Anlage dieser Vorlage.${hint} Anlagen: ${attachments.join(', ') || 'keine'}.`);
      continue;
    }
    if (slot.argument === 'none' && use.arg !== undefined) {
      problem(`Der Platzhalter {${slot.name}} nimmt keine Kennung nach dem Doppelpunkt; erwartet wird {${slot.name}}.`);
      continue;
    }
    if (slot.argument === 'module' && use.arg === undefined) {
      problem(`Der Platzhalter {${slot.name}} nennt ein Modul; erwartet wird {${slot.name}:MODUL}${moduleIds ? ` mit einem von ${moduleIds.join(', ')}` : ''}.`);
      continue;
    }
    if (use.arg !== undefined && moduleIds && !moduleIds.includes(use.arg)) {
      problem(`${shown} nennt kein Modul aus programme.yaml.${didYouMean(use.arg, moduleIds)} Module: ${moduleIds.join(', ')}.`);
      continue;
    }
    // Without all report files, "no previous report" may be wrong: that file may be it (kim build names it
    // and leaves this report out until it is fixed).
    if (!slot.noValue || !slot.needsPrevious || ctx.otherReportFiles) continue;
    const previous = findPreviousReport(ctx.data, r);
    // The slots that name the previous report read only the reports: no data file is needed.
    const why = slot.noValue.why({ data: undefined as unknown as Dataset, report: r, previous }, undefined);
    const markup = slot.name === 'letzteVorlage' && previous?.reference !== undefined ? markupInTextBlock(previous.reference) : undefined;
    if (why !== undefined) problem(`${shown} hat in dieser Vorlage keinen Wert: ${why}.`);
    else if (markup !== undefined) {
      problem(
        `${shown} setzt die Drucksachennummer "${previous!.reference!.replace(/\s+/g, ' ')}" der vorigen Vorlage "${previous!.id}" in den Textbaustein ein; sie enthält ${markup}. Erwartet wird eine Nummer in einer Zeile ohne * (reference in ihrer Datei), oder die Nummer im Text.`,
      );
    }
  }
  return out;
}

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
