/**
 * Format 1 (the first landing, until 79e1143) → format 2. What changed, and how the step keeps each
 * Vorlage as format 1 wrote it:
 * - organisation.yaml `paperTypes` (required): the paper types the reports name; `letterhead`: format 2
 *   heads a Vorlage with the Kreis and its paper type, format 1 with the department only.
 * - programme.yaml `modules[].kind` (required): format 1 told module 1 as the strategic coordination and
 *   module 2 as case management, by number; other modules were not told at all.
 * - roles[].servesMunicipalities: format 1 listed the municipalities of module 2's staff from
 *   assignments.yaml; format 2 only for roles that say so.
 * - report `text.module1`, `text.module2Staff`, `text.module2Work` → `text.modules.<module id>.staff/work`.
 * - report `text.preface`: format 1 printed its own opening sentence and the preface after it; format 2
 *   prints the preface instead, so the old sentence is written into the preface.
 * - report `show.overview`: format 2 adds the table "Stellen und Förderung"; format 1 had none.
 * - meetings.yaml kick-offs and cooperation agreements: format 2 names each one of the period with
 *   municipality and date unless `listed: false`; format 1 named none.
 */
import { isMap, isSeq, type YAMLMap } from 'yaml';
import { blockLines, lineStart, pairOf, scalar, TextEditor, UnusualShape } from '../text-edits.js';
import type { FolderTexts, MigrationStep, StepChange } from './step.js';

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const clone = <T>(v: T): T => structuredClone(v);

/** Runs an in-place edit; undefined when the file has a shape the edit does not handle. */
function tryEdit(text: string, edit: (ed: TextEditor) => void): string | undefined {
  try {
    const ed = new TextEditor(text);
    edit(ed);
    return ed.result();
  } catch (cause) {
    if (cause instanceof UnusualShape) return undefined;
    throw cause;
  }
}

const plain = (text: string): Json => {
  const v = new TextEditor(text).doc.toJS() as unknown;
  return isObj(v) ? v : {};
};

const KIND_BY_NUMBER: Record<number, string> = { 1: 'strategic', 2: 'case-management' };
const kindOf = (module: Json): string => KIND_BY_NUMBER[module['number'] as number] ?? 'other';

/** text.<old key> → [module number, key under text.modules.<id>]. */
const TEXT_KEYS: Record<string, [number, 'staff' | 'work']> = { module1: [1, 'staff'], module2Staff: [2, 'staff'], module2Work: [2, 'work'] };

const reportFiles = (folder: FolderTexts): string[] => [...folder.files.keys()].filter((f) => f.startsWith('reports/')).sort();

function paperTypes(folder: FolderTexts, ed: (file: string) => Json): string[] {
  const names = reportFiles(folder).map((f) => ed(f)['paperType']).filter((n): n is string => typeof n === 'string');
  const unique = [...new Set(names)];
  return unique.length > 0 ? unique : ['Mitteilungsvorlage'];
}

function organisation(text: string, types: string[]): StepChange {
  const expected = plain(text);
  expected['paperTypes'] = types.map((name) => ({ name }));
  const notes = [`paperTypes ergänzt: ${types.join(', ')} (die Vorlagenarten, die die Vorlagen nennen).`];
  const addLetterhead = !('letterhead' in expected);
  if (addLetterhead) {
    expected['letterhead'] = { showBody: false, fields: [] };
    notes.push('letterhead: showBody: false, fields: [] (der Kopf wie bisher nur mit dem Amt; kim nennt sonst den Kreis und die Vorlagenart).');
  }
  const edited = tryEdit(text, (ed) => {
    const lines =
      (addLetterhead ? '# Der Kopf der Vorlagen wie bisher nur mit dem Amt (kim migrate); "showBody: true" nennt den Kreis,\n# "fields" die Angaben (Vorlagenart, Drucksache, Aktenzeichen, Datum).\nletterhead:\n  showBody: false\n  fields: []\n\n' : '') +
      `# Die Vorlagenarten des Kreises (kim migrate: aus den Vorlagen übernommen); eine Beschlussvorlage\n# braucht "requiresResolution: true" und einen Beschlussvorschlag (text.resolution).\npaperTypes:\n${types.map((n) => `  - { name: ${scalar(n)} }\n`).join('')}\n`;
    const before = pairOf(ed.top, 'municipalities');
    if (before) ed.insert(ed.pairStart(before), lines);
    else ed.insert(ed.text.length, `${ed.text.endsWith('\n') ? '' : '\n'}\n${lines.trimEnd()}\n`);
  });
  return { file: 'organisation.yaml', text: edited, expected, notes };
}

/** Roles of module 2's staff assigned to municipalities (assignments.yaml): format 1 listed their municipalities. */
function servingRoles(folder: FolderTexts, caseManagement: string | undefined): Set<string> {
  const staffText = folder.files.get('staff.yaml');
  const assignmentsText = folder.files.get('assignments.yaml');
  if (!staffText || !assignmentsText || caseManagement === undefined) return new Set();
  const assigned = new Set(((plain(assignmentsText)['assignments'] as Json[] | undefined) ?? []).filter(isObj).map((a) => a['staff']));
  const staff = ((plain(staffText)['staff'] as Json[] | undefined) ?? []).filter(isObj);
  return new Set(staff.filter((s) => s['module'] === caseManagement && assigned.has(s['id'])).map((s) => s['role'] as string));
}

function programme(text: string, serving: Set<string>): StepChange | undefined {
  const expected = plain(text);
  const modules = (expected['modules'] as Json[] | undefined) ?? [];
  const roles = (expected['roles'] as Json[] | undefined) ?? [];
  const notes: string[] = [];
  const kinds = modules.filter((m) => isObj(m) && !('kind' in m));
  for (const m of kinds) {
    m['kind'] = kindOf(m);
    notes.push(`Modul ${String(m['id'])}: kind: ${String(m['kind'])} ergänzt (Modul ${String(m['number'])} erzählte kim bisher ${m['kind'] === 'strategic' ? 'als strategische Koordinierung mit der Lenkungsgruppe' : m['kind'] === 'case-management' ? 'als Case Management mit den Kommunen' : 'gar nicht'}).`);
  }
  const serve = roles.filter((r) => isObj(r) && serving.has(r['id'] as string) && !('servesMunicipalities' in r));
  for (const r of serve) {
    r['servesMunicipalities'] = true;
    notes.push(`Rolle ${String(r['id'])}: servesMunicipalities: true ergänzt (kim nannte bisher die Kommunen, denen das Personal dieser Rolle im Modul 2 zugeordnet ist).`);
  }
  if (notes.length === 0) return undefined;
  const edited = tryEdit(text, (ed) => {
    const editItems = (key: string, want: (item: Json) => boolean, add: (map: YAMLMap, item: Json) => void) => {
      const seq = pairOf(ed.top, key)?.value;
      if (!isSeq(seq)) throw new UnusualShape(key);
      seq.items.forEach((node, i) => {
        const item = ((expected[key] as Json[])[i])!;
        if (!want(item)) return;
        if (!isMap(node)) throw new UnusualShape(key);
        add(node, item);
      });
    };
    if (kinds.length > 0)
      editItems('modules', (m) => kinds.includes(m), (map, m) => {
        const after = pairOf(map, 'number') ?? pairOf(map, 'id');
        if (after) ed.addPairAfter(map, after, 'kind', String(m['kind']));
        else ed.addPair(map, 'kind', String(m['kind']));
      });
    if (serve.length > 0)
      editItems('roles', (r) => serve.includes(r), (map) => {
        const id = pairOf(map, 'id');
        if (id) ed.addPairAfter(map, id, 'servesMunicipalities', 'true');
        else ed.addPair(map, 'servesMunicipalities', 'true');
      });
  });
  return { file: 'programme.yaml', text: edited, expected, notes };
}

function meetings(text: string): StepChange | undefined {
  const expected = plain(text);
  const counts: string[] = [];
  const keys = { cooperationAgreements: ['Kooperationsvereinbarung', 'Kooperationsvereinbarungen'], kickOffs: ['Auftaktveranstaltung', 'Auftaktveranstaltungen'] } as const;
  for (const [key, [one, many]] of Object.entries(keys)) {
    const items = ((expected[key] as Json[] | undefined) ?? []).filter((i) => isObj(i) && !('listed' in i));
    for (const i of items) i['listed'] = false;
    if (items.length > 0) counts.push(`${items.length} ${items.length === 1 ? one : many}`);
  }
  if (counts.length === 0) return undefined;
  const edited = tryEdit(text, (ed) => {
    for (const key of Object.keys(keys)) {
      const seq = pairOf(ed.top, key)?.value;
      if (seq === undefined || seq === null) continue;
      if (!isSeq(seq)) throw new UnusualShape(key);
      for (const node of seq.items) {
        if (!isMap(node)) throw new UnusualShape(key);
        if (!pairOf(node, 'listed')) ed.addPair(node, 'listed', 'false');
      }
    }
  });
  return {
    file: 'meetings.yaml',
    text: edited,
    expected,
    notes: [`listed: false bei ${counts.join(' und ')} (keine Vorlage nannte sie bisher einzeln; neue Einträge ohne "listed" nennt die nächste Vorlage mit Kommune und Datum).`],
  };
}

type Session = { id?: unknown; committee?: unknown; date?: unknown };

/** The session before this report's first one in the same committee: format 1's "letzte Ausschuss-Sitzung". */
function previousSession(report: Json, sessions: Session[]): Session | undefined {
  const first = (report['consultations'] as Json[] | undefined)?.[0]?.['session'];
  const current = sessions.find((s) => s.id === first);
  if (!current) return undefined;
  let best: Session | undefined;
  for (const s of sessions) if (s.committee === current.committee && String(s.date) < String(current.date) && (!best || String(s.date) > String(best.date))) best = s;
  return best;
}

/** The report format 2 takes for the previous one: the one named, else the latest Stand before this one. */
function previousReport(report: Json, reports: Json[]): Json | undefined {
  if (typeof report['previousReport'] === 'string') return reports.find((r) => r['id'] === report['previousReport']);
  let best: Json | undefined;
  for (const r of reports) if (String(r['stand']) < String(report['stand']) && (!best || String(r['stand']) > String(best['stand']))) best = r;
  return best;
}

const germanDate = (iso: string): string => iso.split('-').reverse().join('.');

/**
 * The opening sentence format 1 printed before the preface. The date of the last session becomes the
 * slot {letzteSitzung} where format 2's previous report met in that session (so `kim next` carries a
 * slot, not a stale date), and stays written out otherwise.
 */
function oldOpening(report: Json, reports: Json[], sessions: Session[], programme: Json, organisation: Json): string {
  const genitive = String(programme['genitive'] ?? '');
  const bodyIn = String((organisation['body'] as Json | undefined)?.['in'] ?? '');
  const last = previousSession(report, sessions);
  if (!last) return `Mit dieser Vorlage wird über den Stand der Implementierung ${genitive} und des dazugehörigen Case Managements ${bodyIn} zum {stand} informiert.`;
  const before = previousReport(report, reports);
  const slot = (before?.['consultations'] as Json[] | undefined)?.[0]?.['session'] === last.id ? '{letzteSitzung}' : germanDate(String(last.date));
  return `Seit der letzten Ausschuss-Sitzung am ${slot} ist die Implementierung ${genitive} und des dazugehörigen Case Managements ${bodyIn} weiter fortgeschritten. Über den Status Quo im Allgemeinen und den aktuellen Sachstand in den verschiedenen Kommunen wird hiermit informiert.`;
}

interface Context {
  moduleIds: Map<number, string>;
  programme: Json;
  organisation: Json;
  reports: Json[];
  sessions: Session[];
}

function report(file: string, text: string, ctx: Context): StepChange {
  const moduleIds = ctx.moduleIds;
  const expected = plain(text);
  const notes: string[] = [];
  const oldText = isObj(expected['text']) ? expected['text'] : {};
  const preface = [oldOpening(expected, ctx.reports, ctx.sessions, ctx.programme, ctx.organisation), typeof oldText['preface'] === 'string' ? oldText['preface'] : ''].filter(Boolean).join('\n\n');
  const moved = Object.keys(oldText).filter((k) => k in TEXT_KEYS);
  const modules: Record<string, Json> = {};
  for (const key of moved) {
    const [number, part] = TEXT_KEYS[key]!;
    // Without a module of that number the id is a guess that `kim validate` then names.
    const id = moduleIds.get(number) ?? `modul-${number}`;
    (modules[id] ??= {})[part] = oldText[key];
    notes.push(`text.${key} → text.modules.${id}.${part}${key === 'module1' ? ' (steht jetzt als eigener Absatz nach der Besetzung statt im selben Absatz)' : ''}.`);
  }
  const newText: Json = { preface };
  for (const [k, v] of Object.entries(oldText)) if (!(k in TEXT_KEYS) && k !== 'preface') newText[k] = v;
  if (moved.length > 0) newText['modules'] = modules;
  expected['text'] = newText;
  notes.unshift(`text.preface: der bisherige Eingangssatz der Vorbemerkungen steht jetzt im Text${oldText['preface'] ? ', der bisherige Zusatz als zweiter Absatz' : ''} (kim druckt sonst einen anderen).`);
  const show = isObj(expected['show']) ? expected['show'] : undefined;
  const addOverview = !show || !('overview' in show);
  if (addOverview) {
    expected['show'] = { ...show, overview: false };
    notes.push('show.overview: false (wie bisher ohne Übersichtstabelle "Stellen und Förderung"; true nimmt sie auf).');
  }

  const edited = tryEdit(text, (ed) => {
    const top = ed.top;
    const textPair = pairOf(top, 'text');
    const anchor = textPair ?? pairOf(top, 'attachments') ?? pairOf(top, 'signature');
    const anchorAt = anchor ? ed.pairStart(anchor) : ed.text.length;
    if (addOverview) {
      const showMap = pairOf(top, 'show')?.value;
      if (isMap(showMap)) ed.addPair(showMap, 'overview', 'false');
      else if (showMap !== undefined) throw new UnusualShape('show');
      else ed.insert(anchorAt, '# Wie bisher ohne Übersichtstabelle "Stellen und Förderung" (kim migrate).\nshow:\n  overview: false\n\n');
    }
    if (!textPair) {
      ed.insert(anchorAt, `${anchor ? '' : '\n'}text:\n${blockLines('  ', 'preface', preface)}${anchor ? '\n' : ''}`);
      return;
    }
    const map = textPair.value;
    if (!isMap(map) || map.flow || pairOf(map, 'modules')) throw new UnusualShape('text');
    const ti = ed.indentOf(map);
    const old = pairOf(map, 'preface');
    if (old) ed.replace(lineStartOf(ed, old), ed.pairLineEnd(old), blockLines(ti, 'preface', preface));
    else ed.insert(ed.pairStart(map.items[0]!), blockLines(ti, 'preface', preface));
    const oldPairs = map.items.filter((p) => moved.includes(String((p.key as { value?: unknown }).value)));
    if (oldPairs.length === 0) return;
    let block = `${ti}modules:\n`;
    for (const [id] of Object.entries(modules)) {
      block += `${ti}${ti}${id}:\n`;
      for (const pair of oldPairs) {
        const key = String((pair.key as { value?: unknown }).value);
        const [number, part] = TEXT_KEYS[key]!;
        if ((moduleIds.get(number) ?? `modul-${number}`) !== id) continue;
        const lines = ed.text.slice(ed.pairStart(pair), ed.pairLineEnd(pair));
        const deeper = lines.split('\n').map((l) => (l ? ti + ti + l : l)).join('\n');
        block += deeper.replace(new RegExp(`^(\\s*)${key}:`, 'm'), `$1${part}:`);
      }
    }
    oldPairs.forEach((pair, i) => {
      const start = ed.pairStart(pair);
      ed.replace(start, ed.pairLineEnd(pair), '');
      if (i === 0) ed.insert(start, block);
    });
  });
  return { file, text: edited, expected, notes };
}

/** The line where a pair's key stands (comments above it stay where they are). */
function lineStartOf(ed: TextEditor, pair: import('yaml').Pair): number {
  const range = (pair.key as { range?: [number, number, number] }).range;
  if (!range) throw new UnusualShape('ohne Position');
  return lineStart(ed.text, range[0]);
}

export const V1_TO_V2: MigrationStep = {
  from: 1,
  title: 'Vorlagenarten, Modularten und Textbausteine je Modul (kim vom 01.12.2026)',
  apply(folder) {
    const get = (file: string): string | undefined => folder.files.get(file);
    const js = (file: string): Json => plain(get(file) ?? '');
    const out: StepChange[] = [];
    const orgText = get('organisation.yaml');
    if (orgText !== undefined && !('paperTypes' in js('organisation.yaml'))) out.push(organisation(orgText, paperTypes(folder, js)));
    const progText = get('programme.yaml');
    const programmeJs = js('programme.yaml');
    const moduleIds = new Map<number, string>();
    for (const m of (programmeJs['modules'] as Json[] | undefined) ?? []) if (isObj(m)) moduleIds.set(m['number'] as number, m['id'] as string);
    if (progText !== undefined) {
      const change = programme(progText, servingRoles(folder, moduleIds.get(2)));
      if (change) out.push(change);
    }
    const meetText = get('meetings.yaml');
    if (meetText !== undefined) {
      const change = meetings(meetText);
      if (change) out.push(change);
    }
    const files = reportFiles(folder);
    const ctx: Context = { moduleIds, programme: programmeJs, organisation: js('organisation.yaml'), reports: files.map(js), sessions: ((js('meetings.yaml')['sessions'] as Session[] | undefined) ?? []).filter(isObj) };
    for (const file of files) out.push(report(file, get(file)!, ctx));
    return out;
  },
};
