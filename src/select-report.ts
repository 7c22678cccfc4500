import { compareText } from './compare.js';
import { UsageError } from './errors.js';
import type { Dataset, Report } from './model/types.js';
import { didYouMean } from './german/index.js';
import { reportSessionId } from './model/report-session.js';

/** The date of the session a report is written for (its first consultation). */
export function sessionDateOf(data: Dataset, report: Report): string {
  return data.meetings.sessions.find((s) => s.id === reportSessionId(report))!.date;
}

/** `16.03.2022` as `2022-03-16`; anything else as it is. The clerk may type a date either way. */
export function isoFromGerman(text: string): string {
  const german = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(text);
  return german ? `${german[3]}-${german[2]}-${german[1]}` : text;
}

/**
 * Picks the report the user means: an id, a session date (`2022-03-16` or `16.03.2022`), or, without
 * an argument, the latest by session date.
 */
export function selectReport(data: Dataset, key: string | undefined): Report {
  if (data.reports.length === 0) throw new UsageError('Es gibt keine Vorlagen: der Ordner reports/ im Datenordner ist leer.');
  const bySession = [...data.reports].sort((a, b) => compareText(sessionDateOf(data, a), sessionDateOf(data, b)) || compareText(a.stand, b.stand));
  if (key === undefined) return bySession.at(-1)!;
  const byId = data.reports.find((r) => r.id === key);
  if (byId) return byId;
  const iso = isoFromGerman(key);
  const byDate = bySession.filter((r) => sessionDateOf(data, r) === iso);
  if (byDate.length === 1) return byDate[0]!;
  if (byDate.length > 1) throw new UsageError(`Zur Sitzung am ${key} gibt es mehrere Vorlagen: ${byDate.map((r) => r.id).join(', ')}. Bitte die Kennung angeben.`);
  throw new UsageError(
    `Keine Vorlage "${key}".${didYouMean(key, data.reports.map((r) => r.id))} Vorhanden: ${bySession.map((r) => `${r.id} (${sessionDateOf(data, r)})`).join(', ')}.`,
  );
}
