import { relative, resolve } from 'node:path';
import { checkData, EXIT, formatDate, hasErrors, writeNextReport, type Environment } from '../../api.js';
import { printDiagnostics, safeText, type Terminal } from '../terminal.js';

export interface NextCommandOptions {
  data: string;
  templates: string;
  session?: string;
  stand?: string;
  title?: string;
  id?: string;
}

/**
 * `kim next [FROM]`: writes the next report file; prints its path, then what to revise: the data are
 * validated with the new file, so each text block carried over unchanged shows as a warning.
 */
export async function runNext(from: string | undefined, options: NextCommandOptions, term: Terminal, env: Environment): Promise<number> {
  const dataDir = resolve(options.data);
  const result = await writeNextReport({ dataDir, templatesDir: options.templates, env, from, session: options.session, stand: options.stand, title: options.title, id: options.id });
  const show = relative(process.cwd(), result.file) || result.file;
  term.out(safeText(show));
  const { validation } = await checkData({ dataDir, templatesDir: options.templates, env });
  const own = validation.diagnostics.filter((d) => resolve(dataDir, d.file) === result.file);
  printDiagnostics(term, dataDir, own);
  if (term.quiet) return hasErrors(own) ? EXIT.invalid : EXIT.ok;
  const c = term.color;
  const carried = own.filter((d) => d.severity === 'warning' && d.path.startsWith('text')).length;
  term.err(
    [
      `${hasErrors(own) ? `${c.red('✗')} Neue Vorlage angelegt, aber ungültig (Fehler oben):` : `${c.green('✓')} Neue Vorlage`} ${safeText(result.id)} für die Sitzung ${safeText(result.session.id)} am ${formatDate(result.session.date)}, Datenstand ${formatDate(result.stand)}, begonnen aus ${safeText(result.previous.id)}.`,
      ...(carried > 0 ? [`  ${carried === 1 ? 'Ein Textbaustein ist' : `${carried} Textbausteine sind`} wörtlich übernommen (Warnungen oben): bitte überarbeiten.`] : []),
      ...(result.dropped.length > 0 ? [`  Weitere Beratungen der vorigen Vorlage (${result.dropped.map((s) => safeText(s)).join(', ')}) sind nicht übernommen; bei Bedarf unter consultations ergänzen.`] : []),
      '  Anlagen, Titel und Unterschrift sind übernommen: bitte prüfen.',
    ].join('\n'),
  );
  return hasErrors(own) ? EXIT.invalid : EXIT.ok;
}
