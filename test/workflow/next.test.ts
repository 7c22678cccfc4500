/** `kim next`: the next report file from the last one, for the committee's next session. */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { nextReportText } from '../../src/next/yaml-edit.js';
import { slugOf } from '../../src/next/next-report.js';
import { cleanUp, exampleRepo, runKim } from './helpers.js';

afterAll(cleanUp);

const A = '2021-11-16-kim-sachstand';
const B = '2022-03-16-kim-sachstand';
const NEXT = '2022-06-22-kim-sachstand';

/** The example with one more session of the committee, on 22.06.2022. */
function repoWithNextSession(): string {
  const repo = exampleRepo();
  const meetings = join(repo, 'data', 'meetings.yaml');
  const text = readFileSync(meetings, 'utf8');
  const line = '  - { id: asi-2022-03-16, committee: asi, date: 2022-03-16, public: true }\n';
  expect(text).toContain(line);
  writeFileSync(meetings, text.replace(line, `${line}  - { id: asi-2022-06-22, committee: asi, date: 2022-06-22, public: true }\n`));
  return repo;
}
const reportFile = (repo: string, id: string): string => join(repo, 'data', 'reports', `${id}.yaml`);
/** The file from its `text:` key on: the text blocks and what follows them. */
const fromText = (file: string): string => readFileSync(file, 'utf8').slice(readFileSync(file, 'utf8').indexOf('\ntext:'));

/** `text.preface`, `text.modules.modul-2.work` …: every text block of a report's `text`, at any depth. */
const leafPaths = (value: unknown, path: string): string[] =>
  value !== null && typeof value === 'object' ? Object.entries(value).flatMap(([k, v]) => leafPaths(v, `${path}.${k}`)) : [path];

describe('kim next', () => {
  it('writes the next report for the next session, text blocks and comments as they were, each block flagged', () => {
    const repo = repoWithNextSession();
    const r = runKim(['next'], { cwd: repo });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe(`data/reports/${NEXT}.yaml`);
    const file = reportFile(repo, NEXT);
    const data = parse(readFileSync(file, 'utf8'));
    // The session lies in the past, so the Stand is the session day (never after it).
    expect(data).toMatchObject({ id: NEXT, stand: '2022-06-22', consultations: [{ session: 'asi-2022-06-22', role: 'Kenntnisnahme' }] });
    expect(data.previousReport).toBeUndefined();
    expect(fromText(file)).toBe(fromText(reportFile(repo, B)));
    expect(readFileSync(file, 'utf8').split('\n').slice(0, 4)).toEqual(readFileSync(reportFile(repo, B), 'utf8').split('\n').slice(0, 4));
    const warnings = r.stderr.split('\n').filter((l) => l.startsWith(`data/reports/${NEXT}.yaml:`));
    const blocks = leafPaths(data.text, 'text');
    expect(warnings.map((l) => /\[(text\.[\w.-]+)\]$/.exec(l)?.[1]).sort()).toEqual(blocks.sort());
    for (const w of warnings) expect(w).toContain(`Warnung: Der Textbaustein steht wörtlich so schon in der vorigen Vorlage "${B}"`);
    expect(r.stderr).toContain(`${blocks.length} Textbausteine sind wörtlich übernommen`);

    // It is a valid report that kim builds, measured from the one it was started from.
    const build = runKim(['build', '--format', 'md', '--jobs', '1'], { cwd: repo });
    expect(build.code, build.stderr).toBe(0);
    expect(build.stdout).toContain('3 Vorlagen erzeugt');
    expect(runKim(['validate'], { cwd: repo }).stdout).toContain(`${blocks.length} Warnungen`);
  });

  it('from an older report, with --session, --stand and --title: names its previous report, the id follows the title', () => {
    const repo = repoWithNextSession();
    const r = runKim(['next', A, '--session', 'asi-2022-06-22', '--stand', '2022-06-01', '--title', 'KIM – Bericht über das Halbjahr'], { cwd: repo });
    expect(r.code, r.stderr).toBe(0);
    const id = '2022-06-22-kim-bericht-ueber-das-halbjahr';
    const data = parse(readFileSync(reportFile(repo, id), 'utf8'));
    // By Stand alone the 2022-03-16 report would count as previous: so the file names the one it came from.
    expect(data).toMatchObject({ id, title: 'KIM – Bericht über das Halbjahr', stand: '2022-06-01', previousReport: A });
    expect(fromText(reportFile(repo, id))).toBe(fromText(reportFile(repo, A)));
    expect(runKim(['validate'], { cwd: repo }).code).toBe(0);
  });

  it.each([
    [[], 'In meetings.yaml gibt es keine Sitzung des Gremiums "asi" nach dem 16.03.2022'],
    [[A], `Für die Sitzung asi-2022-03-16 (16.03.2022) gibt es schon die Vorlage "${B}"`],
    [['--session', 'asi-2022-03-61'], 'Keine Sitzung "asi-2022-03-61" in meetings.yaml. Meinten Sie "asi-2022-03-16"?'],
  ])('kim next %j without a free next session: exit 2, German reason, no file', (args, message) => {
    const repo = exampleRepo();
    const r = runKim(['next', ...args], { cwd: repo });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(existsSync(reportFile(repo, NEXT))).toBe(false);
  });

  it('refuses an --id the schema would refuse (a path, capitals, more than 80 characters): exit 2, no file', () => {
    const repo = repoWithNextSession();
    for (const id of ['../../boese', 'CON', 'a'.repeat(81)]) {
      const r = runKim(['next', '--id', id], { cwd: repo });
      expect(r.code, id).toBe(2);
      expect(r.stderr).toContain(`Ungültige Kennung "${id}": erwartet werden Kleinbuchstaben, Ziffern und Bindestriche, höchstens 80 Zeichen (--id).`);
    }
    expect(readFileSync(join(repo, 'data', 'reports', `${A}.yaml`), 'utf8')).toContain(`id: ${A}`);
    expect(readdirSync(join(repo, 'data', 'reports')).sort()).toEqual([`${A}.yaml`, `${B}.yaml`]);
  });

  it('a new file with an error for the clerk to decide (a public report for a closed session) is not announced with ✓', () => {
    const repo = exampleRepo();
    const meetings = join(repo, 'data', 'meetings.yaml');
    const line = '  - { id: asi-2022-03-16, committee: asi, date: 2022-03-16, public: true }\n';
    writeFileSync(meetings, readFileSync(meetings, 'utf8').replace(line, `${line}  - { id: asi-2022-06-22, committee: asi, date: 2022-06-22, public: false }\n`));
    const r = runKim(['next'], { cwd: repo });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Fehler: Die Vorlage ist öffentlich (public: true), die Sitzung "asi-2022-06-22"');
    expect(r.stderr).toContain(`✗ Neue Vorlage angelegt, aber ungültig (Fehler oben): ${NEXT} für die Sitzung asi-2022-06-22`);
    expect(r.stderr).not.toContain('✓');
  });

  it('refuses a --title the data checks would refuse (empty, too long, an invisible character, a staff name): exit 2, no file', () => {
    const repo = repoWithNextSession();
    for (const [title, message] of [
      ['  ', 'Der Titel (--title) darf nicht leer sein.'],
      ['T'.repeat(501), 'Der Titel (--title) ist 501 Zeichen lang; erlaubt sind höchstens 500.'],
      ['Sachstand\u202Eneu', 'Der Titel (--title): Unsichtbares Zeichen U+202E'],
      // A staff member's name (staff.yaml) would head a public Vorlage and name its files.
      ['Sachstand Frau Wiesenthal', 'Der Titel (--title) enthält den Namen einer Person aus staff.yaml'],
    ]) {
      const r = runKim(['next', '--title', title!], { cwd: repo });
      expect(r.code, title).toBe(2);
      expect(r.stderr).toContain(message);
    }
    expect(readdirSync(join(repo, 'data', 'reports')).sort()).toEqual([`${A}.yaml`, `${B}.yaml`]);
  });

  it('takes --stand as a German date too, as kim report takes a session date', () => {
    const repo = repoWithNextSession();
    expect(runKim(['next', '--stand', '30.02.2022'], { cwd: repo }).stderr).toContain('Ungültiger Wert für --stand: "30.02.2022". Erwartet wird ein Datum wie 04.11.2024 oder 2024-11-04.');
    const r = runKim(['next', '--stand', '01.06.2022'], { cwd: repo });
    expect(r.code, r.stderr).toBe(0);
    expect(parse(readFileSync(reportFile(repo, NEXT), 'utf8')).stand).toBe('2022-06-01');
  });

  it('refuses a Stand not after the previous one, or after the session, and an existing file', () => {
    const repo = repoWithNextSession();
    expect(runKim(['next', '--stand', '2022-03-01'], { cwd: repo }).stderr).toContain('liegt nicht nach dem der vorigen Vorlage');
    expect(runKim(['next', '--stand', '2022-06-23'], { cwd: repo }).stderr).toContain('liegt nach der Sitzung asi-2022-06-22 am 22.06.2022');
    expect(runKim(['next', '--stand', '2022-02-30'], { cwd: repo }).stderr).toContain('Ungültiger Wert für --stand');
    // A file of that name that is a valid report of another id (so the data are valid; its Stand lies
    // between those of its neighbours' sessions): not overwritten.
    const other = readFileSync(reportFile(repo, A), 'utf8').replace(`id: ${A}`, 'id: 2021-11-16-kopie').replace('stand: 2021-10-01', 'stand: 2022-06-01').replace('session: asi-2021-11-16', 'session: asi-2022-06-22');
    writeFileSync(reportFile(repo, NEXT), other);
    const r = runKim(['next', A, '--session', 'asi-2022-06-22'], { cwd: repo });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('gibt es schon die Vorlage "2021-11-16-kopie"');
    expect(readFileSync(reportFile(repo, NEXT), 'utf8')).toBe(other);
  });
});

describe('the next report file from the previous one', () => {
  const previous = [
    '# yaml-language-server: $schema=../../node_modules/kim/schemas/report.schema.json',
    '# Kopfkommentar',
    'id: 2024-06-12-kim-sachstand',
    'reference: DS 12/2024',
    'title: Sachstand',
    'date: 2024-06-03',
    'stand: 2024-05-31 # Datenstand',
    'consultations:',
    '  - { session: asi-2024-06-12, role: Kenntnisnahme }',
    '  - session: ka-2024-06-26',
    '    role: Entscheidung',
    'text:',
    '  # Kommentar im Text',
    '  einleitung:',
    '    absatz:',
    '      - >-',
    '        Ein langer Absatz, der über',
    '        zwei Zeilen gefaltet ist.',
    '      - Kurz.',
    '  modul-2: { stellen: "Text mit: Doppelpunkt" }',
    'signature: { authority: Im Auftrag, function: Leitung }',
    '',
  ].join('\n');

  it('a Stand after a session without a KIM report in between: the message names the session it fits', () => {
    const repo = repoWithNextSession();
    const meetings = join(repo, 'data', 'meetings.yaml');
    const line = '  - { id: asi-2022-06-22, committee: asi, date: 2022-06-22, public: true }\n';
    writeFileSync(meetings, readFileSync(meetings, 'utf8').replace(line, `  - { id: asi-2022-05-04, committee: asi, date: 2022-05-04, public: true }\n${line}`));
    const r = runKim(['next', '--stand', '2022-06-01'], { cwd: repo });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'Der Datenstand 01.06.2022 liegt nach der Sitzung asi-2022-05-04 am 04.05.2022; erwartet wird ein Stand spätestens am Sitzungstag (--stand) oder mit --session asi-2022-06-22 die Sitzung am 22.06.2022.',
    );
    const ok = runKim(['next', '--stand', '2022-06-01', '--session', 'asi-2022-06-22'], { cwd: repo });
    expect(ok.code).toBe(0);
    // The preface ("Seit der letzten Ausschuss-Sitzung am {letzteSitzung}") has two warnings now, and is one block.
    expect(ok.stderr).toContain('ist nicht die letzte. Erwartet wird etwa "seit der Ausschusssitzung am {letzteSitzung}". [text.preface]');
    expect(ok.stderr).toContain('  4 Textbausteine sind wörtlich übernommen (Warnungen oben): bitte überarbeiten.');
  });

  it('the date of the previous Vorlage is not carried over, and the clerk is told', () => {
    const repo = repoWithNextSession();
    const file = reportFile(repo, B);
    writeFileSync(file, readFileSync(file, 'utf8').replace('stand: 2022-03-01', 'date: 2022-03-02\nstand: 2022-03-01'));
    const r = runKim(['next'], { cwd: repo });
    expect(r.code, r.stderr).toBe(0);
    expect(parse(readFileSync(reportFile(repo, NEXT), 'utf8')).date).toBeUndefined();
    expect(r.stderr).toContain('  Das Datum der vorigen Vorlage (02.03.2022) ist nicht übernommen; bei Bedarf unter date das Datum der neuen eintragen.');
  });

  it('changes only id, Stand and session, drops reference, date and later consultations, keeps any text nesting byte for byte', () => {
    const next = nextReportText(previous, { id: '2024-11-20-kim-sachstand', stand: '2024-11-04', session: 'asi-2024-11-20', previousReport: null });
    expect(next).toBe(
      previous
        .replace('id: 2024-06-12-kim-sachstand', 'id: 2024-11-20-kim-sachstand')
        .replace('reference: DS 12/2024\n', '')
        .replace('date: 2024-06-03\n', '')
        .replace('stand: 2024-05-31 # Datenstand', 'stand: 2024-11-04 # Datenstand')
        .replace('session: asi-2024-06-12', 'session: asi-2024-11-20')
        .replace('  - session: ka-2024-06-26\n    role: Entscheidung\n', ''),
    );
  });

  it('drops the presenters: naming a staff member is allowed per report, never carried over', () => {
    const withPresenters = previous.replace('signature:', 'presenters:\n  - staff: m1-leitung\n    salutation: Frau\nsignature:');
    const next = nextReportText(withPresenters, { id: '2024-11-20-kim-sachstand', stand: '2024-11-04', session: 'asi-2024-11-20', previousReport: null });
    expect(next).not.toContain('presenters');
    expect(next).not.toContain('m1-leitung');
    expect(next).toContain('signature: { authority: Im Auftrag, function: Leitung }');
    // Also when the file is rewritten as a whole (flow style).
    const flow = '{ id: a, stand: 2024-01-01, consultations: [{ session: s1, role: Kenntnisnahme }], presenters: [{ staff: m1-leitung }] }\n';
    expect(parse(nextReportText(flow, { id: 'b', stand: '2024-02-01', session: 's2', previousReport: null })).presenters).toBeUndefined();
  });

  it('adds or replaces previousReport and a new title; a flow-style file is rewritten, same values', () => {
    const named = nextReportText(previous, { id: 'x', stand: '2024-11-04', session: 's', title: 'Neu: Titel', previousReport: '2024-01-01-alt' });
    expect(named).toContain('stand: 2024-11-04 # Datenstand\npreviousReport: 2024-01-01-alt\n');
    expect(parse(named).title).toBe('Neu: Titel');
    const again = nextReportText(named, { id: 'y', stand: '2024-12-01', session: 't', previousReport: null });
    expect(parse(again).previousReport).toBeUndefined();

    const flow = '{ id: a, date: 2023-12-20, stand: 2024-01-01, consultations: [{ session: s1, role: Kenntnisnahme }], text: { a: { b: [x, y] } } }\n';
    const rewritten = parse(nextReportText(flow, { id: 'b', stand: '2024-02-01', session: 's2', previousReport: null }));
    expect(rewritten).toEqual({ id: 'b', stand: '2024-02-01', consultations: [{ session: 's2', role: 'Kenntnisnahme' }], text: { a: { b: ['x', 'y'] } } });
  });

  it('an id part from a title: lower case, umlauts spelt out, hyphens, at most 50 characters at a word end', () => {
    expect(slugOf('KIM – Bericht über Größe & Maße')).toBe('kim-bericht-ueber-groesse-masse');
    const long = slugOf('Kommunales Integrationsmanagement - Aktueller Sachstand zur Umsetzung');
    expect(long.length).toBeLessThanOrEqual(50);
    expect(long).toBe('kommunales-integrationsmanagement-aktueller');
  });
});
