import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument, type YAMLMap, type YAMLSeq } from 'yaml';

/**
 * Adds a copy of report `from` to a data folder under the id `id`, for a session of its own (a copy of
 * the original's session on the same day, added to meetings.yaml): one report per session, so the copy
 * is valid and renders like the original.
 */
export function copyReport(dataDir: string, from: string, id: string): void {
  const reportFile = join(dataDir, 'reports', `${from}.yaml`);
  const report = parseDocument(readFileSync(reportFile, 'utf8'));
  const session = String(report.getIn(['consultations', 0, 'session']));
  const copySession = `${session}-${id}`;
  report.set('id', id);
  report.setIn(['consultations', 0, 'session'], copySession);
  writeFileSync(join(dataDir, 'reports', `${id}.yaml`), report.toString());

  const meetingsFile = join(dataDir, 'meetings.yaml');
  const meetings = parseDocument(readFileSync(meetingsFile, 'utf8'));
  const sessions = meetings.get('sessions') as YAMLSeq<YAMLMap>;
  const original = sessions.items.find((s) => s.get('id') === session);
  if (!original) throw new Error(`copyReport: Sitzung ${session} fehlt in meetings.yaml`);
  const copy = original.clone() as YAMLMap;
  copy.set('id', copySession);
  sessions.items.push(copy);
  writeFileSync(meetingsFile, meetings.toString());
}
