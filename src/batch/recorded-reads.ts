/**
 * What a report's outputs were made from, recorded while they are made, for kim build's skip key
 * (build.ts inputsOf). A hand-kept list of "what the model reads" goes stale without a word the day the
 * model reads one more thing; a recorded one cannot: the build renders each report through a view of the
 * dataset that notes every field of the reports it is asked for, and the run notes every file of the
 * data folder it reads besides the data (the logo, the Word template). The next build hashes exactly
 * those again: if each is unchanged, rendering would take the same path and give the same bytes (the
 * pipeline is deterministic, and kim's own version is part of the key).
 *
 * A field is recorded for all reports at once (`Vorlagen: stand`, the Stand of every report): finding the
 * previous report reads the Stand of each, and a name per report would make each manifest entry as long
 * as the list of reports. So a changed Stand rebuilds every report that looked at Stands, as before.
 *
 * What is not recorded, because it is always in the key whole: the report's own file, every shared data
 * file (organisation.yaml …: every section of the dataset but the reports, see SHARED_SECTIONS), the
 * template and its partials, the settings (formats, OParl base URL, SOURCE_DATE_EPOCH) and kim's version.
 */
import { join } from 'node:path';
import { DATA_FILES, type DataFileKind } from '../load/data-files.js';
import type { Dataset, Report } from '../model/types.js';
import { hashFile, sha256 } from './hash.js';

/**
 * Every section of the dataset besides the reports comes from one shared data file, which the key holds
 * whole. The compiler keeps this so: a new section without its data file (or the other way round) does
 * not type-check.
 */
type SharedSection = Exclude<keyof Dataset, 'reports'>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sectionsAreDataFiles: Same<SharedSection, DataFileKind> = true;
export const SHARED_SECTIONS: readonly DataFileKind[] = sectionsAreDataFiles ? (Object.keys(DATA_FILES) as DataFileKind[]) : [];

/** The names a read is recorded under; also the keys of a manifest entry's `inputs` (a person reads them in KIM_DEBUG=build). */
export const READ_NAMES = {
  /** The reports' ids, in order: asked for when the list is searched or counted. */
  reportList: 'Vorlagenliste',
  /** A field of the reports, of each of them (`Vorlagen: stand`). */
  field: (field: string) => `Vorlagen: ${field}`,
  /** The field names of the reports (`Object.keys`): asked for when a report is copied or listed whole. */
  fields: 'Vorlagen: *',
  /** A file of the data folder (`Datei wappen.png`). */
  file: (path: string) => `Datei ${path}`,
} as const;

const FIELD = /^Vorlagen: (.+)$/;
const FILE = /^Datei (.+)$/;

/** Whether an input name is one of the recorded kind (the others are always in the key). */
export const isRecordedRead = (name: string): boolean => name === READ_NAMES.reportList || FIELD.test(name) || FILE.test(name);

/**
 * The dataset as a build's renders see it, and what each render read. One report renders at a time in
 * a process (build.ts renders one after the other, each worker too); `during` says so if that ever changes.
 */
export class ReadRecorder {
  /** The dataset to render from: reading its `reports` is recorded for the report being rendered. */
  readonly dataset: Dataset;
  private current: Set<string> | undefined;
  private views: Report[] | undefined;

  constructor(private readonly raw: Dataset) {
    this.dataset = new Proxy(raw, {
      get: (target, key, receiver) => (key === 'reports' && this.current ? this.reportsView() : Reflect.get(target, key, receiver)),
    });
  }

  /** Runs a render and returns the names of what it read besides its own report and the shared files. */
  async during<T>(render: () => Promise<T>): Promise<{ result: T; reads: Set<string> }> {
    if (this.current) throw new Error('ReadRecorder: zwei Vorlagen zugleich in einem Prozess');
    const reads = new Set<string>();
    this.current = reads;
    this.views = undefined;
    try {
      return { result: await render(), reads };
    } finally {
      this.current = undefined;
      this.views = undefined;
    }
  }

  /** A file of the data folder read by the render in progress (report-run.ts onRead). */
  file(path: string): void {
    this.current?.add(READ_NAMES.file(path));
  }

  private note(name: string): void {
    this.current?.add(name);
  }

  /** The reports as a list whose length and order, and the fields of its reports, are recorded when read. */
  private reportsView(): Report[] {
    if (this.views) return this.views;
    const reports = this.raw.reports;
    const view = reports.map((report) => this.reportView(report));
    this.views = new Proxy(view, {
      get: (target, key, receiver) => {
        this.note(READ_NAMES.reportList);
        return Reflect.get(target, key, receiver);
      },
      has: (target, key) => {
        this.note(READ_NAMES.reportList);
        return Reflect.has(target, key);
      },
      ownKeys: (target) => {
        this.note(READ_NAMES.reportList);
        return Reflect.ownKeys(target);
      },
    });
    return this.views;
  }

  private reportView(report: Report): Report {
    const field = (key: string | symbol): void => {
      if (typeof key === 'string') this.note(READ_NAMES.field(key));
    };
    return new Proxy(report, {
      get: (target, key, receiver) => (field(key), Reflect.get(target, key, receiver)),
      has: (target, key) => (field(key), Reflect.has(target, key)),
      getOwnPropertyDescriptor: (target, key) => (field(key), Reflect.getOwnPropertyDescriptor(target, key)),
      ownKeys: (target) => (this.note(READ_NAMES.fields), Reflect.ownKeys(target)),
    });
  }
}

/**
 * The current hash of a recorded read, from the data as loaded now (a file that cannot be read: "fehlt",
 * which differs from any hash). Memoised per build by the caller.
 */
export async function hashOfRead(name: string, dataset: Dataset, dataDir: string): Promise<string> {
  if (name === READ_NAMES.reportList) return sha256(JSON.stringify(dataset.reports.map((r) => r.id)));
  const file = FILE.exec(name);
  if (file) return hashFile(join(dataDir, file[1]!));
  const records = dataset.reports as unknown as Record<string, unknown>[];
  if (name === READ_NAMES.fields) return sha256(canonical(records.map((r) => Object.keys(r))));
  const field = FIELD.exec(name)?.[1];
  if (field === undefined) return 'fehlt';
  // Whether a report has the field at all counts too: `reference` given or not reads differently.
  return sha256(canonical(records.map((r) => (field in r ? [r['id'], r[field]] : [r['id']]))));
}

/**
 * A value as text that is equal exactly when the values are: object keys sorted, dates as ISO text.
 * Anything else that JSON would flatten (a Map, a Set, a class instance) is a bug to be told, not a key
 * that silently stays the same.
 */
export function canonical(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return JSON.stringify(value);
  if (value instanceof Date) return `Date(${value.toISOString()})`;
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null) {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  throw new Error(`Build-Schlüssel: ein Wert der Art ${Object.prototype.toString.call(value)} lässt sich nicht vergleichen`);
}
