/**
 * Each rule in src/validate/rules on the example data (passes) and on one or more small in-memory
 * changes (fails with a located German message). Positions come from the unchanged source files.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { loadSources, type LoadedSources } from '../../src/load/dataset.js';
import { validateSources } from '../../src/validate/index.js';
import { RULES } from '../../src/validate/rules/index.js';
import type { Rule, RuleContext } from '../../src/validate/rule-context.js';
import type { Dataset } from '../../src/model/types.js';
import { EXAMPLE_DATA } from './helpers.js';

let sources: LoadedSources;
let base: Dataset;

beforeAll(async () => {
  sources = await loadSources(EXAMPLE_DATA);
  const validation = await validateSources(sources, ['sachstand']);
  expect(validation.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  base = validation.dataset!;
}, 120_000);

function context(change: (data: Dataset) => void = () => undefined, paths: Record<string, 'ok' | 'missing' | 'outside'> = {}): RuleContext {
  const data = structuredClone(base);
  change(data);
  return {
    data,
    valid: { organisation: true, programme: true, staff: true, assignments: true, meetings: true },
    sources: sources.files,
    reportSources: sources.reports, // all example reports pass their schema, so the order matches data.reports
    templates: ['sachstand'],
    checkDataPath: (p) => paths[p] ?? 'ok',
  };
}
const rule = (name: string): Rule => {
  const found = RULES.find((r) => r.name === name);
  if (!found) throw new Error(`no rule ${name}`);
  return found;
};
const reportIndex = (id: string): number => base.reports.findIndex((r) => r.id === id);
const LATEST = '2022-03-16-kim-sachstand';

test('every rule is covered below', () => {
  const covered = [
    'unique-ids', 'known-references', 'end-not-before-start', 'assignment-within-employment', 'no-overlapping-assignments',
    'filled-within-planned', 'statement-slots-known', 'stand-before-session', 'funding-rate-known', 'known-template',
    'text-slots-resolve', 'attachment-files-inside', 'previous-report-earlier', 'file-named-after-id', 'unique-report-ids', 'one-report-per-session', 'text-changed-since-previous',
  ];
  expect(RULES.map((r) => r.name).sort()).toEqual([...covered].sort());
});

describe.each(RULES.map((r) => r.name))('%s', (name) => {
  test('passes on the example data', () => {
    expect(rule(name).check(context())).toEqual([]);
  });
});

describe('failing cases', () => {
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
  test('known-references: skipped for references into a file that failed its schema', () => {
    const ctx = context((d) => (d.staff[0]!.role = 'kim-leitun'));
    ctx.valid.programme = false;
    expect(rule('known-references').check(ctx)).toEqual([]);
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
    expect(ds[0]!.message).toMatch(/sind in modul-1 [\d,]+ VZÄ besetzt, geplant sind nur 0,5/);
    expect(ds[0]!.file).toBe('staff.yaml');
  });
  test('statement-slots-known: {dat} suggests {date}', () => {
    const [d] = rule('statement-slots-known').check(
      context((data) => {
        const role = data.programme.roles.find((r) => r.statement)!;
        role.statement!.one = 'Seit dem {dat} arbeitet {who}.';
      }),
    );
    expect(d!.message).toBe('Unbekannter Platzhalter {dat}. Meinten Sie {date}? Erlaubt: {date}, {who}, {employer}, {which}, {all}.');
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
    expect(d!.message).toContain('Unbekannter Platzhalter {datum}; in Textbausteinen ist nur {anlage:KENNUNG} erlaubt.');
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
    expect(d!.message).toContain(`Die vorige Vorlage "${LATEST}" hat den Datenstand`);
  });
  test('file-named-after-id: a warning', () => {
    const [d] = rule('file-named-after-id').check(context((data) => (data.reports[0]!.id = 'anders')));
    expect(d).toMatchObject({ severity: 'warning', path: 'id' });
    expect(d!.message).toBe('Die Datei heißt nicht wie die Vorlage; erwartet wird reports/anders.yaml.');
  });
});
