import type { Diagnostic } from '../../diagnostics.js';
import { consultationRolesOf } from '../../model/consultation-roles.js';
import { logoFileSizeProblem, logoProblem } from '../../image-size.js';
import { didYouMean } from '../../german/index.js';
import { at, ptr, defineRule } from '../rule-context.js';
import { dataFileProblem } from './data-files.js';

/** The paper types are the Kreis's own list (organisation.yaml paperTypes); a report names one of them. */
export const knownPaperType = defineRule({
  name: 'known-paper-type',
  needs: ['organisation/paperTypes'],
  check(ctx) {
    const names = ctx.data.organisation.paperTypes.map((p) => p.name);
    return ctx.data.reports.flatMap((r, i) =>
      names.includes(r.paperType)
        ? []
        : [at(ctx, { report: i }, '/paperType', `Unbekannte Vorlagenart "${r.paperType}".${didYouMean(r.paperType, names)} Erwartet wird eine aus organisation.yaml (paperTypes): ${names.join(', ')}.`)],
    );
  },
});

/** A paper type that asks for a decision (a Beschlussvorlage) needs the text of the proposed resolution. */
export const resolutionGiven = defineRule({
  name: 'resolution-given',
  needs: ['organisation/paperTypes'],
  check(ctx) {
    const requiring = new Set(ctx.data.organisation.paperTypes.filter((p) => p.requiresResolution).map((p) => p.name));
    return ctx.data.reports.flatMap((r, i) =>
      requiring.has(r.paperType) && !r.text?.resolution
        ? [at(ctx, { report: i }, '/paperType', `Eine ${r.paperType} braucht einen Beschlussvorschlag; erwartet wird text.resolution mit dem Wortlaut des Beschlusses.`)]
        : [],
    );
  },
});

/** Each consultation names a role the Kreis's committees can have (organisation.yaml consultationRoles, or the defaults). */
export const knownConsultationRole = defineRule({
  name: 'known-consultation-role',
  needs: ['organisation/consultationRoles'],
  check(ctx) {
    const names = consultationRolesOf(ctx.data.organisation).map((c) => c.name);
    const out: Diagnostic[] = [];
    ctx.data.reports.forEach((r, i) =>
      r.consultations.forEach((c, j) => {
        if (names.includes(c.role)) return;
        out.push(at(ctx, { report: i }, ptr('consultations', j, 'role'), `Unbekannte Zuständigkeit "${c.role}".${didYouMean(c.role, names)} Erwartet wird eine von: ${names.join(', ')}.`));
      }),
    );
    return out;
  },
});

/** The letterhead's logo is read from the data folder (like an attachment): it must be there, and stay inside. */
export const logoFileInside = defineRule({
  name: 'logo-file-inside',
  needs: ['organisation/letterhead'],
  check(ctx) {
    const logo = ctx.data.organisation.letterhead?.logo;
    if (!logo) return [];
    const state = ctx.checkDataPath(logo.file);
    if (state === 'ok') {
      const format = /\.png$/i.test(logo.file) ? 'png' : /\.jpe?g$/i.test(logo.file) ? 'jpeg' : undefined;
      if (!format) return [at(ctx, 'organisation', '/letterhead/logo/file', `Das Logo "${logo.file}" ist keine PNG- oder JPEG-Datei; erwartet wird eine Datei mit der Endung .png, .jpg oder .jpeg.`)];
      // A file too large is refused on its size, before it is read into memory.
      const tooLarge = logoFileSizeProblem(ctx.fileSize(logo.file) ?? 0);
      const bytes = tooLarge ? undefined : ctx.readDataFile(logo.file);
      const problem = tooLarge ?? (bytes ? logoProblem(bytes, format) : 'Die Datei kann nicht gelesen werden.');
      return problem ? [at(ctx, 'organisation', '/letterhead/logo/file', `Logo "${logo.file}": ${problem} Erwartet wird ein PNG- oder RGB-JPEG-Bild.`)] : [];
    }
    const problem = dataFileProblem(state, logo.file, 'Die Logodatei');
    return problem ? [at(ctx, 'organisation', '/letterhead/logo/file', problem)] : [];
  },
});
