import { EXIT, initDataRepository, KIM_VERSION, type ExitCode } from '../../api.js';
import { safeText, type Terminal } from '../terminal.js';

export interface InitOptions {
  force?: boolean;
  kimSource?: string;
}

/** `kim init [DIR]`: a new data repository with a worked example; prints the files written and the next steps. */
export async function runInit(dir: string | undefined, options: InitOptions, term: Terminal, cwd: string): Promise<ExitCode> {
  // A relative --kim-source is meant from where kim was called, not from the new repository.
  const kimSource = options.kimSource === undefined ? undefined : { spec: options.kimSource, base: cwd };
  const result = await initDataRepository(dir ?? '.', { force: Boolean(options.force), kimSource });
  if (term.quiet) return EXIT.ok;
  for (const file of result.written) term.out(term.path(file));
  if (result.overwritten.length > 0) term.err(term.color.yellow(`Ersetzt (--force): ${result.overwritten.map((f) => term.path(f)).join(', ')}`));
  const spec = safeText(result.source.spec);
  term.err(`kim wird installiert aus: ${spec}${result.source.origin === 'option' ? '' : ' (die Quelle dieses kim)'}`);
  if (!result.source.reachable) {
    term.err(
      term.color.yellow(
        `Hinweis: ${spec} ist ein Pfad auf diesem Rechner; die CI findet ihn nicht. Für GitHub oder GitLab in package.json unter "kim" eine erreichbare Quelle eintragen (git+https://…/kim.git#v${KIM_VERSION} oder die URL eines Release-Tarballs), oder kim init gleich mit --kim-source aufrufen.`,
      ),
    );
  }
  const where = term.path(result.dir);
  term.err(
    [
      `${term.color.green('✓')} Datenrepository angelegt in ${where === '.' ? 'diesem Ordner' : where}.`,
      'Nächste Schritte:',
      ...(where !== '.' ? [`  cd ${where}`] : []),
      '  npm install        # kim installieren; danach package-lock.json einchecken (die CI nimmt npm ci)',
      '  npm run validate   # Beispieldaten prüfen',
      '  npm run build      # Vorlagen in out/ erzeugen',
      'Immer npm run, nie npx kim: npx fragt die npm-Registry nach einem fremden Paket namens kim.',
    ].join('\n'),
  );
  return EXIT.ok;
}
