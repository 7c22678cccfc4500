import { resolve } from 'node:path';
import { checkData, EXIT, formatDate, hasErrors, isCarriedOverText, writeNextReport, type Environment, type ExitCode } from '../../api.js';
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
export async function runNext(from: string | undefined, options: NextCommandOptions, term: Terminal, env: Environment): Promise<ExitCode> {
  const dataDir = resolve(options.data);
  const result = await writeNextReport({ dataDir, templatesDir: options.templates, env, from, session: options.session, stand: options.stand, title: options.title, id: options.id });
  term.out(term.path(result.file));
  const { validation } = await checkData({ dataDir, templatesDir: options.templates, env });
  const own = validation.diagnostics.filter((d) => resolve(dataDir, d.file) === result.file);
  printDiagnostics(term, dataDir, own);
  if (term.quiet) return hasErrors(own) ? EXIT.invalid : EXIT.ok;
  const c = term.color;
  // Only the carried-over blocks: another warning on a text block ("die letzte Sitzung") is not one more block.
  const carried = own.filter(isCarriedOverText).length;
  term.err(
    [
      `${hasErrors(own) ? `${c.red('✗')} Neue Vorlage angelegt, aber ungültig (Fehler oben):` : `${c.green('✓')} Neue Vorlage`} ${safeText(result.id)} für die Sitzung ${safeText(result.session.id)} am ${formatDate(result.session.date)}, Datenstand ${formatDate(result.stand)}, begonnen aus ${safeText(result.previous.id)}.`,
      ...(carried > 0 ? [`  ${carried === 1 ? 'Ein Textbaustein ist' : `${carried} Textbausteine sind`} wörtlich übernommen (Warnungen oben): bitte überarbeiten.`] : []),
      ...(result.dropped.length > 0 ? [`  Weitere Beratungen der vorigen Vorlage (${result.dropped.map((s) => safeText(s)).join(', ')}) sind nicht übernommen; bei Bedarf unter consultations ergänzen.`] : []),
      ...(result.droppedDate !== undefined ? [`  Das Datum der vorigen Vorlage (${formatDate(result.droppedDate)}) ist nicht übernommen; bei Bedarf unter date das Datum der neuen eintragen.`] : []),
      '  Anlagen, Titel und Unterschrift sind übernommen: bitte prüfen.',
    ].join('\n'),
  );
  return hasErrors(own) ? EXIT.invalid : EXIT.ok;
}
