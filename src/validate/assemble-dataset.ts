/**
 * The dataset made from the parsed files once they are known to be valid: by validation, and by the
 * validation cache for a run whose files a previous run validated (so a cache hit loads no validator).
 */
import { DATA_FILE_KINDS, type DataFileKind } from '../load/data-files.js';
import type { LoadedSources } from '../load/dataset.js';
import { rememberSources } from '../load/dataset-sources.js';
import type { SourceFile } from '../load/source-file.js';
import type { Dataset, Report } from '../model/types.js';

export function assign(data: Partial<Dataset>, kind: DataFileKind, value: unknown): void {
  const v = value as Record<string, unknown>;
  if (kind === 'staff') data.staff = v['staff'] as Dataset['staff'];
  else if (kind === 'assignments') data.assignments = v['assignments'] as Dataset['assignments'];
  else (data as Record<string, unknown>)[kind] = value;
}

/** `data` holds every data file's value (assign) and `reportSources` every report file: all of them valid. */
export function assembleDataset(sources: LoadedSources, data: Partial<Dataset>, reportSources: SourceFile[]): Dataset {
  data.reports = reportSources.map((s) => s.value as Report);
  // The privacy check finds the files a text came from by the dataset object (dataset-sources.ts).
  rememberSources(data, [...DATA_FILE_KINDS.map((k) => sources.files[k]!), ...reportSources]);
  return data as Dataset;
}

/** The dataset of sources a previous run validated without errors (every file is present and valid). */
export function datasetOf(sources: LoadedSources): Dataset {
  const data: Partial<Dataset> = {};
  for (const kind of DATA_FILE_KINDS) assign(data, kind, sources.files[kind]!.value);
  return assembleDataset(sources, data, sources.reports);
}
