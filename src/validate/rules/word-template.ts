import { readWordTemplate, TEMPLATE_MAX_FILE_BYTES, TemplateProblem } from '../../files/word-template.js';
import { at, defineRule } from '../rule-context.js';
import { dataFileProblem } from './data-files.js';

/**
 * The Kreis's Word template (organisation.yaml wordTemplate) is read from the data folder like the logo:
 * it must be there and stay inside, and it is checked as hostile input (a zip bomb, paths leading out,
 * macros, document type declarations, sizes) before the Word stage sees it. A style kim needs that the
 * template lacks is a warning: the Word file then uses kim's own style for it.
 */
export const wordTemplateUsable = defineRule({
  name: 'word-template-usable',
  needs: ['organisation/wordTemplate'],
  check(ctx) {
    const file = ctx.data.organisation.wordTemplate;
    if (file === undefined) return [];
    const where = (message: string, severity: 'error' | 'warning' = 'error') => [at(ctx, 'organisation', '/wordTemplate', message, severity)];
    const state = ctx.checkDataPath(file);
    if (state !== 'ok') {
      const problem = dataFileProblem(state, file, 'Die Word-Vorlage');
      return problem ? where(problem) : [];
    }
    if (!/\.(docx|dotx)$/i.test(file)) return where(`Die Word-Vorlage "${file}" ist keine Word-Datei; erwartet wird eine Datei mit der Endung .docx oder .dotx.`);
    const size = ctx.fileSize(file) ?? 0;
    // A file too large is refused on its size, before it is read into memory.
    const bytes = size > TEMPLATE_MAX_FILE_BYTES ? undefined : ctx.readDataFile(file);
    try {
      if (!bytes) throw new TemplateProblem(size > TEMPLATE_MAX_FILE_BYTES ? `Die Datei ist größer als ${TEMPLATE_MAX_FILE_BYTES / 1_000_000} MB.` : 'Die Datei kann nicht gelesen werden.');
      const template = readWordTemplate(bytes);
      if (template.missingStyles.length === 0) return [];
      const names = template.missingStyles.map((s) => `„${s}“`);
      return where(`Der Word-Vorlage "${file}" ${names.length === 1 ? 'fehlt die Formatvorlage' : 'fehlen die Formatvorlagen'} ${names.join(', ')}; kim nimmt dafür ${names.length === 1 ? 'seine eigene' : 'seine eigenen'}. Legen Sie sie in der Vorlage an, damit die Word-Ausgabe ganz im Stil des Kreises ist.`, 'warning');
    } catch (error) {
      if (!(error instanceof TemplateProblem)) throw error;
      return where(`Word-Vorlage "${file}": ${error.message} Erwartet wird ein Word-Dokument (.docx), in Word gespeichert.`);
    }
  },
});
