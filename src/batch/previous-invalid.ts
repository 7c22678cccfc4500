/**
 * A report whose previous report is invalid is not built. What a Vorlage says happened "since the last
 * session" is measured from its previous report's Stand; with that report left out of the data (it has
 * errors), kim would pick an older report or none and print a Vorlage that looks fine but is wrong.
 *
 * The previous report is found as the model finds it (findPreviousReport), over the valid reports plus
 * what can still be read of each invalid report file: its id, Stand and previousReport, from the parsed
 * data if it parsed, else from its top-level `key: value` lines. If an invalid file's Stand cannot be read
 * at all, any report without an explicit previousReport might follow it, so those are not built either.
 */
import { lstat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { error, type Diagnostic } from '../diagnostics.js';
import { REPORTS_DIR, stemOf } from '../load/data-files.js';
import type { SourceFile } from '../load/source-file.js';
import { findPreviousReport } from '../model/report-model.js';
import type { Dataset, Report } from '../model/types.js';

/** What is known of an invalid report file. */
interface InvalidReport {
  file: string;
  id: string;
  stand: string | undefined;
  previousReport: string | undefined;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^[a-z0-9][a-z0-9-]*$/;

/** Report file → the error that keeps it from being built, for each valid report whose previous report is invalid. */
export async function blockedByPrevious(dataDir: string, dataset: Dataset, reportSources: SourceFile[], failedFiles: string[], parsed: SourceFile[]): Promise<Map<string, Diagnostic>> {
  const blocked = new Map<string, Diagnostic>();
  if (failedFiles.length === 0) return blocked;
  const invalid = await Promise.all(failedFiles.map((file) => readInvalid(dataDir, file, parsed.find((s) => s.file === file)?.value)));
  const known = invalid.filter((r) => r.stand !== undefined);
  const unreadable = invalid.filter((r) => r.stand === undefined);
  const stand = new Map<Report, InvalidReport>(known.map((r) => [{ id: r.id, stand: r.stand, previousReport: r.previousReport } as Report, r]));
  const all: Dataset = { ...dataset, reports: [...dataset.reports, ...stand.keys()] };

  dataset.reports.forEach((report, i) => {
    const source = reportSources[i]!;
    const previous = findPreviousReport(all, report);
    const shadow = previous && stand.get(previous);
    let message: string | undefined;
    if (shadow) {
      message = `Die vorige Vorlage "${shadow.id}" (${shadow.file}) ist ungültig; diese Vorlage wird erst erzeugt, wenn jene berichtigt ist, denn was seit der letzten Sitzung geschah, misst sie an deren Datenstand.`;
    } else if (report.previousReport === undefined && unreadable.length > 0) {
      const files = unreadable.map((r) => r.file).join(', ');
      message = `Die Vorlagendatei ${files} ist ungültig und ihr Datenstand (stand) nicht lesbar, also lässt sich nicht sagen, ob sie die vorige Vorlage dieser ist; diese Vorlage wird erst erzeugt, wenn ${unreadable.length === 1 ? 'sie berichtigt ist' : 'sie berichtigt sind'}.`;
    }
    if (message === undefined) return;
    const pointer = report.previousReport !== undefined ? '/previousReport' : '/stand';
    const pos = source.valuePositions.get(pointer) ?? { line: 0, col: 0 };
    blocked.set(source.file, error(source.file, pos.line, pos.col, pointer.slice(1), message));
  });
  return blocked;
}

async function readInvalid(dataDir: string, file: string, value: unknown): Promise<InvalidReport> {
  const fields = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : await scanTopLevel(join(dataDir, file));
  const text = (key: string, pattern: RegExp): string | undefined => {
    const v = fields[key];
    return typeof v === 'string' && pattern.test(v) ? v : undefined;
  };
  return {
    file,
    id: text('id', ID) ?? stemOf(file),
    stand: text('stand', ISO_DATE),
    previousReport: text('previousReport', ID),
  };
}

/**
 * The plain top-level `id:`, `stand:` and `previousReport:` lines of a file that is not valid YAML. A line
 * scan rather than a lenient parse: linear in the file's size whatever the file holds.
 */
async function scanTopLevel(path: string): Promise<Record<string, string>> {
  // Only for files the loader could not parse, so its YAML module is loaded already.
  const { MAX_FILE_BYTES } = await import('../load/yaml-file.js');
  const info = await lstat(path).catch(() => undefined);
  // A symbolic link may point out of the data folder (the loader refuses those): not read.
  if (!info?.isFile() || info.size > MAX_FILE_BYTES) return {};
  const text = await readFile(path, 'utf8').catch(() => '');
  const fields: Record<string, string> = {};
  for (const m of text.matchAll(/^(id|stand|previousReport):[ \t]*(["']?)([^"'#\s]+)\2[ \t]*(?:#.*)?$/gm)) fields[m[1]!] ??= m[3]!;
  return fields;
}
