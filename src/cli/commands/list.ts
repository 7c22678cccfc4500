import { resolve } from 'node:path';
import { checkReportFiles, compareText, EXIT, formatDate, REPORTS_DIR, type Diagnostic, type Environment, type ExitCode } from '../../api.js';
import { safeText, type Terminal } from '../terminal.js';

export interface ListOptions {
  data: string;
  templates: string;
  format: 'text' | 'json';
}

interface ReportRow {
  id: string;
  file: string;
  sessions: string[];
  sessionDate: string | null;
  stand: string | null;
  template: string | null;
  valid: boolean;
  errors: number;
  warnings: number;
}

interface SessionRow {
  id: string;
  date: string | null;
  committee: string | null;
  public: boolean | null;
  reports: string[];
}

const counts = (ds: Diagnostic[]) => ({ errors: ds.filter((d) => d.severity === 'error').length, warnings: ds.filter((d) => d.severity === 'warning').length });
const str = (v: unknown): string | null => (typeof v === 'string' ? v : v instanceof Date ? v.toISOString().slice(0, 10) : null);

/**
 * `kim list`: the reports and sessions of a data folder with their dates, Stand, template and status.
 * Reads what it can even from invalid files; exit 1 when anything is invalid (like `kim validate`).
 */
export async function runList(options: ListOptions, term: Terminal, env: Environment): Promise<ExitCode> {
  const dataDir = resolve(options.data);
  // Judged as kim build judges: a report whose previous report is invalid is not built, so not "gültig".
  const { loaded: sources, shared: sharedDiagnostics, perReport: byFile } = await checkReportFiles({ dataDir, templatesDir: options.templates, env });

  const rawSessions = (sources.files.meetings?.value as { sessions?: unknown } | undefined)?.sessions;
  const sessions: SessionRow[] = (Array.isArray(rawSessions) ? rawSessions : []).map((s: Record<string, unknown>) => ({
    id: str(s['id']) ?? '?',
    date: str(s['date']),
    committee: str(s['committee']),
    public: typeof s['public'] === 'boolean' ? s['public'] : null,
    reports: [],
  }));
  const sessionById = new Map(sessions.map((s) => [s.id, s]));

  const files = [...new Set([...sources.reports.map((s) => s.file), ...byFile.keys()])].sort();
  const reports: ReportRow[] = files.map((file) => {
    const value = (sources.reports.find((s) => s.file === file)?.value ?? {}) as Record<string, unknown>;
    const consultations = Array.isArray(value['consultations']) ? (value['consultations'] as Record<string, unknown>[]) : [];
    const ids = consultations.map((c) => str(c?.['session'])).filter((x): x is string => x !== null);
    const id = str(value['id']) ?? file.slice(REPORTS_DIR.length + 1).replace(/\.yaml$/, '');
    for (const s of ids) sessionById.get(s)?.reports.push(id);
    const c = counts(byFile.get(file) ?? []);
    return { id, file, sessions: ids, sessionDate: ids[0] ? (sessionById.get(ids[0])?.date ?? null) : null, stand: str(value['stand']), template: str(value['template']), valid: c.errors === 0, ...c };
  });
  const shared = counts(sharedDiagnostics);
  const anyInvalid = shared.errors > 0 || reports.some((r) => !r.valid);

  if (options.format === 'json') {
    term.out(JSON.stringify({ valid: !anyInvalid, reports, sessions, sharedFiles: { valid: shared.errors === 0, ...shared } }, null, 2));
    return anyInvalid ? EXIT.invalid : EXIT.ok;
  }

  const d = (iso: string | null) => (iso && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? formatDate(iso) : '–');
  const c = term.color;
  const status = (r: ReportRow) => (r.valid ? c.green('gültig') : c.red(`ungültig (${r.errors} Fehler)`));
  term.out(c.bold('Vorlagen'));
  term.out(
    table(
      ['Kennung', 'Sitzung', 'Stand', 'Muster', 'Status'],
      // Values from the data are shown with their control characters escaped (safeText).
      reports.map((r) => [safeText(r.id), d(r.sessionDate), d(r.stand), safeText(r.template ?? '–'), status(r)]),
      'Keine Vorlagen im Ordner reports/.',
    ),
  );
  term.out('');
  term.out(c.bold('Sitzungen'));
  term.out(
    table(
      ['Kennung', 'Datum', 'Gremium', 'Öffentlich', 'Vorlagen'],
      [...sessions].sort((a, b) => compareText(a.date ?? '', b.date ?? '')).map((s) => [safeText(s.id), d(s.date), safeText(s.committee ?? '–'), s.public === null ? '–' : s.public ? 'ja' : 'nein', safeText(s.reports.join(', ') || '–')]),
      'Keine Sitzungen in meetings.yaml.',
    ),
  );
  if (shared.errors > 0) term.err(c.red(`Die gemeinsamen Datendateien haben ${shared.errors} Fehler; Einzelheiten zeigt kim validate.`));
  else if (reports.some((r) => !r.valid)) term.err(c.red('Nicht alle Vorlagen sind gültig; Einzelheiten zeigt kim validate.'));
  return anyInvalid ? EXIT.invalid : EXIT.ok;
}

/** Columns padded to the widest cell (measured without colour codes). */
function table(head: string[], rows: string[][], empty: string): string {
  if (rows.length === 0) return empty;
  const visible = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '').length;
  const widths = head.map((h, i) => Math.max(visible(h), ...rows.map((r) => visible(r[i] ?? ''))));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell + ' '.repeat(widths[i]! - visible(cell))))
      .join('  ')
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
