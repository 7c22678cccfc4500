/**
 * `kim build`: every Vorlage of a data folder, in this process and (`jobs` > 1) worker processes
 * (pool.ts). Each process loads the data once, compiles the templates once (one template engine) and
 * parses the fonts once (one PDF renderer); a report whose inputs are unchanged since the last build is
 * skipped (one manifest entry per report in the output folder, manifest.ts); a failing report does not
 * stop the others. Work that depends on all reports (the template hashes, the hashes of what renders
 * read) is done once per build, not per report.
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { DataError, describeFailure, internalMessage, OutputError } from '../errors.js';
import { FileInUseError, removeStaleTempFiles, syncFolder } from '../files/atomic-write.js';
import { NO_ENVIRONMENT, type Environment } from '../environment.js';
import { OUTPUT_FORMAT_NAMES, outputFileName } from '../emit/output-formats.js';
import { DATA_FILE_KINDS, DATA_FILES, REPORTS_DIR, stemOf } from '../load/data-files.js';
import { chooseDataFiles, listReportFiles } from '../load/folder-listing.js';
import type { Dataset } from '../model/types.js';
import type { TemplateSet } from '../render/template-registry.js';
import { openRun, renderOutputs, writeOutputs, type ReportRun } from '../report-run.js';
import { KIM_VERSION } from '../version.js';
import { hashFile, keyOf, sha256 } from './hash.js';
import { loadPartitioned, type PartitionedData } from './data-partition.js';
import { dropEntry, MANIFEST_DIR, readEntry, removeLegacyManifest, writeEntry, type ManifestEntry } from './manifest.js';
import { claimOutputs, ownsOutputs, removeOthers, removeOutputs } from './output-folder.js';
import { startWorkers, toWorkerEnvironment, type WorkerPool } from './pool.js';
import { changedInputs } from './rebuild-reason.js';
import { hashOfRead, isRecordedRead, ReadRecorder, SHARED_SECTIONS } from './recorded-reads.js';
import { selectShard } from './shard.js';
import type { BuildOptions, BuildResult, BuildSettings, BuiltOutcome, ReportOutcome, Unit } from './types.js';

export type { BuildEvent, BuildOptions, BuildResult, BuildSettings, BuiltOutcome, ReportOutcome, ReportStatus, Unit } from './types.js';

/**
 * A shared data file is invalid, so no report can be built: the output folder was emptied of every
 * output (`removed`), so that nothing in it passes for the Vorlage of the current data.
 */
export class SharedDataError extends DataError {
  constructor(diagnostics: Diagnostic[], readonly removed: string[], cleanup?: string) {
    const what = cleanup
      ? ` Die Ausgaben früherer Builds konnten nicht entfernt werden (${cleanup}); sie gehören nicht zu diesen Daten.`
      : removed.length > 0
        ? ` Die ${removed.length === 1 ? 'Ausgabedatei' : `${removed.length} Ausgabedateien`} früherer Builds im Ausgabeordner ${removed.length === 1 ? 'wurde' : 'wurden'} entfernt, damit keine veraltete Vorlage als aktuell gilt.`
        : '';
    super(diagnostics, `Die Daten sind ungültig; keine Vorlage wurde erzeugt.${what}`);
  }
}

/**
 * Builds the reports of the (shard of the) data folder; throws DataError when a shared file is invalid and
 * OutputError when a file cannot be written (disk full, read-only …): that would fail every further report
 * too, so the build stops there (reports already being rendered by a worker are finished first).
 *
 * With `jobs` > 1, jobs − 1 worker processes are started first (see pool.ts): each loads and validates
 * the data itself while this process does the same on another core; this process then decides what is
 * current (skip check), and hands the reports to build out one by one to itself and the workers.
 * Whoever renders a report writes its files and its manifest entry; this process collects the outcomes.
 *
 * Fault guarantees: every output file is written atomically (old or new complete version, see
 * writeFileAtomic); a report's manifest entry (`.kim/<id>.json`, written atomically) only ever names
 * outputs that are on disk with the recorded bytes (it is removed before the report's files are replaced
 * and written after), so a build killed at any moment is completed by the next one; temporary files of
 * killed runs are removed.
 *
 * Durability: outputs and entries are not fsynced one by one (a disk flush per file would cost more than
 * rendering a report); the output folders are fsynced once at the end. Should a power loss
 * still leave a damaged output, the next build notices (it re-hashes every output against its entry
 * before skipping) and rebuilds it.
 */
export async function buildAll(options: BuildOptions): Promise<BuildResult> {
  const dataDir = resolve(options.dataDir);
  const outDir = resolve(options.outDir);
  const jobs = Math.max(1, Math.floor(options.jobs ?? 1));
  const trace = options.env?.trace;
  let pool: WorkerPool | undefined;
  if (jobs === 1) trace?.('pool', 'keine Hilfsprozesse: --jobs ist 1, dieser Prozess erzeugt alle Vorlagen');
  else {
    // Started before the data is loaded, so that their loading overlaps ours. Capped by the number of
    // report files (of this shard); those not needed once the skip check is done are sent away unused.
    const files = (await listReportFiles(dataDir)).files.length;
    const mine = options.shard ? Math.ceil(files / options.shard.count) : files;
    const workers = Math.min(jobs, mine) - 1;
    trace?.('pool', workers > 0 ? `starte ${workers} Hilfsprozesse (--jobs ${jobs}, ${mine} Vorlagendateien)` : `keine Hilfsprozesse: nur ${mine} Vorlagendatei, --jobs ${jobs}`);
    const env = options.env ?? NO_ENVIRONMENT;
    if (workers > 0) pool = startWorkers(workers, { dataDir, templatesDir: options.templatesDir, outDir, formats: options.formats, oparlBaseUrl: options.oparlBaseUrl, env: toWorkerEnvironment(env) }, env);
  }
  try {
    return await coordinate(options, outDir, pool);
  } finally {
    const hung = (await pool?.close()) ?? [];
    for (const pid of hung) {
      options.onProgress?.({ kind: 'internal', message: internalMessage(`der Hilfsprozess ${pid} endete nicht von selbst und wurde beendet.`) });
    }
  }
}

async function coordinate(options: BuildOptions, outDir: string, pool: WorkerPool | undefined): Promise<BuildResult> {
  const ctx = await prepare(options).catch(async (cause: unknown) => {
    if (!(cause instanceof DataError)) throw cause;
    // No report can be built from these data, so none of the outputs in the folder is current.
    const removed = await removeOthers(outDir, new Set()).then(
      (paths) => ({ paths, problem: undefined }),
      (problem: unknown) => ({ paths: [] as string[], problem: problem instanceof Error ? problem.message : String(problem) }),
    );
    throw new SharedDataError(cause.diagnostics, removed.paths, removed.problem);
  });
  const selected = selectShard(ctx.units, (u) => u.id, options.shard);
  const total = selected.length;
  options.onProgress?.({ kind: 'start', total });

  // Temporary files of a kim that was killed while writing: never outputs, so remove them. (Our workers
  // are alive, so theirs are kept.) The single manifest of older versions is not read: it goes.
  await removeStaleTempFiles(outDir);
  await removeStaleTempFiles(join(outDir, MANIFEST_DIR));
  await removeLegacyManifest(outDir);
  const removed = await removeOthers(outDir, new Set(selected.map((u) => u.id)));

  const outcomes: ReportOutcome[] = [];
  let fatal: string | undefined;
  /** Outputs removed before a report was rebuilt: named if it then fails. */
  const removedBefore = new Map<string, string[]>();
  const record = (outcome: BuiltOutcome): void => {
    const { fatal: stop, ...done } = outcome;
    const before = removedBefore.get(done.id);
    if (done.status === 'failed' && before?.length) done.removed = [...before, ...(done.removed ?? [])];
    outcomes.push(done);
    // The report whose write failed is named by the error that ends the build, not reported on its own.
    if (stop !== undefined) fatal ??= stop;
    else options.onProgress?.({ kind: 'report', index: outcomes.length, total, outcome: done });
  };

  // Skip check (and the report files that failed validation) here, then the reports to build.
  const queue: Unit[] = [];
  for (const unit of selected) {
    if (fatal !== undefined) break;
    if (!unit.report || unit.blocked) record(await buildUnit(ctx, unit));
    else if (await isCurrent(ctx, unit)) record({ id: unit.id, status: 'skipped', written: [], diagnostics: ctx.data.perReport.get(unit.file) ?? [], ms: 0 });
    else queue.push(unit);
  }
  // The outputs of every report to be rebuilt go before the first one is rendered: a build that is
  // interrupted (a cancelled CI job, a timeout, Ctrl-C) then leaves only current Vorlagen, never an
  // outdated one beside current ones. Entry first, so no entry names a removed file.
  for (const unit of queue) removedBefore.set(unit.id, await removeOutputs(outDir, unit.id, { keepClaim: true }));
  const next = (): Unit | undefined => (fatal === undefined ? queue.shift() : undefined);
  const runners: Promise<void>[] = [];
  if (pool) {
    ctx.env.trace?.('pool', `${queue.length} Vorlagen neu zu erzeugen: höchstens ${Math.max(0, queue.length - 1)} Hilfsprozesse arbeiten mit, die übrigen werden ungenutzt beendet`);
    pool.dismiss(Math.max(0, queue.length - 1));
    runners.push(...pool.run(next, record));
  }
  for (let unit = next(); unit; unit = next()) record(await buildUnit(ctx, unit));
  pool?.dismissUnready();
  await Promise.all(runners);
  if (outcomes.some((o) => o.status !== 'skipped')) await Promise.all([syncFolder(outDir), syncFolder(join(outDir, MANIFEST_DIR))]);
  if (fatal !== undefined) throw new OutputError(`${fatal} Der Build wurde abgebrochen.`);
  return { outcomes, diagnostics: ctx.data.shared, totalReports: ctx.units.length, removed };
}

/** Everything one process (the build itself or a worker) needs to render reports: made once per process. */
export interface Context {
  options: Pick<BuildOptions, 'formats' | 'oparlBaseUrl' | 'force'>;
  dataset: Dataset;
  data: PartitionedData;
  outDir: string;
  units: Unit[];
  /** Ids of the valid reports. */
  reportIds: Set<string>;
  rawHashes: Map<string, string>;
  /** The per-report pipeline: template engine, PDF renderer, logo; its dataset records what a render reads. */
  run: ReportRun;
  /** What each render reads besides its own report and the shared files (recorded-reads.ts). */
  recorder: ReadRecorder;
  env: Environment;
  templateHash(name: string): Promise<string>;
  /** The current hash of a recorded read, once per build. */
  readHash(name: string): Promise<string>;
  /** Called before a report's files are written; a worker stops there when its build process is gone. */
  beforeWrite(): void;
}

/** Hashes and loads the data, once per process; throws DataError when a shared file is invalid. */
export async function prepare(options: BuildSettings): Promise<Context> {
  const dataDir = resolve(options.dataDir);
  // Hash the inputs *before* reading them for validation: if a file changes in between, the manifest
  // records the old hash and the next build rebuilds. (Hashing after would record the new hash for
  // output made from the old content, and the change would never be built.)
  const rawHashes = await hashInputs(dataDir);
  const env = options.env ?? NO_ENVIRONMENT;
  const data = await loadPartitioned(dataDir, options.templatesDir, env.cacheDir, env.trace);
  if (!data.dataset) throw new DataError(data.shared);
  const dataset = data.dataset;
  const units: Unit[] = [
    ...dataset.reports.map((report) => {
      const file = data.sources.get(report.id)?.file ?? `${REPORTS_DIR}/${report.id}.yaml`;
      return { id: report.id, file, report, blocked: data.blockedFiles.get(file) };
    }),
    ...data.failedFiles.map((file) => ({ id: stemOf(file), file, report: undefined })),
  ];
  const templateHashes = new Map<string, Promise<string>>();
  const readHashes = new Map<string, Promise<string>>();
  const recorder = new ReadRecorder(dataset);
  return {
    options: { formats: options.formats, oparlBaseUrl: options.oparlBaseUrl, force: options.force },
    dataset,
    data,
    outDir: resolve(options.outDir),
    units,
    reportIds: new Set(dataset.reports.map((r) => r.id)),
    rawHashes,
    // The PDF renderer is made when a PDF is first due: a Markdown-only or all-skipped build never loads pdfkit or fonts.
    run: openRun({ dataDir, dataset: recorder.dataset, templates: data.templates, sources: data.sources, env, onRead: (file) => recorder.file(file) }),
    recorder,
    env,
    beforeWrite: () => undefined,
    templateHash: (name) => {
      let h = templateHashes.get(name);
      if (!h) templateHashes.set(name, (h = hashTemplates(data.templates, name)));
      return h;
    },
    readHash: (name) => {
      let h = readHashes.get(name);
      if (!h) readHashes.set(name, (h = hashOfRead(name, dataset, dataDir)));
      return h;
    },
  };
}

/**
 * Whether the report's entry has the current key and its outputs are intact: then it is skipped. Says
 * why either way to `KIM_DEBUG=build`.
 */
async function isCurrent(ctx: Context, unit: Unit): Promise<boolean> {
  const trace = (message: string) => ctx.env.trace?.('build', `${unit.id}: ${message}`);
  const rebuild = (why: string): false => {
    trace(`neu erzeugt, weil ${why}`);
    return false;
  };
  if (ctx.options.force) return rebuild('--force gesetzt ist');
  const entry = await readEntry(ctx.outDir, unit.id);
  if (!entry) return rebuild('kein Manifest-Eintrag da ist (erster Build, oder der letzte wurde abgebrochen oder schlug fehl)');
  // What the last render of this report read, as it is now.
  const inputs = await inputsOf(ctx, unit, Object.keys(entry.inputs).filter(isRecordedRead));
  const key = keyOf(inputs);
  if (entry.key !== key) return rebuild(`sich geändert hat: ${changedInputs(entry.inputs, inputs, unit.file).join(', ') || 'Build-Schlüssel'}`);
  const damaged = await damagedOutput(ctx.outDir, entry);
  if (damaged !== undefined) return rebuild(`die Ausgabedatei ${damaged} fehlt oder verändert wurde`);
  trace(`übersprungen, weil der Build-Schlüssel unverändert ist (${key.slice(0, 12)}) und die Ausgabedateien unverändert sind`);
  return true;
}

/**
 * Renders one report and writes its files and manifest entry; a failed report loses its outputs from
 * earlier builds. Never throws: a write error comes back as `fatal`.
 */
export async function buildUnit(ctx: Context, unit: Unit): Promise<BuiltOutcome> {
  const started = performance.now();
  let fatal: OutputError | undefined;
  let inUse = false;
  const outcome = await renderOne(ctx, unit).catch((cause: unknown): OneResult => {
    // An output held open by another program (a PDF reader on Windows) fails this report only: the
    // others can still be written. Any other write error (disk full, read-only) would fail them all.
    if (cause instanceof FileInUseError) inUse = true;
    else if (cause instanceof OutputError) fatal = cause;
    return failure(unit, cause);
  });
  let removed: string[] = [];
  // A report whose file is in use keeps what is on disk: the held file in its previous version (it
  // cannot be deleted either), the others as just written. Its entry is gone, so the next build redoes it.
  if (outcome.status === 'failed' && !inUse) {
    // A report file that failed validation is known by its file name; if that is the id of a valid
    // report (of another file), the outputs and manifest entry are that report's: leave them.
    const ownsOutputs = unit.report !== undefined || !ctx.reportIds.has(unit.id);
    if (ownsOutputs) {
      // Stale outputs of a failed report would be published as if current: delete them (only kim's).
      // The manifest entry goes first, so no entry ever names a file that is not there. (If the entry
      // cannot be removed, the files stay, and the next build redoes them.)
      removed = await removeOutputs(ctx.outDir, unit.id).catch((cause: unknown) => {
        fatal ??= cause as OutputError;
        return [];
      });
    }
  }
  const done: BuiltOutcome = { id: outcome.id, status: outcome.status, written: outcome.written, diagnostics: outcome.diagnostics, ms: Math.round(performance.now() - started) };
  if (outcome.message !== undefined) done.message = outcome.message;
  if (outcome.detail !== undefined) done.detail = outcome.detail;
  if (outcome.internal) done.internal = true;
  if (outcome.status === 'failed') done.removed = removed;
  if (fatal) done.fatal = (fatal as OutputError).message;
  return done;
}

type OneResult = Omit<ReportOutcome, 'ms'>;

async function renderOne(ctx: Context, unit: Unit): Promise<OneResult> {
  const diagnostics = ctx.data.perReport.get(unit.file) ?? [];
  if (!unit.report || unit.blocked) {
    const message = unit.blocked ?? 'Die Daten der Vorlage sind ungültig.';
    return { id: unit.id, status: 'failed', written: [], diagnostics, message };
  }
  const report = unit.report;
  const { options, outDir } = ctx;
  const { result: rendered, reads } = await ctx.recorder.during(() => renderOutputs(ctx.run, report, { formats: options.formats, oparlBaseUrl: options.oparlBaseUrl }));
  const { files } = rendered;
  const inputs = await inputsOf(ctx, unit, reads);
  const key = keyOf(inputs);

  ctx.beforeWrite();
  // Whether the outputs already here are kim's (only then may a format not built this time go), then
  // the claim that makes the files about to be written kim's, even before their entry exists.
  const owned = await ownsOutputs(outDir, unit.id);
  await claimOutputs(outDir, unit.id, files[0]!.name);
  // From the first replaced file on, the old entry's hashes are no longer true: drop it first, so a build
  // killed between this report's files leaves no entry for it and the next build rebuilds it.
  await dropEntry(outDir, unit.id);
  // Not fsynced one by one: rename-over is atomic against a killed process, and the folders are synced
  // once at the end of the build (README "Incremental builds").
  const written = await writeOutputs(outDir, files, { durable: false });
  const outputs: Record<string, string> = Object.fromEntries(files.map((f) => [f.name, sha256(f.content)]));
  // A format not built this time would be left from an older state of the data (a stale PDF next to a
  // new Markdown): the output folder holds exactly what the last build of a report produced.
  for (const format of OUTPUT_FORMAT_NAMES.filter((f) => owned && !options.formats.includes(f))) {
    await rm(join(outDir, outputFileName(report.id, format)), { force: true });
  }
  ctx.beforeWrite();
  await writeEntry(outDir, unit.id, { key, inputs, outputs });
  return { id: unit.id, status: 'built', written, diagnostics };
}

/**
 * Everything the output of one report depends on, each part as a hash: kim's version and the settings,
 * the report's template, its own file and every shared data file, whole; and `reads`, what its render
 * read besides (other reports' fields, the logo …; recorded-reads.ts), as they are now.
 */
async function inputsOf(ctx: Context, unit: Unit, reads: Iterable<string>): Promise<Record<string, string>> {
  const { options, rawHashes } = ctx;
  const inputs: Record<string, string> = {
    kim: KIM_VERSION,
    format: [...options.formats].sort().join('+'),
    oparlBaseUrl: options.oparlBaseUrl,
    sourceDateEpoch: ctx.env.sourceDate ? String(ctx.env.sourceDate.getTime() / 1000) : '',
    template: await ctx.templateHash(unit.report!.template),
    report: rawHashes.get(unit.file) ?? 'fehlt',
  };
  for (const section of SHARED_SECTIONS) inputs[DATA_FILES[section]] = rawHashes.get(DATA_FILES[section]) ?? 'fehlt';
  for (const name of reads) inputs[name] = await ctx.readHash(name);
  return inputs;
}

/**
 * sha256 of every data file (shared files and report files), keyed by the path relative to the data
 * folder; a shared file under its usual name (`staff.yaml`) whatever its real spelling (`staff.yml`).
 */
async function hashInputs(dataDir: string): Promise<Map<string, string>> {
  const shared = chooseDataFiles(await readdir(dataDir).catch(() => [] as string[])).files;
  const reports = (await listReportFiles(dataDir)).files;
  const files: [key: string, file: string][] = [
    ...DATA_FILE_KINDS.flatMap((kind): [string, string][] => (shared[kind] ? [[DATA_FILES[kind], shared[kind]]] : [])),
    ...reports.map((f): [string, string] => [f, f]),
  ];
  return new Map(await Promise.all(files.map(async ([key, f]) => [key, await hashFile(join(dataDir, f))] as [string, string])));
}

/** The template a report uses and every partial (any of them may be included), by name and content. */
async function hashTemplates(set: TemplateSet, name: string): Promise<string> {
  const files = [...(set.templates.has(name) ? [set.templates.get(name)!] : []), ...[...set.partials.values()].sort((a, b) => (a.name < b.name ? -1 : 1))];
  const parts = await Promise.all(files.map(async (f) => `${f.display}:${await hashFile(f.path)}`));
  return sha256(`${name}\n${parts.join('\n')}`);
}

/**
 * The first output the manifest lists that no longer exists with the bytes it recorded (somebody deleted
 * or edited it); none when all are intact. An entry without outputs counts as damaged.
 */
async function damagedOutput(outDir: string, entry: ManifestEntry): Promise<string | undefined> {
  for (const [name, hash] of Object.entries(entry.outputs)) {
    const bytes = await readFile(join(outDir, name)).catch(() => undefined);
    if (!bytes || sha256(bytes) !== hash) return name;
  }
  return Object.keys(entry.outputs).length > 0 ? undefined : '(keine)';
}

function failure(unit: Unit, cause: unknown): OneResult {
  const f = describeFailure(cause);
  return { id: unit.id, status: 'failed', written: [], diagnostics: f.diagnostics, message: f.message, ...(f.detail !== undefined ? { detail: f.detail } : {}), ...(f.internal ? { internal: true } : {}) };
}
