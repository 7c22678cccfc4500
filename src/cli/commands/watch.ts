import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createPdfSession, DataError, EXIT, UsageError, writeReport, type Environment, type ExitCode, type PdfSession } from '../../api.js';
import { reportFailure } from '../runner.js';
import { watchTree, type TreeWatcher } from '../watcher.js';
import { formatsOf, type FormatOption } from '../output-formats.js';
import { printDiagnostics, summarize, type Terminal } from '../terminal.js';

export interface WatchOptions {
  data: string;
  templates: string;
  out: string;
  format: FormatOption;
  /** Milliseconds of quiet before re-rendering; an editor's save is often several file events. */
  debounce?: number;
}

/**
 * `kim watch [REPORT]`: renders one Vorlage, then again after every change in the data or template
 * folder. Broken data shows its diagnostics and the watch goes on; Ctrl-C ends with exit 0.
 * Fonts are parsed once for the whole session; templates are compiled afresh each time (they may have changed).
 */
export async function runWatch(reportKey: string | undefined, options: WatchOptions, term: Terminal, env: Environment, signal?: AbortSignal): Promise<ExitCode> {
  const dataDir = resolve(options.data);
  if (!existsSync(dataDir)) throw new UsageError(`Der Datenordner ${term.path(dataDir)} existiert nicht oder ist kein Ordner.`);
  const templatesDir = resolve(options.templates);
  const formats = formatsOf(options.format);
  const c = term.color;
  // The fonts are read once for the whole session, the data and templates afresh for every render.
  let pdfSession: PdfSession | undefined;

  const renderOnce = async (): Promise<void> => {
    const started = performance.now();
    try {
      if (formats.includes('pdf')) pdfSession ??= await createPdfSession();
      const { written, diagnostics } = await writeReport({ dataDir, templatesDir, outDir: resolve(options.out), report: reportKey, formats, env, pdfSession });
      printDiagnostics(term, dataDir, diagnostics);
      const time = new Date().toLocaleTimeString('de-DE', { hour12: false });
      term.out(`${c.green('aktualisiert')} ${time}  ${written.map((f) => term.path(f)).join(', ')} (${Math.round(performance.now() - started)} ms)`);
    } catch (cause) {
      // Said as every command says it (runner.ts); then the watch goes on.
      reportFailure(term, dataDir, cause);
      const counts = cause instanceof DataError ? ` (${summarize(cause.diagnostics)})` : '';
      term.err(c.red(`Nichts wurde geschrieben${counts}; kim wartet auf die nächste Änderung.`));
    }
  };

  // One render at a time; changes during a render cause exactly one more render afterwards.
  let running: Promise<void> | undefined;
  let again = false;
  const trigger = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = renderOnce().finally(() => {
      running = undefined;
      if (again) {
        again = false;
        trigger();
      }
    });
  };

  let timer: NodeJS.Timeout | undefined;
  const debounce = options.debounce ?? 150;
  const onChange = (): void => {
    clearTimeout(timer);
    timer = setTimeout(trigger, debounce);
  };

  // One watch per folder (see watcher.ts): a recursive fs.watch misses atomic saves on Node 20 under Linux.
  const watchers: TreeWatcher[] = [watchTree(dataDir, onChange)];
  if (existsSync(templatesDir)) watchers.push(watchTree(templatesDir, onChange));
  if (!term.quiet) {
    const folders = [dataDir, ...(watchers.length > 1 ? [templatesDir] : [])].map((f) => term.path(f));
    term.err(c.dim(`kim beobachtet ${folders.join(' und ')}; Beenden mit Strg+C.`));
  }
  trigger();

  await new Promise<void>((done) => {
    const stop = (): void => {
      clearTimeout(timer);
      for (const w of watchers) w.close();
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      // Let a render in progress finish, so no temporary file is left behind.
      void (running ?? Promise.resolve()).then(() => done());
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    signal?.addEventListener('abort', stop, { once: true });
  });
  if (!term.quiet) term.err('Beobachtung beendet.');
  return EXIT.ok;
}
