/**
 * `kim build`: every Vorlage of a data folder in one process. Templates are compiled once (one template
 * engine per run) and fonts parsed once (one PDF renderer per run); a report whose inputs are unchanged
 * since the last build is skipped (manifest in the output folder); a failing report does not stop the others.
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { DataError, KimError, OutputError } from '../errors.js';
import { removeStaleTempFiles, writeFileAtomic } from '../emit/atomic-write.js';
import { oparlJson, oparlPaper } from '../emit/oparl.js';
import { pdfMetadata } from '../emit/pdf-metadata.js';
import type { PdfRenderer } from '../emit/pdf/index.js';
import { DATA_FILES, REPORTS_DIR } from '../load/data-files.js';
import { buildReportModel } from '../model/report-model.js';
import type { Dataset, Report } from '../model/types.js';
import { createTemplateEngine } from '../render/engine.js';
import { renderMarkdown } from '../render/render-report.js';
import type { TemplateSet } from '../render/template-registry.js';
import { KIM_VERSION } from '../version.js';
import { hashFile, keyOf, sha256 } from './hash.js';
import { loadPartitioned } from './data-partition.js';
import { readManifest, writeManifest, type Manifest, type ManifestEntry } from './manifest.js';
import { selectShard, type Shard } from './shard.js';

export type BuildFormat = 'md' | 'pdf';

export interface BuildOptions {
  dataDir: string;
  templatesDir?: string;
  outDir: string;
  formats: BuildFormat[];
  shard?: Shard | undefined;
  oparlBaseUrl: string;
  /** Build even what the manifest says is current. */
  force?: boolean;
  /** Called once before the first report and after each report: progress for the CLI. */
  onProgress?: (event: BuildEvent) => void;
}

export type ReportStatus = 'built' | 'skipped' | 'failed';

export interface ReportOutcome {
  /** Report id (for a report file that failed validation: its file name without .yaml). */
  id: string;
  status: ReportStatus;
  /** Absolute paths of the files written (empty when skipped or failed). */
  written: string[];
  /** Errors and warnings of this report. */
  diagnostics: Diagnostic[];
  /** Why it failed, in German. */
  message?: string;
  /**
   * Failed only: absolute paths of this report's outputs from an earlier build that were deleted, so
   * that no stale Vorlage stays in the output folder next to the new ones.
   */
  removed?: string[];
  /** The failure was a bug in kim, not the data. */
  internal?: boolean;
  ms: number;
}

export type BuildEvent = { kind: 'start'; total: number } | { kind: 'report'; index: number; total: number; outcome: ReportOutcome };

export interface BuildResult {
  outcomes: ReportOutcome[];
  /** Warnings of shared files (errors there throw DataError). */
  diagnostics: Diagnostic[];
  /** Number of report files in the data folder, before sharding. */
  totalReports: number;
}

/**
 * Builds the reports of the (shard of the) data folder; throws DataError when a shared file is invalid and
 * OutputError when a file cannot be written (disk full, read-only …): that would fail every further report
 * too, so the build stops there.
 *
 * Fault guarantees: every output file is written atomically (old or new complete version, see
 * writeFileAtomic); the manifest is rewritten atomically and only ever lists outputs that are on disk
 * with the recorded bytes (a report's entry is dropped before its files are replaced and added after), so
 * a build killed at any moment is completed by the next one; temporary files of killed runs are removed.
 */
export async function buildAll(options: BuildOptions): Promise<BuildResult> {
  const dataDir = resolve(options.dataDir);
  const outDir = resolve(options.outDir);
  // Hash the inputs *before* reading them for validation: if a file changes in between, the manifest
  // records the old hash and the next build rebuilds. (Hashing after would record the new hash for
  // output made from the old content, and the change would never be built.)
  const rawHashes = await hashInputs(dataDir);
  const data = await loadPartitioned(dataDir, options.templatesDir);
  if (!data.dataset) throw new DataError(data.shared);
  const dataset = data.dataset;

  const units: Unit[] = [
    ...dataset.reports.map((report) => ({ id: report.id, file: data.sources.get(report.id)?.file ?? `${REPORTS_DIR}/${report.id}.yaml`, report })),
    ...data.failedFiles.map((file) => ({ id: file.slice(REPORTS_DIR.length + 1, -'.yaml'.length), file, report: undefined })),
  ];
  const selected = selectShard(units, (u) => u.id, options.shard);
  options.onProgress?.({ kind: 'start', total: selected.length });

  // Temporary files of a kim that was killed while writing: never outputs, so remove them.
  await removeStaleTempFiles(outDir);
  const manifest = await readManifest(outDir);
  // Which reports the manifest on disk names: a report's files may be deleted only once it names it no more.
  let onDisk = new Set(Object.keys(manifest.reports));
  const saveManifest = async (): Promise<void> => {
    await writeManifest(outDir, manifest);
    onDisk = new Set(Object.keys(manifest.reports));
  };
  const engine = createTemplateEngine(data.templates);
  let pdfRenderer: PdfRenderer | undefined;
  const templateHashes = new Map<string, Promise<string>>();
  const ctx: Context = {
    options,
    dataset,
    data,
    outDir,
    manifest,
    saveManifest,
    rawHashes,
    engine,
    templateHash: (name) => {
      let h = templateHashes.get(name);
      if (!h) templateHashes.set(name, (h = hashTemplates(data.templates, name)));
      return h;
    },
    pdf: async () => {
      // Loaded only when a PDF is due: a Markdown-only or all-skipped build never loads pdfkit or fonts.
      if (!pdfRenderer) pdfRenderer = (await import('../emit/pdf/index.js')).createPdfRenderer();
      return pdfRenderer;
    },
  };

  const outcomes: ReportOutcome[] = [];
  for (const [index, unit] of selected.entries()) {
    const started = performance.now();
    let fatal: OutputError | undefined;
    const outcome = await buildOne(ctx, unit, manifest.reports[unit.id]).catch((cause: unknown): OneResult => {
      if (cause instanceof OutputError) fatal = cause;
      return failure(unit, cause);
    });
    if (outcome.status === 'built' && outcome.entry) {
      manifest.reports[unit.id] = outcome.entry;
      await saveManifest();
    }
    let removed: string[] = [];
    if (outcome.status === 'failed') {
      // A report file that failed validation is known by its file name; if that is the id of a valid
      // report (of another file), the outputs and manifest entry are that report's: leave them.
      const ownsOutputs = unit.report !== undefined || !dataset.reports.some((r) => r.id === unit.id);
      if (ownsOutputs) {
        // Stale outputs of a failed report would be published as if current: delete them. The manifest
        // entry goes first, so the manifest never names a file that is not there. (After a write error
        // the manifest may not be writable either: then the files stay, and the next build redoes them.)
        delete manifest.reports[unit.id];
        if (onDisk.has(unit.id)) {
          await saveManifest().catch((cause: unknown) => {
            if (!fatal) throw cause;
          });
        }
        if (!onDisk.has(unit.id)) removed = await removeOutputs(outDir, unit.id);
      }
    }
    if (fatal) throw new OutputError(`${fatal.message} Der Build wurde abgebrochen.`);
    const done: ReportOutcome = { id: outcome.id, status: outcome.status, written: outcome.written, diagnostics: outcome.diagnostics, ms: Math.round(performance.now() - started) };
    if (outcome.message !== undefined) done.message = outcome.message;
    if (outcome.internal) done.internal = true;
    if (outcome.status === 'failed') done.removed = removed;
    outcomes.push(done);
    options.onProgress?.({ kind: 'report', index: index + 1, total: selected.length, outcome: done });
  }
  return { outcomes, diagnostics: data.shared, totalReports: units.length };
}

interface Unit {
  id: string;
  file: string;
  report: Report | undefined;
}

interface Context {
  options: BuildOptions;
  dataset: Dataset;
  data: Awaited<ReturnType<typeof loadPartitioned>>;
  outDir: string;
  /** The manifest; buildOne drops a report's entry (and saves) before replacing its files. */
  manifest: Manifest;
  /** Writes the manifest (atomically). */
  saveManifest(): Promise<void>;
  rawHashes: Map<string, string>;
  engine: ReturnType<typeof createTemplateEngine>;
  templateHash(name: string): Promise<string>;
  pdf(): Promise<PdfRenderer>;
}

type OneResult = Omit<ReportOutcome, 'ms'> & { entry?: ManifestEntry };

async function buildOne(ctx: Context, unit: Unit, previous: ManifestEntry | undefined): Promise<OneResult> {
  const diagnostics = ctx.data.perReport.get(unit.file) ?? [];
  if (!unit.report) {
    return { id: unit.id, status: 'failed', written: [], diagnostics, message: 'Die Daten der Vorlage sind ungültig.' };
  }
  const report = unit.report;
  const { options, dataset, outDir } = ctx;
  const model = buildReportModel(dataset, report.id);
  const inputs = await inputsOf(ctx, unit, model.previous?.id);
  const key = keyOf(inputs);
  if (!options.force && previous?.key === key && (await outputsIntact(outDir, previous))) {
    return { id: unit.id, status: 'skipped', written: [], diagnostics };
  }

  const { markdown } = await renderMarkdown(ctx.engine, dataset, report.id, ctx.data.sources.get(report.id));
  // From the first replaced file on, the old entry's hashes are no longer true: drop it first, so a build
  // killed between this report's files leaves no entry for it and the next build rebuilds it.
  if (ctx.manifest.reports[unit.id]) {
    delete ctx.manifest.reports[unit.id];
    await ctx.saveManifest();
  }
  const outputs: Record<string, string> = {};
  const written: string[] = [];
  const write = async (name: string, content: string | Uint8Array): Promise<void> => {
    const target = join(outDir, name);
    await writeFileAtomic(target, content);
    outputs[name] = sha256(content);
    written.push(target);
  };
  if (options.formats.includes('md')) await write(`${report.id}.md`, markdown);
  let pdf: Uint8Array | undefined;
  if (options.formats.includes('pdf')) {
    pdf = await (await ctx.pdf()).render(markdown, pdfMetadata(model, process.env['SOURCE_DATE_EPOCH']));
    await write(`${report.id}.pdf`, pdf);
  }
  await write(`${report.id}.oparl.json`, oparlJson(oparlPaper(dataset, report, options.oparlBaseUrl, pdf)));
  // A format not built this time would be left from an older state of the data (a stale PDF next to a
  // new Markdown): the output folder holds exactly what the last build of a report produced.
  for (const format of (['md', 'pdf'] as const).filter((f) => !options.formats.includes(f))) {
    await rm(join(outDir, `${report.id}.${format}`), { force: true });
  }
  return { id: unit.id, status: 'built', written, diagnostics, entry: { key, inputs, outputs } };
}

/** Everything the output of one report depends on, each part as a hash. */
async function inputsOf(ctx: Context, unit: Unit, previousId: string | undefined): Promise<Record<string, string>> {
  const { options, dataset, rawHashes } = ctx;
  const inputs: Record<string, string> = {
    kim: KIM_VERSION,
    format: [...options.formats].sort().join('+'),
    oparlBaseUrl: options.oparlBaseUrl,
    sourceDateEpoch: process.env['SOURCE_DATE_EPOCH'] ?? '',
    template: await ctx.templateHash(unit.report!.template),
    report: rawHashes.get(unit.file) ?? 'fehlt',
    // Which report counts as "the previous one" depends on the other reports' Stand and sessions.
    reportIndex: sha256(JSON.stringify(dataset.reports.map((r) => [r.id, r.stand, r.previousReport ?? null, r.consultations[0]!.session]).sort())),
    previousReport: previousId ? (rawHashes.get(ctx.data.sources.get(previousId)?.file ?? '') ?? 'fehlt') : '-',
  };
  for (const name of Object.values(DATA_FILES)) inputs[name] = rawHashes.get(name) ?? 'fehlt';
  return inputs;
}

/** sha256 of every data file (shared files and report files), keyed by the path relative to the data folder. */
async function hashInputs(dataDir: string): Promise<Map<string, string>> {
  const reportNames = (await readdir(join(dataDir, REPORTS_DIR)).catch(() => [] as string[])).filter((n) => n.endsWith('.yaml'));
  const files = [...Object.values(DATA_FILES), ...reportNames.map((n) => `${REPORTS_DIR}/${n}`)];
  return new Map(await Promise.all(files.map(async (f) => [f, await hashFile(join(dataDir, f))] as [string, string])));
}

/** The template a report uses and every partial (any of them may be included), by name and content. */
async function hashTemplates(set: TemplateSet, name: string): Promise<string> {
  const files = [...(set.templates.has(name) ? [set.templates.get(name)!] : []), ...[...set.partials.values()].sort((a, b) => (a.name < b.name ? -1 : 1))];
  const parts = await Promise.all(files.map(async (f) => `${f.display}:${await hashFile(f.path)}`));
  return sha256(`${name}\n${parts.join('\n')}`);
}

/** The outputs the manifest lists still exist with the bytes it recorded (nobody deleted or edited them). */
async function outputsIntact(outDir: string, entry: ManifestEntry): Promise<boolean> {
  for (const [name, hash] of Object.entries(entry.outputs)) {
    const bytes = await readFile(join(outDir, name)).catch(() => undefined);
    if (!bytes || sha256(bytes) !== hash) return false;
  }
  return Object.keys(entry.outputs).length > 0;
}

/**
 * Deletes a failed report's outputs from earlier builds (every format, whatever this build's --format);
 * returns the absolute paths actually deleted. Only the names kim gives outputs, never names read from
 * the manifest: that file lies in the output folder and is no more trusted than the data.
 */
async function removeOutputs(outDir: string, id: string): Promise<string[]> {
  const removed: string[] = [];
  for (const name of [`${id}.md`, `${id}.pdf`, `${id}.oparl.json`]) {
    const path = join(outDir, name);
    // Without `force`, rm fails on a missing file: only what existed is reported. Best effort otherwise.
    if (await rm(path).then(() => true, () => false)) removed.push(path);
  }
  return removed;
}

function failure(unit: Unit, cause: unknown): OneResult {
  if (cause instanceof DataError) return { id: unit.id, status: 'failed', written: [], diagnostics: cause.diagnostics, message: cause.message };
  if (cause instanceof KimError) return { id: unit.id, status: 'failed', written: [], diagnostics: [], message: cause.message };
  const detail = cause instanceof Error ? (cause.stack ?? cause.message) : String(cause);
  return { id: unit.id, status: 'failed', written: [], diagnostics: [], message: `Interner Fehler in kim (ein Programmfehler, nicht Ihre Daten): ${detail}`, internal: true };
}
