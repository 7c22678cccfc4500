/**
 * Turns the previous report's file into the next one by editing its text in place: only the values that
 * change are replaced (id, Stand, session, title, previousReport) and the ones that belong to the old
 * Vorlage alone are removed (reference, the date it was issued, further consultations). Everything else — the text blocks,
 * however they are nested, comments, folding, order — stays byte for byte as the clerk wrote it.
 * (Re-serialising the YAML document would re-fold every text block.) Should the file be written in an
 * unusual shape, the document is edited and serialised instead, and the result is checked either way.
 */
import { isMap, isScalar, isSeq, parseDocument, stringify, type Document, type Pair, type YAMLMap } from 'yaml';

export interface ReportChanges {
  id: string;
  stand: string;
  session: string;
  /** A new title, or undefined to keep it. */
  title?: string | undefined;
  /** Set it (a report id), or remove it (null). */
  previousReport: string | null;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** A value as a one-line YAML scalar (plain where that is unambiguous, else quoted). */
export const scalar = (value: string): string => stringify(value, { lineWidth: 0 }).trimEnd();

export const lineStart = (text: string, offset: number): number => text.lastIndexOf('\n', offset - 1) + 1;
export const lineEnd = (text: string, offset: number): number => {
  const i = text.indexOf('\n', offset);
  return i < 0 ? text.length : i + 1;
};

/** The next report's YAML text, made from the previous report's. */
export function nextReportText(previous: string, changes: ReportChanges): string {
  const edited = editInPlace(previous, changes);
  if (edited !== undefined && matches(edited, previous, changes)) return edited;
  const rebuilt = editDocument(previous, changes);
  if (!matches(rebuilt, previous, changes)) throw new Error('nextReportText: die neue Vorlagendatei entspricht nicht den Änderungen');
  return rebuilt;
}

function topPair(top: YAMLMap, key: string): Pair | undefined {
  return top.items.find((p) => isScalar(p.key) && p.key.value === key) as Pair | undefined;
}

function editInPlace(text: string, changes: ReportChanges): string | undefined {
  const doc = parseDocument(text, { version: '1.2' });
  const top = doc.contents;
  if (doc.errors.length > 0 || !isMap(top) || top.flow) return undefined;
  const edits: Edit[] = [];
  const replace = (key: string, value: string): boolean => {
    const node = topPair(top, key)?.value;
    if (!isScalar(node) || !node.range) return false;
    edits.push({ start: node.range[0], end: node.range[1], text: scalar(value) });
    return true;
  };
  const removePair = (key: string): void => {
    const pair = topPair(top, key);
    const keyRange = isScalar(pair?.key) ? pair.key.range : undefined;
    const valueRange = (pair?.value as { range?: [number, number, number] } | undefined)?.range;
    if (!keyRange || !valueRange) return;
    edits.push({ start: lineStart(text, keyRange[0]), end: lineEnd(text, Math.max(keyRange[1], valueRange[2] - 1)), text: '' });
  };

  if (!replace('id', changes.id) || !replace('stand', changes.stand)) return undefined;
  if (changes.title !== undefined && !replace('title', changes.title)) return undefined;

  const consultations = topPair(top, 'consultations')?.value;
  if (!isSeq(consultations) || consultations.flow || consultations.items.length === 0) return undefined;
  const first = consultations.items[0];
  const session = isMap(first) ? topPair(first, 'session')?.value : undefined;
  if (!isScalar(session) || !session.range) return undefined;
  edits.push({ start: session.range[0], end: session.range[1], text: scalar(changes.session) });
  // The Beratungsfolge of the old Vorlage beyond its first session does not carry over.
  for (const item of consultations.items.slice(1)) {
    const range = (item as { range?: [number, number, number] }).range;
    if (!range) return undefined;
    edits.push({ start: lineStart(text, range[0]), end: lineEnd(text, range[2] - 1), text: '' });
  }

  // The old Vorlage's Drucksachennummer and Ausfertigungsdatum are not the new one's (the date would
  // otherwise head the next Vorlage with a day before its own Stand); without a date the Stand stands.
  removePair('reference');
  removePair('date');
  // Who presents the item is named for one session: the permission to name a staff member is not carried over.
  removePair('presenters');
  if (changes.previousReport === null) removePair('previousReport');
  else if (!replace('previousReport', changes.previousReport)) {
    const stand = topPair(top, 'stand')?.value as { range?: [number, number, number] } | undefined;
    if (!stand?.range) return undefined;
    const at = lineEnd(text, stand.range[1]);
    edits.push({ start: at, end: at, text: `${at === text.length && !text.endsWith('\n') ? '\n' : ''}previousReport: ${scalar(changes.previousReport)}\n` });
  }

  edits.sort((a, b) => b.start - a.start);
  for (let i = 1; i < edits.length; i++) if (edits[i]!.end > edits[i - 1]!.start) return undefined;
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

function editDocument(text: string, changes: ReportChanges): string {
  const doc: Document = parseDocument(text, { version: '1.2' });
  doc.set('id', changes.id);
  doc.set('stand', changes.stand);
  if (changes.title !== undefined) doc.set('title', changes.title);
  const role = doc.getIn(['consultations', 0, 'role']);
  doc.set('consultations', doc.createNode([{ session: changes.session, role }], { flow: false }));
  doc.delete('reference');
  doc.delete('date');
  doc.delete('presenters');
  if (changes.previousReport === null) doc.delete('previousReport');
  else doc.set('previousReport', changes.previousReport);
  return doc.toString();
}

/** The new text has the changes, and everything else (the text blocks above all) as before. */
function matches(next: string, previous: string, changes: ReportChanges): boolean {
  const doc = parseDocument(next, { version: '1.2' });
  if (doc.errors.length > 0) return false;
  const now = doc.toJS() as Record<string, unknown>;
  const before = parseDocument(previous, { version: '1.2' }).toJS() as Record<string, unknown>;
  const consultations = now['consultations'] as { session?: unknown; role?: unknown }[] | undefined;
  const beforeFirst = (before['consultations'] as { role?: unknown }[] | undefined)?.[0];
  const expected: Record<string, unknown> = { ...before, id: changes.id, stand: changes.stand, consultations: [{ ...beforeFirst, session: changes.session }] };
  if (changes.title !== undefined) expected['title'] = changes.title;
  delete expected['reference'];
  delete expected['date'];
  delete expected['presenters'];
  if (changes.previousReport === null) delete expected['previousReport'];
  else expected['previousReport'] = changes.previousReport;
  return consultations?.length === 1 && JSON.stringify(sorted(now)) === JSON.stringify(sorted(expected));
}

/** Top-level keys in one order, so two equal reports compare equal as JSON. */
const sorted = (value: Record<string, unknown>): [string, unknown][] => Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1));
