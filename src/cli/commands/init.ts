import { relative } from 'node:path';
import { initRepository } from '../../init/scaffold.js';
import { EXIT } from '../program.js';
import type { Terminal } from '../terminal.js';

export interface InitOptions {
  force?: boolean;
}

/** `kim init [DIR]`: a new data repository with a worked example; prints the files written and the next steps. */
export async function runInit(dir: string | undefined, options: InitOptions, term: Terminal): Promise<number> {
  const result = await initRepository(dir ?? '.', { force: Boolean(options.force) });
  const show = (p: string) => relative(process.cwd(), p) || p;
  if (term.quiet) return EXIT.ok;
  for (const file of result.written) term.out(show(file));
  if (result.overwritten.length > 0) term.err(term.color.yellow(`Ersetzt (--force): ${result.overwritten.map(show).join(', ')}`));
  const where = relative(process.cwd(), result.dir);
  term.err(
    [
      `${term.color.green('✓')} Datenrepository angelegt in ${where === '' ? 'diesem Ordner' : where}.`,
      'Nächste Schritte:',
      ...(where !== '' ? [`  cd ${where}`] : []),
      '  npm install        # kim für Editor-Schemas und CI installieren',
      '  npx kim validate   # Beispieldaten prüfen',
      '  npx kim build      # Vorlagen in out/ erzeugen',
    ].join('\n'),
  );
  return EXIT.ok;
}
