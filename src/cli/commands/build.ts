import { resolve } from 'node:path';
import { buildReports, DataError, EXIT, serveBuildWorker, type BuildEvent, type BuildResult, type Environment, type ExitCode, type ReportOutcome, type Shard } from '../../api.js';
import { detailOf, reportFailure } from '../runner.js';
import { defaultJobs } from '../jobs.js';
import { ProgressLine } from '../progress.js';
import { formatsOf, type FormatOption } from '../output-formats.js';
import { printDiagnostics, safeText, type Terminal } from '../terminal.js';

/** The options as commander parsed them: --shard, --jobs and --oparl-base-url are checked while parsing (a usage error). */
export interface BuildCommandOptions {
  data: string;
  templates: string;
  out: string;
  format: FormatOption;
  shard?: Shard;
  oparlBaseUrl: string;
  force?: boolean;
  jobs?: number;
  worker?: boolean;
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** `kim build`: every Vorlage; one line per report (or a progress line on a terminal), a summary, exit 1 if any failed. */
export async function runBuild(options: BuildCommandOptions, term: Terminal, env: Environment): Promise<ExitCode> {
  if (options.worker) return (await serveBuildWorker()) === 0 ? EXIT.ok : EXIT.internal;
  const { shard, oparlBaseUrl } = options;
  const formats = formatsOf(options.format);
  const dataDir = resolve(options.data);
  const jobs = options.jobs ?? defaultJobs(dataDir, shard);
  const c = term.color;
  const progress = term.interactive && !term.quiet ? new ProgressLine(process.stderr) : undefined;
  let internal = false;

  const onProgress = (event: BuildEvent): void => {
    if (event.kind === 'start') {
      if (event.total === 0 && !term.quiet) term.err('Keine Vorlagen zu erzeugen.');
      return;
    }
    if (event.kind === 'internal') {
      internal = true;
      progress?.clear();
      term.err(c.red(event.message));
      return;
    }
    const { outcome, index, total } = event;
    if (outcome.status === 'failed') {
      progress?.clear();
      printDiagnostics(term, dataDir, outcome.diagnostics);
      term.err(c.red(`✗ ${safeText(outcome.id)}: ${safeText(outcome.message ?? 'fehlgeschlagen', { multiline: true })}`));
      if (outcome.detail !== undefined) term.err(detailOf(term, outcome.detail));
    }
    if (progress) progress.show(`[${index}/${total}] ${safeText(outcome.id)} ${describe(outcome)}`);
    else if (!term.quiet && outcome.status !== 'failed') term.out(lineFor(outcome, term));
  };

  let result: BuildResult;
  try {
    result = await buildReports({ dataDir, templatesDir: options.templates, outDir: options.out, formats, shard, oparlBaseUrl, force: Boolean(options.force), jobs, onProgress, env });
  } catch (cause) {
    progress?.clear();
    // The data error itself is printed by the caller; a worker that had to be killed on the way is a bug.
    if (internal && cause instanceof DataError) {
      reportFailure(term, options.data, cause);
      return EXIT.internal;
    }
    throw cause;
  }
  progress?.clear();
  printDiagnostics(term, dataDir, result.diagnostics);
  if (result.removed.length > 0 && !term.quiet) {
    const why = shard ? 'die es in den Daten nicht gibt oder die zu einem anderen Teil gehören' : 'die es in den Daten nicht mehr gibt';
    term.err(c.yellow(`Ausgaben von Vorlagen entfernt, ${why}: ${result.removed.map((f) => term.path(f)).join(', ')}.`));
  }

  const count = (s: ReportOutcome['status']) => result.outcomes.filter((o) => o.status === s).length;
  const failed = result.outcomes.filter((o) => o.status === 'failed');
  const part = shard ? ` (Teil ${shard.index}/${shard.count}: ${result.outcomes.length} von ${plural(result.totalReports, 'Vorlage', 'Vorlagen')})` : '';
  const summary = `${plural(count('built'), 'Vorlage', 'Vorlagen')} erzeugt, ${count('skipped')} unverändert übersprungen, ${count('failed')} fehlgeschlagen${part}.`;
  if (failed.length > 0) {
    // A failed report's outputs from an earlier build were deleted (so CI cannot publish a stale Vorlage): say which.
    const removed = failed.flatMap((o) => o.removed ?? []).map((f) => term.path(f));
    const removedNote = removed.length > 0 ? ` Veraltete Ausgaben der fehlgeschlagenen Vorlagen entfernt: ${removed.join(', ')}.` : '';
    term.err(c.red(`Build unvollständig: ${summary} Fehlgeschlagen: ${failed.map((o) => safeText(o.id)).join(', ')}.${removedNote}`));
    return internal || failed.some((o) => o.internal) ? EXIT.internal : EXIT.invalid;
  }
  if (internal) return EXIT.internal;
  if (!term.quiet) term.out(`${c.green('✓')} Build fertig: ${summary}${count('built') > 0 ? ` Ausgabe in ${term.path(options.out)}/.` : ''}`);
  return EXIT.ok;
}

function describe(o: ReportOutcome): string {
  if (o.status === 'skipped') return 'unverändert, übersprungen';
  if (o.status === 'failed') return 'fehlgeschlagen';
  return `erzeugt (${o.ms} ms)`;
}

/** One result line per report: `erzeugt  <id>: out/x.md, out/x.pdf, out/x.oparl.json`. */
function lineFor(o: ReportOutcome, term: Terminal): string {
  if (o.status === 'skipped') return `${term.color.dim('übersprungen')}  ${safeText(o.id)}: unverändert seit dem letzten Build`;
  const files = o.written.map((f) => term.path(f)).join(', ');
  return `${term.color.green('erzeugt')}       ${safeText(o.id)}: ${files} (${o.ms} ms)`;
}
