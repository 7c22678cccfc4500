/** The shapes kim build's processes share: the build itself, its worker pool and the workers. */
import type { Diagnostic } from '../diagnostics.js';
import type { Environment } from '../environment.js';
import type { OutputFormat } from '../emit/output-formats.js';
import type { Report } from '../model/types.js';
import type { Shard } from './shard.js';

export interface BuildOptions {
  dataDir: string;
  templatesDir?: string;
  outDir: string;
  formats: OutputFormat[];
  shard?: Shard | undefined;
  oparlBaseUrl: string;
  /** Build even what the manifest says is current. */
  force?: boolean;
  /**
   * Processes rendering at once (default 1: this process only). More start jobs − 1 worker processes
   * (the built CLI, `kim build --worker`), capped by the number of reports to build.
   */
  jobs?: number;
  /** Called once before the first report and after each report: progress for the CLI. */
  onProgress?: (event: BuildEvent) => void;
  /** What kim takes from its environment (disk cache, SOURCE_DATE_EPOCH); none: no cache. */
  env?: Environment | undefined;
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
  /** A bug in kim: its stack trace, for whoever fixes it (the CLI shows it with KIM_DEBUG). */
  detail?: string;
  /**
   * Failed only: absolute paths of this report's outputs from an earlier build that were deleted, so
   * that no stale Vorlage stays in the output folder next to the new ones.
   */
  removed?: string[];
  /** The failure was a bug in kim, not the data. */
  internal?: boolean;
  ms: number;
}

export type BuildEvent =
  | { kind: 'start'; total: number }
  | { kind: 'report'; index: number; total: number; outcome: ReportOutcome }
  /** A bug in kim that concerns no single report (a worker that did not end by itself). */
  | { kind: 'internal'; message: string };

export interface BuildResult {
  outcomes: ReportOutcome[];
  /** Warnings of shared files (errors there throw DataError). */
  diagnostics: Diagnostic[];
  /** Number of report files in the data folder, before sharding. */
  totalReports: number;
  /**
   * Absolute paths of outputs of reports that are not part of this build (deleted or renamed report
   * files, or reports of another --shard part), deleted so that the folder holds this build's reports only.
   */
  removed: string[];
}

export interface Unit {
  id: string;
  file: string;
  report: Report | undefined;
  /**
   * Valid data, but not built, and why (the failed outcome's message): its previous report is invalid
   * (see previous-invalid.ts), or its own text carries what its outputs may not publish (Rule.scope).
   */
  blocked?: string | undefined;
}

export type BuildSettings = Pick<BuildOptions, 'dataDir' | 'templatesDir' | 'outDir' | 'formats' | 'oparlBaseUrl' | 'force' | 'env'>;

/** A report's outcome as it travels from a worker: `fatal` is the message of a write error that stops the build. */
export type BuiltOutcome = ReportOutcome & { fatal?: string };
