import type { Diagnostic } from '../../diagnostics.js';
import { yearOf } from '../../model/dates.js';
import { fundingRateFor } from '../../model/fte.js';
import { formatDate } from '../../german/index.js';
import { didYouMean } from '../../german/index.js';
import { findPreviousReport } from '../../model/report-model.js';
import { at, ptr, whereIs, defineRule } from '../rule-context.js';
import { dataFileProblem } from './data-files.js';
import { stemOf } from '../../load/data-files.js';
import { reportSessionId } from '../../model/report-session.js';

/** The Stand is the data cut-off of a Vorlage; it cannot lie after the session the Vorlage is written for. */
export const standBeforeSession = defineRule({
  name: 'stand-before-session',
  needs: ['meetings/sessions'],
  check(ctx) {
    const out: Diagnostic[] = [];
    const sessions = new Map(ctx.data.meetings.sessions.map((s) => [s.id, s]));
    ctx.data.reports.forEach((r, i) => {
      const first = sessions.get(reportSessionId(r));
      if (first && r.stand > first.date) {
        out.push(at(ctx, { report: i }, '/stand', `Der Datenstand ${formatDate(r.stand)} liegt nach der Sitzung am ${formatDate(first.date)}; erwartet wird ein Stand spätestens am Sitzungstag.`));
      }
    });
    return out;
  },
});

/**
 * The date of a Vorlage (letterhead, OParl) lies between its Stand and its first session: dated after the
 * session it would be submitted late (an error); dated before its data cut-off it is most likely the date
 * of an older Vorlage, copied (a warning).
 */
export const dateBetweenStandAndSession = defineRule({
  name: 'date-between-stand-and-session',
  needs: ['meetings/sessions'],
  check(ctx) {
    const out: Diagnostic[] = [];
    const sessions = new Map(ctx.data.meetings.sessions.map((s) => [s.id, s]));
    ctx.data.reports.forEach((r, i) => {
      if (r.date === undefined) return;
      const first = sessions.get(reportSessionId(r));
      if (first && r.date > first.date) {
        out.push(at(ctx, { report: i }, '/date', `Das Datum der Vorlage (${formatDate(r.date)}) liegt nach ihrer Sitzung am ${formatDate(first.date)}; erwartet wird ein Datum spätestens am Sitzungstag.`));
      } else if (r.date < r.stand) {
        out.push(
          at(ctx, { report: i }, '/date', `Das Datum der Vorlage (${formatDate(r.date)}) liegt vor ihrem Datenstand (${formatDate(r.stand)}); ist es das Datum einer früheren Vorlage? Erwartet wird ein Datum ab dem Datenstand.`, 'warning'),
        );
      }
    });
    return out;
  },
});

/** The Vorlage prints the funding per FTE of its Stand's year, so that year needs a rate. */
export const fundingRateKnown = defineRule({
  name: 'funding-rate-known',
  needs: ['programme/fundingRates'],
  check(ctx) {
    return ctx.data.reports.flatMap((r, i) => {
      const year = yearOf(r.stand);
      if (fundingRateFor(ctx.data.programme, year) !== undefined) return [];
      const known = ctx.data.programme.fundingRates.map((f) => f.year).join(', ') || 'keine';
      return [at(ctx, { report: i }, '/stand', `Für das Jahr ${year} des Datenstands ist in programme.yaml (fundingRates) keine Förderung je VZÄ hinterlegt; vorhanden: ${known}.`)];
    });
  },
});

export const knownTemplate = defineRule({
  name: 'known-template',
  needs: [],
  check(ctx) {
    return ctx.data.reports.flatMap((r, i) => {
      if (ctx.templates.includes(r.template)) return [];
      return [
        at(ctx, { report: i }, '/template', `Unbekanntes Vorlagenmuster "${r.template}".${didYouMean(r.template, ctx.templates)} Vorhanden: ${ctx.templates.join(', ')} (templates/<name>.md.hbs).`),
      ];
    });
  },
});

/**
 * Attachment files come from a data repository anyone may send a pull request to: they must stay inside
 * it, exist, and be files (a folder, a path cut short to `anlagen/`, or a named pipe would pass the
 * first two, and the Vorlage would list something nobody can open).
 */
export const attachmentFilesInside = defineRule({
  name: 'attachment-files-inside',
  needs: [],
  check(ctx) {
    const out: Diagnostic[] = [];
    ctx.data.reports.forEach((r, i) => {
      (r.attachments ?? []).forEach((a, j) => {
        if (a.file === undefined) return;
        const problem = dataFileProblem(ctx.checkDataPath(a.file), a.file, 'Die Anlagendatei');
        if (problem) out.push(at(ctx, { report: i }, ptr('attachments', j, 'file'), problem));
      });
    });
    return out;
  },
});

export const previousReportEarlier = defineRule({
  name: 'previous-report-earlier',
  needs: [],
  check(ctx) {
    const out: Diagnostic[] = [];
    const byId = new Map(ctx.data.reports.map((r) => [r.id, r]));
    ctx.data.reports.forEach((r, i) => {
      if (r.previousReport === undefined) return;
      const previous = byId.get(r.previousReport);
      if (!previous) {
        out.push(at(ctx, { report: i }, '/previousReport', `Unbekannte Vorlage "${r.previousReport}".${didYouMean(r.previousReport, [...byId.keys()])}`));
      } else if (previous === r) {
        out.push(at(ctx, { report: i }, '/previousReport', `Die Vorlage nennt sich selbst als vorige Vorlage; erwartet wird die Kennung einer früheren Vorlage (oder kein previousReport: dann gilt die mit dem letzten früheren Datenstand).`));
      } else if (previous.stand >= r.stand) {
        out.push(at(ctx, { report: i }, '/previousReport', `Die vorige Vorlage "${previous.id}" hat den Datenstand ${formatDate(previous.stand)}, nicht früher als diese (${formatDate(r.stand)}); erwartet wird eine Vorlage mit früherem Datenstand.`));
      }
    });
    return out;
  },
});

/**
 * "Seit der letzten Ausschusssitzung am …" names the previous report's session, and the previous report
 * is found by Stand. A report for a later session with an earlier Stand (a typo in one of the two) would
 * make the earlier session's Vorlage speak of a "last session" that is still to come.
 */
export const previousSessionEarlier = defineRule({
  name: 'previous-session-earlier',
  needs: ['meetings/sessions'],
  check(ctx) {
    const out: Diagnostic[] = [];
    const sessions = new Map(ctx.data.meetings.sessions.map((s) => [s.id, s]));
    ctx.data.reports.forEach((r, i) => {
      const previous = findPreviousReport(ctx.data, r);
      const own = sessions.get(reportSessionId(r));
      const theirs = previous && sessions.get(reportSessionId(previous));
      if (!previous || !own || !theirs || theirs.date <= own.date) return;
      const j = ctx.data.reports.indexOf(previous);
      const explicit = r.previousReport !== undefined;
      out.push(
        at(
          ctx,
          { report: i },
          explicit ? '/previousReport' : '/stand',
          `Die vorige Vorlage "${previous.id}" (${explicit ? 'previousReport' : `Datenstand ${formatDate(previous.stand)}, ${whereIs(ctx, { report: j }, '/stand')}`}) ist für die Sitzung am ${formatDate(theirs.date)}, nach der Sitzung dieser Vorlage am ${formatDate(own.date)}; diese Vorlage würde eine spätere Sitzung "die letzte Ausschusssitzung" nennen. Erwartet wird, dass eine Vorlage für eine spätere Sitzung auch einen späteren Datenstand hat.`,
        ),
      );
    });
    return out;
  },
});

/** The output file is named after the id; a file name that differs is confusing but not wrong. */
export const fileNamedAfterId = defineRule({
  name: 'file-named-after-id',
  needs: [],
  check(ctx) {
    return ctx.data.reports.flatMap((r, i) => {
      const file = ctx.reportSources[i]!.file;
      return stemOf(file) === r.id ? [] : [at(ctx, { report: i }, '/id', `Die Datei heißt nicht wie die Vorlage; erwartet wird reports/${r.id}.yaml.`, 'warning')];
    });
  },
});
