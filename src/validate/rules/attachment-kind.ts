import type { Diagnostic } from '../../diagnostics.js';
import { at, ptr, type Rule } from '../rule-context.js';

/**
 * An attachment's `file` must be a file: a folder (a path cut short, `anlagen/`) or a named pipe would
 * pass the check that it exists and stays inside the data folder, and an attachment list would then
 * name something nobody can open. (Whether it exists and stays inside: attachment-files-inside.)
 */
export const attachmentIsFile: Rule = {
  name: 'attachment-is-file',
  needs: [],
  check(ctx) {
    const out: Diagnostic[] = [];
    ctx.data.reports.forEach((r, i) => {
      (r.attachments ?? []).forEach((a, j) => {
        if (a.file === undefined) return;
        const state = ctx.checkDataPath(a.file);
        if (state === 'folder') {
          out.push(at(ctx, { report: i }, ptr('attachments', j, 'file'), `"${a.file}" ist ein Ordner; erwartet wird der Pfad einer Datei im Datenordner, z. B. anlagen/geschaeftsordnung.pdf.`));
        } else if (state === 'special') {
          out.push(at(ctx, { report: i }, ptr('attachments', j, 'file'), `"${a.file}" ist keine gewöhnliche Datei (sondern z. B. eine benannte Pipe oder ein Gerät); erwartet wird eine Datei im Datenordner.`));
        }
      });
    });
    return out;
  },
};
