/**
 * `kim next`: the next report file, started from the last one. The clerk's most common task is a new
 * Vorlage for the committee's next session that says what happened since the last one; everything
 * that can be derived is set (id, session, Stand, previous report), the text blocks are carried over
 * for revision (kim validate then warns about each one still word for word the same).
 */
import { by } from '../compare.js';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { loadValidData } from '../valid-data.js';
import type { Diagnostic } from '../diagnostics.js';
import type { Environment } from '../environment.js';
import { writeFileAtomic } from '../files/atomic-write.js';
import { UsageError } from '../errors.js';
import { REPORTS_DIR } from '../load/data-files.js';
import { findInvisible, invisibleMessage } from '../load/invisible-characters.js';
import { findPreviousReport } from '../model/report-model.js';
import type { Dataset, Report, Session } from '../model/types.js';
import { formatDate } from '../german/index.js';
import { isoFromGerman, selectReport } from '../select-report.js';
import { didYouMean } from '../german/did-you-mean.js';
import { checkPublicOutputs } from '../render/privacy-check.js';
import { nextReportText } from './yaml-edit.js';
import { reportSessionId } from '../model/report-session.js';

export interface NextOptions {
  dataDir: string;
  templatesDir?: string;
  env?: Environment | undefined;
  /** The report to start from (id or session date); default the latest. */
  from?: string | undefined;
  /** Session id; default the committee's next session after the previous report's. */
  session?: string | undefined;
  /** The data cut-off; default today, but not after the session. */
  stand?: string | undefined;
  /** A new title (the id then follows it); default the previous report's. */
  title?: string | undefined;
  /** The new report's id; default from the session date and the previous id or the title. */
  id?: string | undefined;
  /** Today, as an ISO date (the default Stand); the clock's local date when absent. */
  today?: string;
}

export interface NextResult {
  /** Absolute path of the new report file. */
  file: string;
  id: string;
  session: Session;
  stand: string;
  previous: Report;
  /** Consultations of the previous report beyond the first, not carried over (session ids). */
  dropped: string[];
  /** The previous report's date (of the Vorlage), not carried over; undefined when it had none. */
  droppedDate: string | undefined;
  /** Warnings of the data before the new file (errors are thrown). */
  diagnostics: Diagnostic[];
}

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day in ISO form (`2024-02-30` is not). */
function isDay(text: string): boolean {
  const m = ISO.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
}

const localToday = (): string => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** A title as an id part: lower case, umlauts spelt out, words joined by hyphens, at most 50 characters. */
export function slugOf(title: string): string {
  const plain = title
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (plain.length <= 50) return plain;
  const cut = plain.slice(0, 51);
  return cut.slice(0, cut.lastIndexOf('-') > 0 ? cut.lastIndexOf('-') : 50).replace(/-+$/, '');
}

/** Writes the next report file into the data folder's reports/; refuses to overwrite one. */
export async function writeNextReport(options: NextOptions): Promise<NextResult> {
  const dataDir = resolve(options.dataDir);
  const { dataset, diagnostics, validation } = await loadValidData({ dataDir, templatesDir: options.templatesDir, env: options.env });
  const previous = selectReport(dataset, options.from);
  const sessions = new Map(dataset.meetings.sessions.map((s) => [s.id, s]));
  const previousSession = sessions.get(reportSessionId(previous))!;
  const session = options.session !== undefined ? namedSession(dataset, options.session) : nextSession(dataset, previousSession);
  const taken = dataset.reports.find((r) => r.consultations.some((c) => c.session === session.id));
  if (taken) throw new UsageError(`Für die Sitzung ${session.id} (${formatDate(session.date)}) gibt es schon die Vorlage "${taken.id}".`);
  if (session.date <= previousSession.date) {
    throw new UsageError(`Die Sitzung ${session.id} (${formatDate(session.date)}) liegt nicht nach der Sitzung der vorigen Vorlage "${previous.id}" (${formatDate(previousSession.date)}).`);
  }

  const stand = options.stand !== undefined ? isoFromGerman(options.stand) : [options.today ?? localToday(), session.date].sort()[0]!;
  if (!isDay(stand)) throw new UsageError(`Ungültiger Wert für --stand: "${options.stand}". Erwartet wird ein Datum wie 04.11.2024 oder 2024-11-04.`);
  if (stand > session.date) {
    // The committee's next session may be one without a KIM report: then name the session the Stand fits.
    const fitting =
      options.session === undefined
        ? dataset.meetings.sessions
            .filter((s) => s.committee === session.committee && s.date >= stand && !dataset.reports.some((r) => r.consultations.some((c) => c.session === s.id)))
            .sort(by((s) => s.date))[0]
        : undefined;
    const other = fitting ? ` oder mit --session ${fitting.id} die Sitzung am ${formatDate(fitting.date)}` : '';
    throw new UsageError(
      `Der Datenstand ${formatDate(stand)} liegt nach der Sitzung ${session.id} am ${formatDate(session.date)}; erwartet wird ein Stand spätestens am Sitzungstag (--stand)${other}.`,
    );
  }
  if (stand <= previous.stand) {
    throw new UsageError(`Der Datenstand ${formatDate(stand)} liegt nicht nach dem der vorigen Vorlage "${previous.id}" (${formatDate(previous.stand)}); geben Sie mit --stand einen späteren an.`);
  }

  if (options.title !== undefined) {
    // As the schema and the loader would refuse it, so that no file is written that fails its own validation.
    const title = options.title;
    if (title.trim() === '') throw new UsageError('Der Titel (--title) darf nicht leer sein.');
    if (title.length > 500) throw new UsageError(`Der Titel (--title) ist ${title.length} Zeichen lang; erlaubt sind höchstens 500.`);
    const [hidden] = findInvisible(title);
    if (hidden) throw new UsageError(`Der Titel (--title): ${invisibleMessage(hidden.codePoint)}`);
  }

  const dated = /^\d{4}-\d{2}-\d{2}-(.+)$/.exec(previous.id)?.[1];
  const id = options.id ?? `${session.date}-${options.title === undefined && dated ? dated : slugOf(options.title ?? previous.title)}`;
  // The schema's limit too (80 characters): a longer id would be written, then fail its own validation.
  if (!ID.test(id) || id.length > 80) throw new UsageError(`Ungültige Kennung "${id}": erwartet werden Kleinbuchstaben, Ziffern und Bindestriche, höchstens 80 Zeichen (--id).`);
  // The title and the id become the public Vorlage's heading and file names: a staff name there would be
  // refused by every later build, so it is refused before the file is written.
  const named = checkPublicOutputs({ markdown: options.title ?? '', fileNames: [id] }, { data: dataset, report: { ...previous, public: true }, templateFiles: [] });
  if (named.length > 0) {
    const what = options.title !== undefined ? 'Der Titel (--title)' : 'Die Kennung (--id)';
    throw new UsageError(`${what} enthält den Namen einer Person aus staff.yaml; eine öffentliche Vorlage nennt keine Namen. Erwartet wird ein Titel ohne Namen.`);
  }
  if (dataset.reports.some((r) => r.id === id)) throw new UsageError(`Eine Vorlage mit der Kennung "${id}" gibt es schon; geben Sie mit --id eine andere an.`);
  const file = join(dataDir, REPORTS_DIR, `${id}.yaml`);
  if (existsSync(file)) throw new UsageError(`Die Datei ${file} gibt es schon; kim next überschreibt keine Datei.`);

  // The previous report is the one with the latest Stand before this one, unless named: name it only
  // when that rule would pick another (the report started from is not the latest).
  const draft = { ...previous, id, stand, consultations: [{ ...previous.consultations[0]!, session: session.id }], previousReport: undefined } as Report;
  const implied = findPreviousReport({ ...dataset, reports: [...dataset.reports, draft] }, draft);
  const source = validation.reportSources[dataset.reports.indexOf(previous)]!;
  const text = nextReportText(await readFile(join(dataDir, source.file), 'utf8'), {
    id,
    stand,
    session: session.id,
    title: options.title,
    previousReport: implied === previous ? null : previous.id,
  });
  await writeFileAtomic(file, text);
  return { file, id, session, stand, previous, dropped: previous.consultations.slice(1).map((c) => c.session), droppedDate: previous.date, diagnostics };
}

function namedSession(dataset: Dataset, id: string): Session {
  const found = dataset.meetings.sessions.find((s) => s.id === id);
  if (found) return found;
  throw new UsageError(`Keine Sitzung "${id}" in meetings.yaml.${didYouMean(id, dataset.meetings.sessions.map((s) => s.id))}`);
}

function nextSession(dataset: Dataset, after: Session): Session {
  const later = dataset.meetings.sessions.filter((s) => s.committee === after.committee && s.date > after.date).sort(by((s) => s.date));
  if (later[0]) return later[0];
  throw new UsageError(
    `In meetings.yaml gibt es keine Sitzung des Gremiums "${after.committee}" nach dem ${formatDate(after.date)}. Tragen Sie die nächste Sitzung dort unter sessions ein oder nennen Sie sie mit --session.`,
  );
}
