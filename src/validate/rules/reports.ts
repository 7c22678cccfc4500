import type { Diagnostic } from '../../diagnostics.js';
import { yearOf } from '../../model/dates.js';
import { fundingRateFor } from '../../model/fte.js';
import { formatDate } from '../../german/index.js';
import { didYouMean } from '../../german/index.js';
import { at, ptr, type Rule } from '../rule-context.js';
import { dataFileProblem } from './data-files.js';

/** The Stand is the data cut-off of a Vorlage; it cannot lie after the session the Vorlage is written for. */
export const standBeforeSession: Rule = {
  name: 'stand-before-session',
  needs: ['meetings'],
  check(ctx) {
    const out: Diagnostic[] = [];
    const sessions = new Map(ctx.data.meetings.sessions.map((s) => [s.id, s]));
    ctx.data.reports.forEach((r, i) => {
      const first = sessions.get(r.consultations[0]!.session);
      if (first && r.stand > first.date) {
        out.push(at(ctx, { report: i }, '/stand', `Der Datenstand ${formatDate(r.stand)} liegt nach der Sitzung am ${formatDate(first.date)}; erwartet wird ein Stand spätestens am Sitzungstag.`));
      }
    });
    return out;
  },
};

/**
 * The date a Vorlage is issued (`date`, printed in the header and the OParl date) lies between its Stand
 * and its session: a Vorlage dated after the session it is written for is wrong (an error); one dated
 * before its own Stand would report events after it was signed, which is what a date carried over from
 * the previous report's file looks like (a warning).
 */
export const dateWithinStandAndSession: Rule = {
  name: 'date-within-stand-and-session',
  needs: ['meetings'],
  check(ctx) {
    const out: Diagnostic[] = [];
    const sessions = new Map(ctx.data.meetings.sessions.map((s) => [s.id, s]));
    ctx.data.reports.forEach((r, i) => {
      if (r.date === undefined) return;
      const first = sessions.get(r.consultations[0]!.session);
      if (first && r.date > first.date) {
        out.push(at(ctx, { report: i }, '/date', `Die Vorlage ist auf den ${formatDate(r.date)} datiert, nach ihrer Sitzung am ${formatDate(first.date)}; erwartet wird ein Datum spätestens am Sitzungstag.`));
      } else if (r.date < r.stand) {
        out.push(
          at(
            ctx,
            { report: i },
            '/date',
            `Die Vorlage ist auf den ${formatDate(r.date)} datiert, vor ihrem Datenstand ${formatDate(r.stand)}; stammt das Datum aus einer früheren Vorlage? Erwartet wird ein Datum ab dem Datenstand (ohne date gilt der Datenstand).`,
            'warning',
          ),
        );
      }
    });
    return out;
  },
};

/** The Vorlage prints the funding per FTE of its Stand's year, so that year needs a rate. */
export const fundingRateKnown: Rule = {
  name: 'funding-rate-known',
  needs: ['programme'],
  check(ctx) {
    return ctx.data.reports.flatMap((r, i) => {
      const year = yearOf(r.stand);
      if (fundingRateFor(ctx.data.programme, year) !== undefined) return [];
      const known = ctx.data.programme.fundingRates.map((f) => f.year).join(', ') || 'keine';
      return [at(ctx, { report: i }, '/stand', `Für das Jahr ${year} des Datenstands ist in programme.yaml (fundingRates) keine Förderung je VZÄ hinterlegt; vorhanden: ${known}.`)];
    });
  },
};

export const knownTemplate: Rule = {
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
};

/**
 * Attachment files come from a data repository anyone may send a pull request to: they must stay inside
 * it, exist, and be files (a folder, a path cut short to `anlagen/`, or a named pipe would pass the
 * first two, and the Vorlage would list something nobody can open).
 */
export const attachmentFilesInside: Rule = {
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
};

export const previousReportEarlier: Rule = {
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
      } else if (previous.stand >= r.stand) {
        out.push(at(ctx, { report: i }, '/previousReport', `Die vorige Vorlage "${previous.id}" hat den Datenstand ${formatDate(previous.stand)}, nicht früher als diese (${formatDate(r.stand)}).`));
      }
    });
    return out;
  },
};

/** The output file is named after the id; a file name that differs is confusing but not wrong. */
export const fileNamedAfterId: Rule = {
  name: 'file-named-after-id',
  needs: [],
  check(ctx) {
    return ctx.data.reports.flatMap((r, i) => {
      const file = ctx.reportSources[i]!.file;
      return file.endsWith(`/${r.id}.yaml`) ? [] : [at(ctx, { report: i }, '/id', `Die Datei heißt nicht wie die Vorlage; erwartet wird reports/${r.id}.yaml.`, 'warning')];
    });
  },
};
