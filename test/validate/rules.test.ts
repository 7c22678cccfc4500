/**
 * Each rule in src/validate/rules on the example data (passes) and on one or more small in-memory
 * changes (fails with a located German message). Positions come from the unchanged source files.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { loadSources, type LoadedSources } from '../../src/load/dataset.js';
import { validateSources } from '../../src/validate/index.js';
import { RULES } from '../../src/validate/rules/index.js';
import type { DataPart, DataPathState, AnyRule, RuleContext } from '../../src/validate/rule-context.js';
import type { Dataset } from '../../src/model/types.js';
import { EXAMPLE_DATA } from './helpers.js';
import { ruleContextFor } from './rule-context-fixture.js';
import { SLOT_LIST } from '../../src/model/fact-slots.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../src/paths.js';

let sources: LoadedSources;
let base: Dataset;

beforeAll(async () => {
  sources = await loadSources(EXAMPLE_DATA);
  const validation = await validateSources(sources, ['sachstand']);
  expect(validation.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  base = validation.dataset!;
}, 120_000);

function context(change: (data: Dataset) => void = () => undefined, paths: Record<string, DataPathState> = {}, files: Record<string, Uint8Array> = {}): RuleContext<DataPart> {
  return ruleContextFor(base, sources, change, paths, files);
}
const rule = (name: string): AnyRule => {
  const found = RULES.find((r) => r.name === name);
  if (!found) throw new Error(`no rule ${name}`);
  return found;
};
/** validAt as validation computes it, with one value of one file broken. */
const brokenAt = (file: string, broken: string) => (kind: string, p: string) => !(kind === file && (p === broken || p.startsWith(`${broken}/`) || broken.startsWith(`${p}/`)));
const reportIndex = (id: string): number => base.reports.findIndex((r) => r.id === id);
const LATEST = '2022-03-16-kim-sachstand';

test('every rule is covered below', () => {
  const covered = [
    'unique-ids', 'known-references', 'end-not-before-start', 'fte-changes-within-employment', 'assignment-within-employment', 'no-overlapping-assignments',
    'filled-within-planned', 'statement-slots-known', 'stand-before-session', 'date-between-stand-and-session', 'neutral-plural-given', 'funding-rate-known', 'known-template',
    'text-slots-resolve', 'text-slots-have-values', 'previous-session-called-last', 'attachment-files-inside', 'previous-report-earlier', 'previous-session-earlier', 'file-named-after-id',
    'text-modules-known', 'steering-group-text-has-group', 'known-paper-type', 'resolution-given', 'known-consultation-role', 'logo-file-inside', 'word-template-usable',
    'plan-parts-add-up', 'group-genus-matches-genitive', 'group-not-met-yet-chosen', 'agreement-partners', 'assignment-shares-within-post', 'listed-staff-assigned',
    'no-thousands-separator', 'one-funding-rate-per-year', 'one-planned-fte-per-day', 'one-meeting-per-day', 'slots-well-formed', 'slots-only-in-text',
    'public-report-in-public-session', 'no-staff-names-in-public-report', 'presenters-named', 'presenters-placed', 'staff-within-employer-posts',
    'report-characters-drawable', 'shared-characters-drawable',
    'unique-report-ids', 'one-report-per-session', 'text-changed-since-previous', 'steering-meetings-have-group', 'no-reserved-report-names',
    'outline-entries-known', 'outline-heading-placeholders', 'outline-modules', 'outline-text-placed', 'outline-placed-once',
    // In outline-rules.test.ts, with the other outline rules (the show switches and their blocks).
    'outline-shown-placed',
    // In outline-rules.test.ts, with the other outline rules.
    'outline-heading-slots-resolve', 'outline-heading-slots-have-values',
    // In local-posts-rules.test.ts, on the town fixture (a Vorlage on another body's programme).
    'owner-needs-author-municipality', 'local-shares-known', 'outline-own-staff-only',
    // In month-dates.test.ts, with the dates known only to the month.
    'month-dates-clear-of-reports',
  ];
  expect(RULES.map((r) => r.name).sort()).toEqual([...covered].sort());
});

describe.each(RULES.map((r) => r.name))('%s', (name) => {
  test('passes on the example data', () => {
    expect(rule(name).check(context())).toEqual([]);
  });
});

describe('failing cases', () => {
  test('no-reserved-report-names: a report id Windows reserves for a device', () => {
    const [d, ...rest] = rule('no-reserved-report-names').check(context((data) => (data.reports[0]!.id = 'aux')));
    expect(rest).toEqual([]);
    expect(d!.message).toMatch(/^Die Vorlagen-Kennung "aux" ist unter Windows ein reservierter Gerätename \(AUX\)/);
    expect(d).toMatchObject({ path: 'id', severity: 'error' });
  });

  test('unique-ids: a staff id twice, pointing at the first', () => {
    const [d, ...rest] = rule('unique-ids').check(context((data) => (data.staff[1]!.id = data.staff[0]!.id)));
    expect(rest).toEqual([]);
    expect(d!.message).toMatch(/^Die Kennung "[^"]+" kommt doppelt vor \(zuerst in staff\.yaml:\d+:\d+\)/);
    expect(d).toMatchObject({ file: 'staff.yaml', path: 'staff[1].id', severity: 'error' });
    expect(d!.line).toBeGreaterThan(0);
  });
  test('unique-ids: a module number twice', () => {
    const [d] = rule('unique-ids').check(context((data) => (data.programme.modules[1]!.number = data.programme.modules[0]!.number)));
    expect(d!.message).toContain('Die Modulnummer 1 ist schon an');
    expect(d!.path).toBe('modules[1].number');
  });
  test('unique-report-ids: two reports with the same id, an error in both files', () => {
    const ds = rule('unique-report-ids').check(context((data) => (data.reports[1]!.id = data.reports[0]!.id)));
    expect(ds.map((d) => d.file).sort()).toEqual(['reports/2021-11-16-kim-sachstand.yaml', 'reports/2022-03-16-kim-sachstand.yaml']);
    expect(ds.map((d) => d.message).join('\n')).toMatch(/gibt es noch einmal in reports\/2022-03-16-kim-sachstand\.yaml:\d+:\d+/);
    expect(ds.map((d) => d.message).join('\n')).toMatch(/gibt es schon in reports\/2021-11-16-kim-sachstand\.yaml:\d+:\d+/);
  });
  test('text-changed-since-previous: a block word for word as in the previous report is a warning there', () => {
    const earlier = base.reports[reportIndex('2021-11-16-kim-sachstand')]!;
    const [key, text] = Object.entries(earlier.text ?? {}).find(([, v]) => typeof v === 'string')!;
    // Folded differently (line breaks, spaces) is still the same text.
    const ds = rule('text-changed-since-previous').check(context((data) => ((data.reports[reportIndex(LATEST)]!.text as Record<string, unknown>)[key] = `  ${String(text).replace(/ /g, '\n ')} `)));
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ severity: 'warning', file: `reports/${LATEST}.yaml`, path: `text.${key}` });
    expect(ds[0]!.message).toMatch(/^Der Textbaustein steht wörtlich so schon in der vorigen Vorlage "2021-11-16-kim-sachstand" \(reports\/2021-11-16-kim-sachstand\.yaml:\d+:\d+\); stimmt er noch\?$/);
  });
  test('text-changed-since-previous: compares text blocks at any depth, by place, whatever the keys', () => {
    const nested = { intro: { absatz: ['Gleich.', 'Anders A.'] }, schluss: 'Auch gleich.' };
    const ds = rule('text-changed-since-previous').check(
      context((data) => {
        (data.reports[reportIndex('2021-11-16-kim-sachstand')]! as { text: unknown }).text = nested;
        (data.reports[reportIndex(LATEST)]! as { text: unknown }).text = { intro: { absatz: ['Gleich.', 'Anders B.'] }, schluss: 'Auch gleich.', neu: 'Auch gleich.' };
      }),
    );
    expect(ds.map((d) => d.path).sort()).toEqual(['text.intro.absatz[0]', 'text.schluss']);
  });
  test('text-changed-since-previous: only for the report in progress, not for one a later report continues from', () => {
    const ds = rule('text-changed-since-previous').check(
      context((data) => {
        const latest = data.reports[reportIndex(LATEST)]!;
        (latest as { text: unknown }).text = { preface: 'Gleich.' };
        (data.reports[reportIndex('2021-11-16-kim-sachstand')]! as { text: unknown }).text = { preface: 'Gleich.' };
        data.meetings.sessions.push({ id: 'asi-2022-06-22', committee: 'asi', date: '2022-06-22', public: true });
        data.reports.push({ ...structuredClone(latest), id: '2022-06-22-kim-sachstand', stand: '2022-06-01', consultations: [{ session: 'asi-2022-06-22', role: 'Kenntnisnahme' }] });
      }),
    );
    // Only the new report's block (compared with LATEST), none for LATEST (compared with the first).
    expect(ds.map((d) => [d.path, /vorigen Vorlage "([^"]+)"/.exec(d.message)?.[1]])).toEqual([['text.preface', LATEST]]);
  });
  test('one-report-per-session: two reports for one session, an error in both files', () => {
    const ds = rule('one-report-per-session').check(context((data) => (data.reports[1]!.consultations[0]!.session = data.reports[0]!.consultations[0]!.session)));
    expect(ds).toHaveLength(2);
    expect(ds.map((d) => d.path)).toEqual(['consultations[0].session', 'consultations[0].session']);
    expect(ds.map((d) => d.file).sort()).toEqual(['reports/2021-11-16-kim-sachstand.yaml', 'reports/2022-03-16-kim-sachstand.yaml']);
    for (const d of ds) expect(d.message).toMatch(/^Für die Sitzung "asi-2021-11-16" gibt es auch die Vorlage "[^"]+" \(reports\/[^:]+\.yaml:\d+:\d+\)/);
    expect(rule('one-report-per-session').check(context())).toEqual([]);
  });
  test('unique-ids: a municipality id twice', () => {
    const ds = rule('unique-ids').check(context((data) => data.organisation.municipalities.push({ ...data.organisation.municipalities[0]! })));
    expect(ds).toHaveLength(1);
    expect(ds[0]!.file).toBe('organisation.yaml');
  });
  test.each([
    ['role', (d: Dataset) => (d.staff[0]!.role = 'kim-leitun'), 'staff[0].role', 'Unbekannte Kennung für Rolle: "kim-leitun". Meinten Sie "kim-leitung"?'],
    ['module', (d: Dataset) => (d.staff[0]!.module = 'modul-9'), 'staff[0].module', 'Unbekannte Kennung für Modul'],
    ['employer', (d: Dataset) => (d.staff[0]!.employer = 'kreisverwaltun'), 'staff[0].employer', 'Meinten Sie "kreisverwaltung"?'],
    ['workplace', (d: Dataset) => (d.staff[0]!.workplace = 'nirgendwo'), 'staff[0].workplace', 'Unbekannte Kennung für Kommune: "nirgendwo".'],
    ['municipality', (d: Dataset) => (d.assignments[0]!.municipalities[0] = 'troisdrof'), 'assignments[0].municipalities[0]', 'Meinten Sie "troisdorf"?'],
    ['staff', (d: Dataset) => (d.assignments[0]!.staff = 'niemand'), 'assignments[0].staff', 'Unbekannte Kennung für Person'],
    ['committee', (d: Dataset) => (d.meetings.sessions[0]!.committee = 'as'), 'sessions[0].committee', 'Unbekannte Kennung für Gremium: "as". Meinten Sie "asi"?'],
    ['lead employer', (d: Dataset) => (d.programme.leadEmployer = 'kreis'), 'leadEmployer', 'Unbekannte Kennung für Arbeitgeber'],
    ['session', (d: Dataset) => (d.reports[0]!.consultations[0]!.session = 'asi-1999-01-01'), 'consultations[0].session', 'Unbekannte Kennung für Sitzung'],
    ['department', (d: Dataset) => (d.reports[0]!.department = 'kii'), 'department', 'Meinten Sie "ki"?'],
  ])('known-references: unknown %s', (_, change, path, message) => {
    const [d, ...rest] = rule('known-references').check(context(change));
    expect(rest).toEqual([]);
    expect(d!.path).toBe(path);
    expect(d!.message).toContain(message);
    expect(d!.message).toContain('Erwartet wird eine Kennung aus');
    expect(d!.line).toBeGreaterThan(0);
  });
  test('known-references: a group meeting of an unknown group, a group of an unknown module', () => {
    const ds = rule('known-references').check(
      context((d) => {
        d.programme.groups = [{ id: 'koordinierungsgruppe', name: 'Koordinierungsgruppe', genitive: 'der Koordinierungsgruppe', module: 'modul-9' }];
        d.meetings.groupMeetings = [{ id: 'kg-1', group: 'koordinierungsgrupe', date: '2022-01-25', kind: 'konstituierend' }];
      }),
    );
    expect(ds.map((d) => [d.path, d.message.split(' Erwartet')[0]])).toEqual([
      ['groups[0].module', 'Unbekannte Kennung für Modul: "modul-9". Meinten Sie "modul-1"?'],
      ['groupMeetings[0].group', 'Unbekannte Kennung für Gremium des Programms: "koordinierungsgrupe". Meinten Sie "koordinierungsgruppe"?'],
    ]);
  });
  test('known-references: skipped for references into a list whose ids failed the schema', () => {
    const ctx = context((d) => (d.staff[0]!.role = 'kim-leitun'));
    ctx.valid.programme = false;
    ctx.validAt = brokenAt('programme', '/roles/2/id');
    expect(rule('known-references').check(ctx)).toEqual([]);
  });
  test('known-references: still checked when the target file has an error in another part', () => {
    const ctx = context((d) => (d.reports[0]!.department = 'kii'));
    ctx.valid.organisation = false;
    ctx.validAt = brokenAt('organisation', '/body/genitive');
    const [d, ...rest] = rule('known-references').check(ctx);
    expect(rest).toEqual([]);
    expect(d!.message).toContain('Unbekannte Kennung für Amt: "kii". Meinten Sie "ki"?');
  });
  test('known-references: a reference whose own field failed the schema is left to the schema message', () => {
    const ctx = context((d) => (d.staff[0]!.role = 'kim-leitun'));
    ctx.valid.staff = false;
    ctx.validAt = brokenAt('staff', '/staff/0/role');
    expect(rule('known-references').check(ctx).map((d) => d.message)).toEqual([]);
  });
  test('end-not-before-start: staff end before start', () => {
    const [d] = rule('end-not-before-start').check(context((data) => (data.staff[0]!.end = '2000-01-01')));
    expect(d!.message).toMatch(/^Das Ende \(01\.01\.2000\) liegt vor dem Beginn/);
    expect(d!.path).toBe('staff[0].end');
  });
  test('end-not-before-start: assignment to before from', () => {
    const [d] = rule('end-not-before-start').check(context((data) => (data.assignments[0]!.to = '2000-01-01')));
    expect(d!.message).toContain('Das Ende der Zuständigkeit (01.01.2000) liegt vor ihrem Beginn');
  });
  test('assignment-within-employment: before the first working day', () => {
    const [d] = rule('assignment-within-employment').check(context((data) => (data.assignments[0]!.from = '2000-01-01')));
    expect(d!.message).toContain('Die Zuständigkeit beginnt am 01.01.2000, vor dem Dienstbeginn');
    expect(d!.path).toBe('assignments[0].from');
  });
  test('assignment-within-employment: open-ended although the person left', () => {
    const [d] = rule('assignment-within-employment').check(
      context((data) => {
        const s = data.staff.find((x) => x.id === data.assignments[0]!.staff)!;
        s.end = '2030-01-01';
      }),
    );
    expect(d!.message).toContain('Die Zuständigkeit ist unbefristet, aber');
    expect(d!.message).toContain('nur bis zum 01.01.2030 beschäftigt');
  });
  test('assignment-within-employment: ends after the person left', () => {
    const [d] = rule('assignment-within-employment').check(
      context((data) => {
        data.staff.find((x) => x.id === data.assignments[0]!.staff)!.end = '2030-01-01';
        data.assignments[0]!.to = '2030-06-30';
      }),
    );
    expect(d!.message).toContain('endet am 30.06.2030');
    expect(d!.path).toBe('assignments[0].to');
  });
  test('no-overlapping-assignments: same person, same municipality, overlapping periods', () => {
    const ds = rule('no-overlapping-assignments').check(context((data) => data.assignments.push({ ...data.assignments[0]!, from: '2030-01-01' })));
    expect(ds).toHaveLength(1);
    expect(ds[0]!.message).toContain('doppelt für');
    expect(ds[0]!.message).toMatch(/überschneidet sich mit assignments\.yaml:\d+:\d+/);
  });
  test('no-overlapping-assignments: consecutive periods are fine', () => {
    const ctx = context((data) => {
      data.assignments[0]!.to = '2029-12-31';
      data.assignments.push({ ...data.assignments[0]!, from: '2030-01-01', to: undefined } as never);
    });
    expect(rule('no-overlapping-assignments').check(ctx)).toEqual([]);
  });
  test('filled-within-planned: a warning, not an error', () => {
    const ds = rule('filled-within-planned').check(context((data) => (data.programme.modules[0]!.plannedFte = [{ from: '2021-01-01', fte: 0.5 }])));
    expect(ds).toHaveLength(1);
    expect(ds[0]!.severity).toBe('warning');
    expect(ds[0]!.message).toMatch(/^Am \d\d\.\d\d\.\d{4} (ist|sind) im Modul 1 \(modul-1\) [\d,]+ VZÄ besetzt, geplant sind nur 0,5 VZÄ /);
    expect(ds[0]!.file).toBe('staff.yaml');
  });
  test('filled-within-planned: in the programme\'s own words ("im Baustein I", "Stellen")', () => {
    const ds = rule('filled-within-planned').check(
      context((data) => {
        data.programme.modules[0]!.plannedFte = [{ from: '2021-01-01', fte: 0.5 }];
        data.programme.terms = {
          module: { singular: 'Baustein', genus: 'masculine' },
          numbering: 'roman',
          unit: { singular: 'Stelle', plural: 'Stellen', genus: 'feminine' },
        };
      }),
    );
    expect(ds[0]!.message).toBe('Am 01.04.2021 ist im Baustein I (modul-1) eine Stelle besetzt, geplant sind nur 0,5 Stellen (programme.yaml, modules[0]).');
  });
  test('filled-within-planned: a raised post counts from its day, a reduced one makes room', () => {
    // Modul 1 is planned at 3.5 and filled with 3.5 (the Koordinatorin of Troisdorf at 0.5).
    const raised = rule('filled-within-planned').check(
      context((data) => (data.staff.find((s) => s.id === 'm1-troisdorf')!.fteChanges = [{ from: '2022-06-01', fte: 1 }])),
    );
    expect(raised).toHaveLength(1);
    expect(raised[0]!.message).toMatch(/^Am 01\.06\.2022 sind im Modul 1 \(modul-1\) 4 VZÄ besetzt, geplant sind nur 3,5 VZÄ /);
    expect(raised[0]!.path).toBe('staff[1].fteChanges[0].fte');
    const reduced = rule('filled-within-planned').check(
      context((data) => {
        data.staff.find((s) => s.id === 'm1-leitung')!.fteChanges = [{ from: '2022-05-01', fte: 0.5 }];
        data.staff.push({ ...data.staff.find((s) => s.id === 'm1-troisdorf')!, id: 'm1-neu', start: '2022-06-01' });
      }),
    );
    expect(reduced).toEqual([]);
  });
  test('filled-within-planned: a hire in the middle of a plan period that pushes the filled posts above the plan, at the hire', () => {
    // Modul 1 is planned at 3.5 from 2021 and filled with 3.5; nothing else changes on 01.09.2022.
    const ds = rule('filled-within-planned').check(
      context((data) => data.staff.push({ ...data.staff.find((s) => s.id === 'm1-troisdorf')!, id: 'm1-neu', start: '2022-09-01', fteChanges: [] })),
    );
    expect(ds).toHaveLength(1);
    let before = 0;
    context((data) => (before = data.staff.length));
    // At the new entry (appended to staff.yaml), not at the plan.
    expect(ds[0]).toMatchObject({ severity: 'warning', file: 'staff.yaml', path: `staff[${before}].fte` });
    expect(ds[0]!.message).toBe('Am 01.09.2022 sind im Modul 1 (modul-1) 4 VZÄ besetzt, geplant sind nur 3,5 VZÄ (programme.yaml, modules[0]).');
    // The same hire after a leaver made room is fine.
    const replaced = rule('filled-within-planned').check(
      context((data) => {
        data.staff.find((s) => s.id === 'm1-troisdorf')!.end = '2022-08-31';
        data.staff.push({ ...data.staff.find((s) => s.id === 'm1-troisdorf')!, id: 'm1-neu', start: '2022-09-01', end: undefined, fteChanges: [] });
      }),
    );
    expect(replaced).toEqual([]);
  });
  test('filled-within-planned: a plan cut below the posts in place, on the day it takes effect, at the plan period', () => {
    // Modul 1 is planned at 3.5 and filled with 3.5; nobody's post changes on the day of the cut.
    const ds = rule('filled-within-planned').check(context((data) => data.programme.modules[0]!.plannedFte.push({ from: '2023-07-01', fte: 3 })));
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ severity: 'warning', file: 'programme.yaml', path: 'modules[0].plannedFte[1].fte' });
    expect(ds[0]!.message).toBe(
      'Am 01.07.2023 sind im Modul 1 (modul-1) 3,5 VZÄ besetzt, geplant sind ab diesem Tag nur 3 VZÄ; endet eine Stelle oder wird sie verringert, fehlt das in staff.yaml (end, fteChanges).',
    );
    // A first plan that begins below the staff already in post is located at its own line.
    const first = rule('filled-within-planned').check(context((data) => Object.assign(data.programme.modules[0]!.plannedFte[0]!, { from: '2022-07-01', fte: 3 })));
    expect(first).toMatchObject([{ file: 'programme.yaml', path: 'modules[0].plannedFte[0].fte' }]);
    expect(first[0]!.line).toBeGreaterThan(0);
    // A cut that a leaver makes room for, the same day, is fine.
    const roomMade = rule('filled-within-planned').check(
      context((data) => {
        data.programme.modules[0]!.plannedFte.push({ from: '2023-07-01', fte: 3 });
        data.staff.find((s) => s.id === 'm1-troisdorf')!.end = '2023-06-30';
      }),
    );
    expect(roomMade).toEqual([]);
  });
  test('no-staff-names-in-public-report: a surname in a public report\'s text block, as kim report would refuse it', () => {
    const ds = rule('no-staff-names-in-public-report').check(
      context((data) => {
        const text = data.reports[reportIndex(LATEST)]!.text as Record<string, unknown>;
        text.preface = `Frau WIESENTHAL berichtet. ${String(text.preface)}`;
      }),
    );
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ severity: 'error', file: `reports/${LATEST}.yaml`, path: 'text.preface' });
    expect(ds[0]!.line).toBeGreaterThan(0);
    expect(ds[0]!.message).toBe(
      `Die öffentliche Vorlage ${LATEST} enthält den Namen "Wiesenthal" einer beschäftigten Person (geschrieben als "WIESENTHAL") in der Vorlage (Markdown und PDF); Namen dürfen in öffentlichen Vorlagen nicht erscheinen.`,
    );
    // A report that is not public may name anyone.
    const internal = rule('no-staff-names-in-public-report').check(
      context((data) => {
        const report = data.reports[reportIndex(LATEST)]!;
        (report.text as Record<string, unknown>).preface = 'Frau Wiesenthal berichtet.';
        (report as { public: boolean }).public = false;
      }),
    );
    expect(internal).toEqual([]);
  });
  test('report-characters-drawable: a Chinese character and an emoji in a report\'s text, as kim report --format pdf would refuse them', () => {
    const ds = rule('report-characters-drawable').check(
      context((data) => {
        const text = data.reports[reportIndex(LATEST)]!.text as Record<string, unknown>;
        text.preface = `中 😀 中 ${String(text.preface)}`;
      }),
    );
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ severity: 'error', file: `reports/${LATEST}.yaml`, path: 'text.preface' });
    expect(ds[0]!.line).toBeGreaterThan(0);
    expect(ds[0]!.message).toMatch(/^Die Zeichen "中" \(U\+4E2D\), "😀" \(U\+1F600\) können im PDF nicht dargestellt werden: .* kim build erstellt standardmäßig auch das PDF/);
    // Umlauts, ß, typographic quotes, the euro sign, Greek, Cyrillic and Polish are drawn.
    const drawn = rule('report-characters-drawable').check(
      context((data) => ((data.reports[reportIndex(LATEST)]!.text as Record<string, unknown>).preface = 'Größe „ß“ – 55.000 € (Ελλάδα, Україна, Łódź)')),
    );
    expect(drawn).toEqual([]);
    // Refused only for its report: the others are still built.
    expect(rule('report-characters-drawable').scope).toBe('report-output');
  });
  test('shared-characters-drawable: a municipality\'s and a department\'s name, at their lines; a file path is not text', () => {
    const ds = rule('shared-characters-drawable').check(
      context((data) => {
        data.organisation.municipalities[0]!.name = 'Troisdorf 😀';
        data.organisation.departments[0]!.name = '中文 Amt';
        data.organisation.logo = { file: '中.png', alt: 'Wappen' };
      }),
    );
    expect(ds).toMatchObject([
      { severity: 'error', file: 'organisation.yaml', path: 'departments[0].name' },
      { severity: 'error', file: 'organisation.yaml', path: 'municipalities[0].name' },
    ]);
    expect(ds.map((d) => d.message.slice(0, 40)).sort()).toEqual(['Das Zeichen "😀" (U+1F600) kann im PDF n', 'Die Zeichen "中" (U+4E2D), "文" (U+6587) k']);
    expect(ds.every((d) => d.line > 0)).toBe(true);
    expect(rule('shared-characters-drawable').scope).toBeUndefined();
    // A meeting's outcome is printed too.
    const outcome = rule('shared-characters-drawable').check(context((data) => (data.meetings.steeringGroupMeetings[0]!.outcome = 'Ziele beschlossen ✅')));
    expect(outcome).toMatchObject([{ severity: 'error', file: 'meetings.yaml', path: 'steeringGroupMeetings[0].outcome' }]);
  });
  test('presenters-named: a staff id or a name, exactly one; a staff member with a name; a staff name typed in gets the hint', () => {
    const report = (data: Parameters<Parameters<typeof context>[0]>[0]) => data.reports[reportIndex(LATEST)]!;
    const ok = rule('presenters-named').check(context((data) => (report(data).presenters = [{ staff: 'm1-leitung', salutation: 'Frau' }, { name: 'Max Beispiel', salutation: 'Herr' }])));
    expect(ok).toEqual([]);
    const both = rule('presenters-named').check(context((data) => (report(data).presenters = [{ staff: 'm1-leitung', name: 'Max Beispiel' }])));
    expect(both).toMatchObject([{ severity: 'error', file: `reports/${LATEST}.yaml`, path: 'presenters[0]' }]);
    expect(both[0]!.message).toMatch(/^Der Eintrag nennt sowohl eine beschäftigte Person \(staff\) als auch einen Namen \(name\); erwartet wird genau eins/);
    const neither = rule('presenters-named').check(context((data) => (report(data).presenters = [{ salutation: 'Herr' }])));
    expect(neither[0]!.message).toMatch(/^Der Eintrag nennt weder eine beschäftigte Person \(staff\) noch einen Namen \(name\)/);
    const nameless = rule('presenters-named').check(
      context((data) => {
        delete data.staff.find((s) => s.id === 'm1-leitung')!.name;
        report(data).presenters = [{ staff: 'm1-leitung' }];
      }),
    );
    expect(nameless).toMatchObject([{ path: 'presenters[0].staff', message: 'Die Person "m1-leitung" hat in staff.yaml keinen Namen (name); ohne ihn kann die Vorlage sie nicht nennen.' }]);
    // A staff member's name typed in as a presenter's name is refused like any staff name, with the way to do it.
    const typed = rule('no-staff-names-in-public-report').check(context((data) => (report(data).presenters = [{ name: 'Andrea Wiesenthal', salutation: 'Frau' }])));
    expect(typed).toMatchObject([{ path: 'presenters[0].name' }]);
    expect(typed[0]!.message).toContain('Eine beschäftigte Person wird mit presenters[].staff (ihrer Kennung aus staff.yaml) genannt');
    // An unknown staff id is the references rule's, with a suggestion.
    const unknown = rule('known-references').check(context((data) => (report(data).presenters = [{ staff: 'm1-leitng' }])));
    expect(unknown).toMatchObject([{ path: 'presenters[0].staff' }]);
    expect(unknown[0]!.message).toContain('m1-leitung');
  });
  test('presenters-placed: presenters with an outline that does not place berichterstattung', () => {
    const report = (data: Parameters<Parameters<typeof context>[0]>[0]) => data.reports[reportIndex(LATEST)]!;
    // kim's own outline places it.
    expect(rule('presenters-placed').check(context((data) => (report(data).presenters = [{ staff: 'm1-leitung' }])))).toEqual([]);
    const own = (body: string[]) => (data: Parameters<Parameters<typeof context>[0]>[0]) => {
      report(data).presenters = [{ staff: 'm1-leitung' }];
      report(data).outline = [{ body: ['kopf', ...body] }];
      delete report(data).text; // its text blocks would need places of their own
    };
    expect(rule('presenters-placed').check(context(own(['berichterstattung'])))).toEqual([]);
    const missing = rule('presenters-placed').check(context(own(['schlusszeile'])));
    expect(missing).toMatchObject([{ severity: 'error', file: `reports/${LATEST}.yaml`, path: 'presenters' }]);
    expect(missing[0]!.message).toBe(
      'Der Faktenbaustein berichterstattung steht nirgends in der Gliederung der Vorlage (outline); wer berichtet (presenters), würde nicht gedruckt. Erwartet wird "berichterstattung" in einem Abschnitt der Gliederung, oder presenters entfällt.',
    );
  });
  test('staff-within-employer-posts: the staff of an employer against the plan parts that name it', () => {
    // Modul 1, planned at 3.5: the Kreisverwaltung has 1 from 2021, 3 from 10.01.2022; the Stadt Troisdorf 0.5.
    const split = (kreis: number, stadt: number) => [
      { fte: kreis, label: 'Koordinierung bei der Kreisverwaltung', employer: 'kreisverwaltung' },
      { fte: stadt, label: 'Koordinierung in der Stadt Troisdorf', employer: 'stadt-troisdorf' },
    ];
    const fits = rule('staff-within-employer-posts').check(context((data) => (data.programme.modules[0]!.plannedFte[0]!.parts = split(3, 0.5))));
    expect(fits).toEqual([]);
    // Plan parts without an employer limit nobody (the data as before).
    expect(rule('staff-within-employer-posts').check(context((data) => (data.programme.modules[0]!.plannedFte[0]!.parts = [{ fte: 1, label: 'A' }, { fte: 2.5, label: 'B' }])))).toEqual([]);
    // Half a post moved to the town on paper: the Kreis's third hire of 10.01.2022 is above its 2,5.
    const over = rule('staff-within-employer-posts').check(context((data) => (data.programme.modules[0]!.plannedFte[0]!.parts = split(2.5, 1))));
    expect(over).toHaveLength(1);
    expect(over[0]).toMatchObject({ severity: 'warning', file: 'staff.yaml' });
    expect(over[0]!.path).toMatch(/^staff\[\d+\]\.fte$/);
    expect(over[0]!.message).toBe(
      'Am 10.01.2022 sind im Modul 1 (modul-1) bei der Kreisverwaltung 3 VZÄ besetzt, geplant sind dort nur 2,5 VZÄ (programme.yaml, modules[0].plannedFte[0].parts, employer: kreisverwaltung).',
    );
    // A later plan period that gives the town less than it has: at the plan part, on the day it begins.
    const cut = rule('staff-within-employer-posts').check(
      context((data) => {
        const module = data.programme.modules[0]!;
        module.plannedFte[0]!.parts = split(3, 0.5);
        module.plannedFte.push({ from: '2023-01-01', fte: 3.5, parts: [{ fte: 3.25, label: 'Kreis', employer: 'kreisverwaltung' }, { fte: 0.25, label: 'Stadt', employer: 'stadt-troisdorf' }] });
      }),
    );
    expect(cut).toMatchObject([{ severity: 'warning', file: 'programme.yaml', path: 'modules[0].plannedFte[1].parts[1].fte' }]);
    expect(cut[0]!.message).toBe(
      'Am 01.01.2023 sind im Modul 1 (modul-1) in der Stadt Troisdorf 0,5 VZÄ besetzt, geplant sind dort nur 0,25 VZÄ (programme.yaml, modules[0].plannedFte[1].parts, employer: stadt-troisdorf).',
    );
    // An unknown employer in a plan part is the references rule's.
    const unknown = rule('known-references').check(context((data) => (data.programme.modules[0]!.plannedFte[0]!.parts = [{ fte: 3, label: 'A', employer: 'kreisverwaltng' }, { fte: 0.5, label: 'B' }])));
    expect(unknown).toMatchObject([{ path: 'modules[0].plannedFte[0].parts[0].employer' }]);
    expect(unknown[0]!.message).toContain('kreisverwaltung');
  });
  test('fte-changes-within-employment: after the start, not after the end, one per day', () => {
    const ds = rule('fte-changes-within-employment').check(
      context((data) => {
        const s = data.staff.find((p) => p.id === 'm1-leitung')!;
        s.end = '2023-12-31';
        s.fteChanges = [{ from: '2021-04-01', fte: 0.5 }, { from: '2024-01-01', fte: 0.5 }, { from: '2022-06-01', fte: 0.5 }, { from: '2022-06-01', fte: 0.8 }];
      }),
    );
    expect(ds.map((d) => [d.path, d.message])).toEqual([
      ['staff[0].fteChanges[0].from', expect.stringContaining('am 01.04.2021 liegt nicht nach dem Beginn (01.04.2021)')],
      ['staff[0].fteChanges[1].from', expect.stringContaining('am 01.01.2024 liegt nach dem Ende (31.12.2023)')],
      ['staff[0].fteChanges[3].from', expect.stringContaining('Für den 01.06.2022 gibt es schon eine Änderung des Stellenanteils')],
    ]);
  });
  test('assignment-shares-within-post: against the post of the day, also after it was reduced', () => {
    const ds = rule('assignment-shares-within-post').check(
      context((data) => {
        const a = data.assignments.find((x) => x.staff === 'cm-alfter')!;
        a.fte = 0.5; // Alfter and Swisttal, 0.5 each: the whole post
        data.staff.find((s) => s.id === 'cm-alfter')!.fteChanges = [{ from: '2022-09-01', fte: 0.5 }];
      }),
    );
    expect(ds).toHaveLength(1);
    expect(ds[0]!.message).toContain('Ab dem 01.09.2022 sind "cm-alfter" Anteile von zusammen 1 zugeordnet, die Stelle hat nur 0,5');
  });
  test('previous-session-called-last: "der letzten Ausschuss-Sitzung am {letzteSitzung}" after a session in between', () => {
    const withSession = (date: string) =>
      rule('previous-session-called-last').check(context((data) => data.meetings.sessions.push({ id: `asi-${date}`, committee: 'asi', date, public: true })));
    const ds = withSession('2022-01-19');
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ severity: 'warning', path: 'text.preface' });
    expect(ds[0]!.message).toBe(
      '"letzten Ausschuss-Sitzung am {letzteSitzung}": {letzteSitzung} ist die Sitzung am 16.11.2021, aber der Ausschuss hat danach am 19.01.2022 getagt; sie ist nicht die letzte. Erwartet wird etwa "seit der Ausschusssitzung am {letzteSitzung}".',
    );
    // A session of the committee after this report's session changes nothing.
    expect(withSession('2022-05-04')).toEqual([]);
    // Nor is a report a later one continues from warned about: it has been presented.
    const continued = rule('previous-session-called-last').check(
      context((data) => {
        data.meetings.sessions.push({ id: 'asi-2022-01-19', committee: 'asi', date: '2022-01-19', public: true });
        data.meetings.sessions.push({ id: 'asi-2022-06-22', committee: 'asi', date: '2022-06-22', public: true });
        const latest = data.reports[reportIndex(LATEST)]!;
        data.reports.push({ ...structuredClone(latest), id: '2022-06-22-kim-sachstand', stand: '2022-06-01', consultations: [{ session: 'asi-2022-06-22', role: 'Kenntnisnahme' }], text: {} });
      }),
    );
    expect(continued).toEqual([]);
  });
  test('previous-session-called-last: the previous session\'s own committee counts, named in its own words', () => {
    const kreistag = (data: Dataset) => {
      data.organisation.committees.push({ id: 'kt', name: 'Kreistag', genitive: 'des Kreistages' });
      data.meetings.sessions.push({ id: 'kt-2021-11-18', committee: 'kt', date: '2021-11-18', public: true });
      data.reports[reportIndex('2021-11-16-kim-sachstand')]!.consultations = [{ session: 'kt-2021-11-18', role: 'Kenntnisnahme' }];
    };
    const ds = rule('previous-session-called-last').check(
      context((data) => {
        kreistag(data);
        data.meetings.sessions.push({ id: 'kt-2022-02-10', committee: 'kt', date: '2022-02-10', public: true });
      }),
    );
    expect(ds.map((d) => d.message)).toEqual([
      '"letzten Ausschuss-Sitzung am {letzteSitzung}": {letzteSitzung} ist die Sitzung am 18.11.2021, aber das Gremium "Kreistag" hat danach am 10.02.2022 getagt; sie ist nicht die letzte. Erwartet wird etwa "seit der Sitzung des Kreistages am {letzteSitzung}".',
    ]);
    // A session of this report's committee in between does not make the Kreistag's session any less its last.
    const ausschuss = rule('previous-session-called-last').check(
      context((data) => {
        kreistag(data);
        data.meetings.sessions.push({ id: 'asi-2022-01-19', committee: 'asi', date: '2022-01-19', public: true });
      }),
    );
    expect(ausschuss).toEqual([]);
  });
  test('date-between-stand-and-session: after the session an error, before the Stand a warning', () => {
    const dated = (date: string) => rule('date-between-stand-and-session').check(context((data) => (data.reports[reportIndex(LATEST)]!.date = date)));
    expect(dated('2022-03-17').map((d) => [d.severity, d.path, d.message])).toEqual([
      ['error', 'date', 'Das Datum der Vorlage (17.03.2022) liegt nach ihrer Sitzung am 16.03.2022; erwartet wird ein Datum spätestens am Sitzungstag.'],
    ]);
    expect(dated('2022-02-27').map((d) => [d.severity, d.message])).toEqual([
      ['warning', 'Das Datum der Vorlage (27.02.2022) liegt vor ihrem Datenstand (01.03.2022); ist es das Datum einer früheren Vorlage? Erwartet wird ein Datum ab dem Datenstand.'],
    ]);
    expect(dated('2022-03-01')).toEqual([]);
    expect(dated('2022-03-16')).toEqual([]);
  });
  test('statement-slots-known: {dat} suggests {date}', () => {
    const [d] = rule('statement-slots-known').check(
      context((data) => {
        const role = data.programme.roles.find((r) => r.statement)!;
        role.statement!.one = 'Seit dem {dat} arbeitet {who}.';
      }),
    );
    expect(d!.message).toBe('Unbekannter Platzhalter {dat}. Meinten Sie {date}? Erlaubt: {date}, {who}, {employer}, {which}, {all}, {pronoun}, {Pronoun}, {fte}.');
    expect(d!.path).toMatch(/^roles\[\d+\]\.statement\.one$/);
  });
  test('statement-slots-known: a known slot with an argument is refused', () => {
    const [d] = rule('statement-slots-known').check(context((data) => (data.programme.roles.find((r) => r.statement)!.statement!.many = '{date:x}')));
    expect(d!.message).toContain('{date:x}');
  });
  test('stand-before-session', () => {
    const [d] = rule('stand-before-session').check(context((data) => (data.reports[reportIndex(LATEST)]!.stand = '2022-03-17')));
    expect(d!.message).toBe('Der Datenstand 17.03.2022 liegt nach der Sitzung am 16.03.2022; erwartet wird ein Stand spätestens am Sitzungstag.');
    expect(d!.path).toBe('stand');
  });
  test('neutral-plural-given: two people of gender d in a role with a pair plural need plural.d', () => {
    const twoD = (data: Dataset) => {
      const cms = data.staff.filter((s) => s.role === 'case-manager');
      cms[0]!.gender = 'd';
      cms[1]!.gender = 'd';
    };
    const [d, ...more] = rule('neutral-plural-given').check(context(twoD));
    expect(more).toEqual([]);
    expect(d).toMatchObject({ severity: 'error', file: 'programme.yaml', path: expect.stringMatching(/^roles\[\d+\]\.forms\.plural$/) });
    expect(d!.message).toMatch(/^Die Rolle "case-manager" hat 2 Personen mit Geschlecht d \(staff\.yaml: [a-z0-9-]+, [a-z0-9-]+\), aber keine Mehrzahl für sie: "Case Managerinnen und Case Manager" nennt Frauen und Männer\. Erwartet wird die Mehrzahl von "Case-Management-Fachkraft" unter forms\.plural\.d\.$/);
    const given = (data: Dataset) => {
      twoD(data);
      data.programme.roles.find((r) => r.id === 'case-manager')!.forms.plural.d = 'Case-Management-Fachkräfte';
    };
    expect(rule('neutral-plural-given').check(context(given))).toEqual([]);
  });
  test('funding-rate-known', () => {
    const [d] = rule('funding-rate-known').check(context((data) => (data.programme.fundingRates = data.programme.fundingRates.filter((f) => f.year !== 2022))));
    expect(d!.message).toContain('Für das Jahr 2022 des Datenstands ist in programme.yaml (fundingRates) keine Förderung je VZÄ hinterlegt');
  });
  test('known-template', () => {
    const [d] = rule('known-template').check(context((data) => (data.reports[0]!.template = 'sachstnd')));
    expect(d!.message).toBe('Unbekanntes Vorlagenmuster "sachstnd". Meinten Sie "sachstand"? Vorhanden: sachstand (templates/<name>.md.hbs).');
  });
  test('text-slots-resolve: unknown attachment id', () => {
    const [d] = rule('text-slots-resolve').check(context((data) => (data.reports[0]!.text = { closing: 'Siehe {anlage:plan}.' })));
    expect(d!.message).toContain('{anlage:plan} verweist auf keine Anlage dieser Vorlage.');
    expect(d!.path).toBe('text.closing');
  });
  test('text-slots-resolve: unknown slot name', () => {
    const [d] = rule('text-slots-resolve').check(context((data) => (data.reports[0]!.text = { closing: 'Am {datum}.' })));
    expect(d!.message).toBe(`Unbekannter Platzhalter {datum}. Erlaubt sind in Textbausteinen ${SLOT_LIST}.`);
    expect(SLOT_LIST).toMatch(/^\{anlage:KENNUNG\}, \{letzteSitzung\}, \{letzteVorlage\}, \{sitzung\}, \{stand\}, .*\{geplant\}, \{geplant:MODUL\}, /);
  });
  test('text-slots-resolve: a slot in a module text block, located there', () => {
    const [d] = rule('text-slots-resolve').check(context((data) => (data.reports[reportIndex(LATEST)]!.text!.modules!['modul-2']!.work = 'Seit dem {letzteSitzng}.')));
    expect(d!.message).toContain('Meinten Sie {letzteSitzung}?');
    expect(d!.path).toBe('text.modules.modul-2.work');
    expect(d!.line).toBeGreaterThan(1);
  });
  describe('text-slots-resolve: fact slots (fact-slots.ts)', () => {
    const closing = (text: string, id = LATEST) => (data: Dataset) => (data.reports[reportIndex(id)]!.text = { closing: text });
    // Names, arguments and the previous report: text-slots-resolve; values that need the data: text-slots-have-values.
    const messages = (ctx: RuleContext<DataPart>) => [...rule('text-slots-resolve').check(ctx), ...rule('text-slots-have-values').check(ctx)].map((d) => d.message);
    test('every slot with its module, on a report that has all the facts, passes', () => {
      const text = 'Im {modul:modul-1} ({modulname:modul-1}) sind {besetzt:modul-1} von {geplant:modul-1} besetzt, {offen} offen, {foerderung} bei {foerdersatz} ({foerderjahr}); {eingestellt}, {ausgeschieden:modul-2}, {kommunen:modul-2}, {anzahlKommunen}, {vereinbarungen}, {lenkungsgruppensitzungen}, {gremium}, {letztesGremium}.';
      expect(messages(context(closing(text)))).toEqual([]);
    });
    test('a misspelt name: the slot meant and the list of all', () => {
      expect(messages(context(closing('{geplannt:modul-1}')))).toEqual([`Unbekannter Platzhalter {geplannt:modul-1}. Meinten Sie {geplant}? Erlaubt sind in Textbausteinen ${SLOT_LIST}.`]);
    });
    test('an unknown module, with the module meant and the ids of programme.yaml', () => {
      expect(messages(context(closing('{besetzt:modul1}')))).toEqual(['{besetzt:modul1} nennt kein Modul aus programme.yaml. Meinten Sie "modul-1"? Module: modul-1, modul-2, modul-3.']);
    });
    test('a module slot without its module, and a module on a slot that takes none', () => {
      expect(messages(context(closing('{modul} und {stand:modul-1}')))).toEqual([
        'Der Platzhalter {modul} nennt ein Modul; erwartet wird {modul:MODUL} mit einem von modul-1, modul-2, modul-3.',
        'Der Platzhalter {stand} nimmt keine Kennung nach dem Doppelpunkt; erwartet wird {stand}.',
      ]);
    });
    test('no value at the Stand: a module without a plan, without anyone assigned to a municipality; counts since a previous report in a first one', () => {
      expect(messages(context(closing('{offen:modul-3} {foerderung:modul-3} {kommunen:modul-3} {besetzt:modul-3}')))).toEqual([
        '{offen:modul-3} hat in dieser Vorlage keinen Wert: das Modul "modul-3" hat am 01.03.2022 noch keinen Plan (plannedFte in programme.yaml); einen Plan haben modul-1 und modul-2.',
        '{foerderung:modul-3} hat in dieser Vorlage keinen Wert: das Modul "modul-3" hat am 01.03.2022 noch keinen Plan (plannedFte in programme.yaml); einen Plan haben modul-1 und modul-2.',
        '{kommunen:modul-3} hat in dieser Vorlage keinen Wert: am 01.03.2022 ist im Modul "modul-3" niemand einer Kommune zugeordnet (assignments.yaml); zugeordnet ist Personal in modul-1 und modul-2.',
      ]);
      expect(messages(context(closing('{ausgeschieden:modul-2}, {letztesGremium}', '2021-11-16-kim-sachstand')))).toEqual([
        '{ausgeschieden:modul-2} hat in dieser Vorlage keinen Wert: er zählt das Ausscheiden seit der vorigen Vorlage, aber diese Vorlage hat keine vorige (erste Vorlage).',
        '{letztesGremium} hat in dieser Vorlage keinen Wert: er nennt das Gremium der vorigen Vorlage, aber diese Vorlage hat keine vorige (erste Vorlage).',
      ]);
    });
    test('no value: no plan in any module, no funding rate for the year, no steering group', () => {
      const none = context((data) => {
        closing('{geplant} {foerdersatz} {lenkungsgruppensitzungen}')(data);
        for (const m of data.programme.modules) m.plannedFte = [];
        data.programme.fundingRates = data.programme.fundingRates.filter((r) => r.year !== 2022);
        delete data.programme.steeringGroup;
      });
      expect(messages(none)).toEqual([
        '{geplant} hat in dieser Vorlage keinen Wert: kein Modul hat am 01.03.2022 einen Plan (plannedFte in programme.yaml).',
        '{foerdersatz} hat in dieser Vorlage keinen Wert: programme.yaml nennt keinen Fördersatz für 2022 (fundingRates).',
        '{lenkungsgruppensitzungen} hat in dieser Vorlage keinen Wert: programme.yaml nennt keine Lenkungsgruppe (steeringGroup).',
      ]);
    });
    test('judged only on data that passed its schema: modules of a broken programme.yaml, values with a broken file, a first report beside a broken report file', () => {
      const brokenModules = { ...context(closing('{geplant:modul-9}')), validAt: brokenAt('programme', '/modules') };
      expect(messages(brokenModules)).toEqual([]);
      // The values are judged by a rule that needs every data file, so it does not run when one is broken.
      expect(rule('text-slots-have-values').needs).toEqual(['organisation', 'programme', 'staff', 'assignments', 'meetings']);
      expect(rule('text-slots-resolve').check(context(closing('{kommunen:modul-3}')))).toEqual([]);
      // Another report file has errors: it may be the previous one (kim build then names it and leaves this report out).
      expect(messages({ ...context(closing('{eingestellt}', '2021-11-16-kim-sachstand')), otherReportFiles: true })).toEqual([]);
    });
  });
  test('text-slots-resolve: {letzteSitzung} in a first report', () => {
    const [d] = rule('text-slots-resolve').check(context((data) => (data.reports[reportIndex('2021-11-16-kim-sachstand')]!.text!.preface = 'Seit dem {letzteSitzung}.')));
    expect(d!.message).toBe('{letzteSitzung} hat in dieser Vorlage keinen Wert: er nennt die Sitzung der vorigen Vorlage, aber diese Vorlage hat keine vorige (erste Vorlage).');
  });
  test('text-slots-resolve: {letzteVorlage} needs a previous report with a Drucksachennummer', () => {
    const first = rule('text-slots-resolve').check(context((data) => (data.reports[reportIndex('2021-11-16-kim-sachstand')]!.text!.preface = 'Auf die Vorlage {letzteVorlage} wird verwiesen.')));
    expect(first.map((d) => d.message)).toEqual(['{letzteVorlage} hat in dieser Vorlage keinen Wert: er nennt die Drucksachennummer der vorigen Vorlage, aber diese Vorlage hat keine vorige (erste Vorlage).']);
    const noReference = rule('text-slots-resolve').check(context((data) => (data.reports[reportIndex(LATEST)]!.text!.preface = 'Auf die Vorlage {letzteVorlage} wird verwiesen.')));
    expect(noReference.map((d) => d.message)).toEqual([
      '{letzteVorlage} hat in dieser Vorlage keinen Wert: die vorige Vorlage "2021-11-16-kim-sachstand" hat keine Drucksachennummer; erwartet wird reference in ihrer Datei oder die Nummer im Text.',
    ]);
    const withReference = rule('text-slots-resolve').check(
      context((data) => {
        data.reports[reportIndex('2021-11-16-kim-sachstand')]!.reference = '0815/2021';
        data.reports[reportIndex(LATEST)]!.text!.preface = 'Auf die Vorlage {letzteVorlage} wird verwiesen.';
      }),
    );
    expect(withReference).toEqual([]);
  });
  test.each([
    ['**1**/21', 'ein Sternchen (dort Fettdruck)'],
    ['197/21\n\n- Liste', 'einen Zeilenumbruch (dort ein neuer Absatz oder eine neue Zeile)'],
    ['1. 197/21', 'am Anfang ein Listenzeichen (dort eine Aufzählung)'],
  ])('text-slots-resolve: {letzteVorlage} would put the Markdown of reference %j into the text', (reference, markup) => {
    const ds = rule('text-slots-resolve').check(
      context((data) => {
        data.reports[reportIndex('2021-11-16-kim-sachstand')]!.reference = reference;
        data.reports[reportIndex(LATEST)]!.text!.preface = '{letzteVorlage} wird verwiesen.';
      }),
    );
    expect(ds.map((d) => d.message)).toEqual([
      `{letzteVorlage} setzt die Drucksachennummer "${reference.replace(/\s+/g, ' ')}" der vorigen Vorlage "2021-11-16-kim-sachstand" in den Textbaustein ein; sie enthält ${markup}. Erwartet wird eine Nummer in einer Zeile ohne * (reference in ihrer Datei), oder die Nummer im Text.`,
    ]);
  });
  test('text-modules-known: a misspelt module id', () => {
    const [d] = rule('text-modules-known').check(context((data) => (data.reports[reportIndex(LATEST)]!.text!.modules = { 'modul-22': { work: 'x' } })));
    expect(d!.message).toBe('Unbekanntes Modul "modul-22" in text.modules. Meinten Sie "modul-2"? Module in programme.yaml: modul-1, modul-2, modul-3.');
  });
  test('steering-group-text-has-group: a steering-group text without a steering group', () => {
    const [d] = rule('steering-group-text-has-group').check(context((data) => delete data.programme.steeringGroup));
    expect(d).toMatchObject({ path: 'text.steeringGroup', severity: 'error' });
    expect(d!.message).toContain('programme.yaml nennt keine (steeringGroup)');
  });
  test('known-paper-type: the Kreis\'s own list, with a hint', () => {
    const [d] = rule('known-paper-type').check(context((data) => (data.reports[0]!.paperType = 'Mitteilungsvorlag')));
    expect(d!.message).toBe('Unbekannte Vorlagenart "Mitteilungsvorlag". Meinten Sie "Mitteilungsvorlage"? Erwartet wird eine aus organisation.yaml (paperTypes): Mitteilungsvorlage, Beschlussvorlage, Sitzungsvorlage.');
    expect(rule('known-paper-type').check(context((data) => {
      data.organisation.paperTypes.push({ name: 'Berichtsvorlage' });
      data.reports[0]!.paperType = 'Berichtsvorlage';
    }))).toEqual([]);
  });
  test('resolution-given: a Beschlussvorlage without Beschlussvorschlag', () => {
    const [d] = rule('resolution-given').check(context((data) => (data.reports[0]!.paperType = 'Beschlussvorlage')));
    expect(d!.message).toBe('Eine Beschlussvorlage braucht einen Beschlussvorschlag; erwartet wird text.resolution mit dem Wortlaut des Beschlusses.');
    expect(d!.path).toBe('paperType');
  });
  test('known-consultation-role: the defaults, or the Kreis\'s own', () => {
    const [d] = rule('known-consultation-role').check(context((data) => (data.reports[0]!.consultations[0]!.role = 'Beschlussfassung')));
    expect(d!.message).toBe('Unbekannte Zuständigkeit "Beschlussfassung". Erwartet wird eine von: Kenntnisnahme, Vorberatung, Anhörung, Entscheidung.');
    expect(rule('known-consultation-role').check(context((data) => {
      data.organisation.consultationRoles = [{ name: 'Beschlussfassung', authoritative: true }, { name: 'Kenntnisnahme' }];
      data.reports[0]!.consultations[0]!.role = 'Beschlussfassung';
    }))).toEqual([]);
  });
  test.each([
    ['outside', 'logo.png', 'führt aus dem Datenordner hinaus'],
    ['missing', 'logo.png', 'Die Logodatei "logo.png" gibt es im Datenordner nicht.'],
    ['ok', 'logo.gif', 'ist keine PNG- oder JPEG-Datei'],
    ['ok', 'logo.png', 'Logo "logo.png": Das Logo ist keine PNG-Datei. Erwartet wird ein PNG- oder RGB-JPEG-Bild.'],
  ] as const)('logo-file-inside: %s %s', (state, file, message) => {
    const ctx = context((data) => (data.organisation.letterhead = { logo: { file, alt: 'Wappen' } }), { [file]: state }, { [file]: new TextEncoder().encode('kein Bild') });
    const [d] = rule('logo-file-inside').check(ctx);
    expect(d!.message).toContain(message);
  });
  test.each([
    ['missing', 'kreis.docx', 'Die Word-Vorlage "kreis.docx" gibt es im Datenordner nicht.', 'error'],
    ['ok', 'kreis.doc', 'ist keine Word-Datei; erwartet wird eine Datei mit der Endung .docx oder .dotx.', 'error'],
    ['ok', 'kreis.docx', 'Word-Vorlage "kreis.docx": Die Datei ist keine ZIP-Datei', 'error'],
  ] as const)('word-template-usable: %s %s', (state, file, message, severity) => {
    const ctx = context((data) => (data.organisation.wordTemplate = file), { [file]: state }, { [file]: new TextEncoder().encode('kein Word') });
    const [d] = rule('word-template-usable').check(ctx);
    expect(d!.message).toContain(message);
    expect([d!.severity, d!.path]).toEqual([severity, 'wordTemplate']);
  });
  test('word-template-usable: the test fixture template passes, with a warning for the two styles it lacks', () => {
    const file = 'kreis-vorlage.docx';
    const bytes = new Uint8Array(readFileSync(join(packageRoot, 'test', 'fixtures', 'word-template', file)));
    const ds = rule('word-template-usable').check(context((data) => (data.organisation.wordTemplate = file), { [file]: 'ok' }, { [file]: bytes }));
    expect(ds.map((d) => [d.severity, d.message])).toEqual([['warning', expect.stringContaining('fehlen die Formatvorlagen „Überschrift 3“, „Listenabsatz“; kim nimmt dafür seine eigenen.')]]);
    expect(rule('word-template-usable').check(context())).toEqual([]);
  });
  test('plan-parts-add-up: parts that do not make the total', () => {
    const ds = rule('plan-parts-add-up').check(context((data) => {
      data.programme.modules[0]!.plannedFte = [{ from: '2021-01-01', fte: 4, parts: [{ fte: 3, label: 'Koordinierung' }, { fte: 0.5, label: 'Verwaltungsassistenz' }] }];
    }));
    expect(ds.map((d) => d.message)).toEqual(['Die Teile des Plans ergeben 3,5, der Plan nennt 4; erwartet wird, dass fte die Summe der Teile ist.']);
    expect(ds[0]!.path).toBe('modules[0].plannedFte[0].fte');
  });
  test('group-genus-matches-genitive: "des Arbeitskreises" without genus would print "Die Arbeitskreis … ihrer"', () => {
    const ds = rule('group-genus-matches-genitive').check(context((data) => {
      data.programme.groups = [{ id: 'ak', name: 'Arbeitskreis', genitive: 'des Arbeitskreises', module: 'modul-2' }];
      data.programme.steeringGroup = { name: 'Lenkungsgruppe', genitive: 'der Lenkungsgruppe', genus: 'masculine' };
    }));
    expect(ds.map((d) => [d.path, d.message])).toEqual([
      ['steeringGroup.genus', 'Das Genus von "Lenkungsgruppe" passt nicht zum Genitiv "der Lenkungsgruppe": "der" im Genitiv passt zu feminine, genus ist masculine. Erwartet wird genus: masculine oder neuter zu "des …", feminine (oder keine Angabe) zu "der …".'],
      ['groups[0].genitive', 'Das Genus von "Arbeitskreis" passt nicht zum Genitiv "des Arbeitskreises": "des" im Genitiv passt zu masculine oder neuter, ohne genus gilt feminine. Erwartet wird genus: masculine oder neuter zu "des …", feminine (oder keine Angabe) zu "der …".'],
    ]);
  });
  test('one-meeting-per-day: per group, by its name; another group may meet that day', () => {
    const ds = rule('one-meeting-per-day').check(context((data) => {
      data.programme.groups = [{ id: 'kg', name: 'Koordinierungsgruppe', genitive: 'der Koordinierungsgruppe', module: 'modul-2' }, { id: 'ag', name: 'Arbeitsgruppe', genitive: 'der Arbeitsgruppe', module: 'modul-2' }];
      data.meetings.groupMeetings = [
        { id: 'kg-1', group: 'kg', date: '2022-01-25', kind: 'konstituierend' },
        { id: 'ag-1', group: 'ag', date: '2022-01-25', kind: 'konstituierend' },
        { id: 'kg-2', group: 'kg', date: '2022-01-25', kind: 'ordentlich' },
      ];
    }));
    expect(ds.map((d) => [d.path, d.message.replace(/ \(.*?\)/, '')])).toEqual([
      ['groupMeetings[2].date', 'Am 25.01.2022 gibt es schon eine Sitzung für "Koordinierungsgruppe"; je Tag ist eine erlaubt. Bitte einen der beiden Einträge löschen oder das Datum berichtigen.'],
    ]);
  });
  test('assignment-shares-within-post: 0,5 for each of three municipalities is more than one post', () => {
    const [d] = rule('assignment-shares-within-post').check(context((data) => (data.assignments.find((a) => a.staff === 'cm-koenigswinter')!.fte = 0.5)));
    expect(d!.message).toBe('Ab dem 15.10.2021 sind "cm-koenigswinter" Anteile von zusammen 1,5 zugeordnet, die Stelle hat nur 1 (staff.yaml); der Anteil gilt je genannter Kommune.');
    expect(d!.path).toMatch(/^assignments\[\d+\]\.fte$/);
  });
  test('listed-staff-assigned: a new case manager without a municipality is a warning', () => {
    const [d] = rule('listed-staff-assigned').check(context((data) => (data.assignments = data.assignments.filter((a) => a.staff !== 'cm-lohmar'))));
    expect(d).toMatchObject({ severity: 'warning', file: 'staff.yaml' });
    expect(d!.message).toBe('"cm-lohmar" ist am Datenstand 01.03.2022 der Vorlage 2022-03-16-kim-sachstand keiner Kommune zugeordnet; die Vorlage nennt bei dieser Person "noch keiner Kommune zugeordnet". Erwartet wird ein Eintrag in assignments.yaml.');
  });
  test('listed-staff-assigned: not for a presented report, one a later report continues from', () => {
    const ds = rule('listed-staff-assigned').check(
      context((data) => {
        data.assignments = data.assignments.filter((a) => a.staff !== 'cm-lohmar');
        data.meetings.sessions.push({ id: 'asi-2022-06-22', committee: 'asi', date: '2022-06-22', public: true });
        const latest = data.reports[reportIndex(LATEST)]!;
        data.reports.push({ ...structuredClone(latest), id: '2022-06-22-kim-sachstand', stand: '2022-06-01', consultations: [{ session: 'asi-2022-06-22', role: 'Kenntnisnahme' }] });
      }),
    );
    expect(ds).toEqual([]);
  });
  test('listed-staff-assigned: quotes the Vorlage in its own words for a Stadt\'s Stadtteile', () => {
    const [d] = rule('listed-staff-assigned').check(
      context((data) => {
        data.assignments = data.assignments.filter((a) => a.staff !== 'cm-lohmar');
        data.organisation.municipalityWord = { singular: 'Stadtteil', plural: 'Stadtteile', genus: 'masculine' };
      }),
    );
    expect(d!.message).toContain('keinem Stadtteil zugeordnet; die Vorlage nennt bei dieser Person "noch keinem Stadtteil zugeordnet".');
  });
  test.each([
    ['outside', 'führt aus dem Datenordner hinaus'],
    ['missing', 'gibt es im Datenordner nicht'],
  ] as const)('attachment-files-inside: %s', (state, message) => {
    const ctx = context((data) => (data.reports[reportIndex(LATEST)]!.attachments = [{ id: 'a', title: 'A', file: 'x.pdf' }]), { 'x.pdf': state });
    const [d] = rule('attachment-files-inside').check(ctx);
    expect(d!.message).toContain(message);
    expect(d!.path).toBe('attachments[0].file');
  });
  test('previous-report-earlier: unknown id with a hint', () => {
    const [d] = rule('previous-report-earlier').check(context((data) => (data.reports[reportIndex(LATEST)]!.previousReport = '2021-11-16-kim-sachstnd')));
    expect(d!.message).toBe('Unbekannte Vorlage "2021-11-16-kim-sachstnd". Meinten Sie "2021-11-16-kim-sachstand"?');
  });
  test('previous-report-earlier: a previous report that is not earlier', () => {
    const [d] = rule('previous-report-earlier').check(context((data) => (data.reports[reportIndex('2021-11-16-kim-sachstand')]!.previousReport = LATEST)));
    expect(d!.message).toContain(`Die vorige Vorlage "${LATEST}" hat den Datenstand 01.03.2022, nicht früher als diese (01.10.2021); erwartet wird eine Vorlage mit früherem Datenstand.`);
  });
  test('previous-report-earlier: a report that names itself as its previous report is told so', () => {
    const ds = rule('previous-report-earlier').check(context((data) => (data.reports[reportIndex(LATEST)]!.previousReport = LATEST)));
    expect(ds.map((d) => [d.path, d.message])).toEqual([['previousReport', 'Die Vorlage nennt sich selbst als vorige Vorlage; erwartet wird die Kennung einer früheren Vorlage (oder kein previousReport: dann gilt die mit dem letzten früheren Datenstand).']]);
  });
  test('previous-session-earlier: the report with the latest earlier Stand is for a later session', () => {
    const [d, ...rest] = rule('previous-session-earlier').check(context((data) => (data.reports[reportIndex(LATEST)]!.stand = '2021-09-01')));
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ file: 'reports/2021-11-16-kim-sachstand.yaml', path: 'stand', severity: 'error' });
    expect(d!.message).toMatch(/^Die vorige Vorlage "2022-03-16-kim-sachstand" \(Datenstand 01\.09\.2021, reports\/2022-03-16-kim-sachstand\.yaml:\d+:\d+\) ist für die Sitzung am 16\.03\.2022, nach der Sitzung dieser Vorlage am 16\.11\.2021/);
  });
  test('no-thousands-separator: a number written 55.000 where an amount belongs, not an FTE written 1.000', () => {
    const ctx = context();
    const programme = { ...ctx.sources.programme!, numberTexts: new Map([['/fundingRates/1/amount', '55.000'], ['/modules/0/plannedFte/0/fte', '1.000'], ['/modules/0/number', '1.0']]) };
    const [d, ...rest] = rule('no-thousands-separator').check({ ...ctx, sources: { ...ctx.sources, programme } });
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ file: 'programme.yaml', path: 'fundingRates[1].amount' });
    expect(d!.message).toContain('Gemeint ist wohl 55000: bitte ohne Punkt schreiben, amount: 55000');
  });
  test('one-funding-rate-per-year: the second rate for a year, naming the first', () => {
    const [d, ...rest] = rule('one-funding-rate-per-year').check(context((data) => data.programme.fundingRates.push({ year: 2021, amount: 60000 })));
    expect(rest).toEqual([]);
    expect(d!.path).toBe(`fundingRates[2].year`);
    expect(d!.message).toMatch(/^Für das Jahr 2021 gibt es schon eine Förderung je VZÄ \(programme\.yaml:\d+:\d+\)/);
  });
  test('one-planned-fte-per-day: two figures from the same day', () => {
    const [d] = rule('one-planned-fte-per-day').check(context((data) => data.programme.modules[1]!.plannedFte.push({ from: '2021-01-01', fte: 13 })));
    expect(d!.path).toBe('modules[1].plannedFte[1].from');
    expect(d!.message).toContain('Für modul-2 gibt es ab dem 01.01.2021 schon geplante VZÄ');
  });
  test('slots-well-formed: report text at any depth and role statements', () => {
    const ds = rule('slots-well-formed').check(
      context((data) => {
        (data.reports[0] as { text: unknown }).text = { module2: { staff: ['Siehe {anlage: plan}.'] } };
        data.programme.roles.find((r) => r.statement)!.statement!.one = 'Seit dem { date} arbeitet {who}.';
      }),
    );
    expect(ds.map((d) => [d.path, d.message.split(' ist kein')[0]])).toEqual([
      ['text.module2.staff[0]', '"{anlage: plan}"'],
      [expect.stringMatching(/^roles\[\d+\]\.statement\.one$/), '"{ date}"'],
    ]);
  });
  test('slots-well-formed: Handlebars braces in a text block are one problem, with the slot meant only when kim has it', () => {
    const check = (closing: string) => rule('slots-well-formed').check(context((data) => (data.reports[reportIndex(LATEST)]!.text = { closing })));
    expect(check('Am {{ letzteSitzung }} beschlossen.').map((d) => d.message)).toEqual([
      `"{{ letzteSitzung }}" ist kein gültiger Platzhalter und käme so in die Vorlage. Gemeint ist wohl {letzteSitzung}. Erlaubt sind ${SLOT_LIST} (ohne Leerzeichen, Kennung nur aus a–z, 0–9 und -).`,
    ]);
    expect(check('Titel: {{title}}').map((d) => d.message.split(' und käme')[0])).toEqual(['"{{title}}" ist kein gültiger Platzhalter']);
    // …and the inner {title} is not a second problem for text-slots-resolve.
    expect(rule('text-slots-resolve').check(context((data) => (data.reports[reportIndex(LATEST)]!.text = { closing: 'Titel: {{title}}' })))).toEqual([]);
  });
  test('slots-well-formed: well-formed slots and text without braces pass', () => {
    expect(rule('slots-well-formed').check(context((data) => (data.reports[0]!.text = { closing: 'Siehe {anlage:x} und {datum}.' })))).toEqual([]);
  });
  test.each([
    ['folder', 'ist ein Ordner'],
    ['special', 'ist keine gewöhnliche Datei'],
  ] as const)('attachment-files-inside: %s', (state, message) => {
    const ctx = context((data) => (data.reports[reportIndex(LATEST)]!.attachments = [{ id: 'a', title: 'A', file: 'x' }]), { x: state });
    const [d] = rule('attachment-files-inside').check(ctx);
    expect(d!.message).toContain(message);
    expect(d!.path).toBe('attachments[0].file');
  });
  test('public-report-in-public-session: an error at the report, naming the session; the other way round passes', () => {
    const closed = (data: Dataset) => (data.meetings.sessions.find((s) => s.id === 'asi-2022-03-16')!.public = false);
    const [d, ...rest] = rule('public-report-in-public-session').check(context(closed));
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ severity: 'error', file: `reports/${LATEST}.yaml`, path: 'public' });
    expect(d!.message).toMatch(/die Sitzung "asi-2022-03-16" am 16\.03\.2022 ist aber nichtöffentlich \(meetings\.yaml:\d+:\d+\)/);
    const nonPublicReport = context((data) => {
      closed(data);
      data.reports[reportIndex(LATEST)]!.public = false;
    });
    expect(rule('public-report-in-public-session').check(nonPublicReport)).toEqual([]);
  });
  test('file-named-after-id: a warning', () => {
    const [d] = rule('file-named-after-id').check(context((data) => (data.reports[0]!.id = 'anders')));
    expect(d).toMatchObject({ severity: 'warning', path: 'id' });
    expect(d!.message).toBe('Die Datei heißt nicht wie die Vorlage; erwartet wird reports/anders.yaml.');
  });
});
