/**
 * The outline rules (src/validate/rules/outline-*.ts): each passes on kim's own outline given as a
 * report's, and fails, in German and located, on one slip in an outline.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadSources, type LoadedSources } from '../../src/load/dataset.js';
import { validateSources } from '../../src/validate/index.js';
import { RULES } from '../../src/validate/rules/index.js';
import type { AnyRule, DataPart, RuleContext } from '../../src/validate/rule-context.js';
import { ruleContextFor } from './rule-context-fixture.js';
import type { Dataset } from '../../src/model/types.js';
import { FACT_BLOCK_NAMES, type Outline } from '../../src/model/outline-blocks.js';
import { EXAMPLE_DATA, ROOT, copyData, positionOf, removeScratch, replaceIn } from './helpers.js';
import { afterAll } from 'vitest';

let sources: LoadedSources;
let base: Dataset;
const DEFAULT: Outline = parse(readFileSync(join(ROOT, 'templates', 'gliederung.yaml'), 'utf8')) as Outline;
const LATEST = '2022-03-16-kim-sachstand';

beforeAll(async () => {
  sources = await loadSources(EXAMPLE_DATA);
  base = (await validateSources(sources, ['sachstand'])).dataset!;
}, 120_000);
afterAll(removeScratch);

const context = (change: (data: Dataset) => void): RuleContext<DataPart> => ruleContextFor(base, sources, change);
const rule = (name: string): AnyRule => RULES.find((r) => r.name === name)!;
const latest = (d: Dataset) => d.reports.find((r) => r.id === LATEST)!;
/** The latest example report with its own outline. */
const withOutline = (outline: Outline) => context((d) => (latest(d).outline = outline));
const OUTLINE_RULES = [
  'outline-entries-known',
  'outline-heading-placeholders',
  'outline-heading-slots-resolve',
  'outline-heading-slots-have-values',
  'outline-modules',
  'outline-text-placed',
  'outline-placed-once',
  'outline-shown-placed',
];

describe.each(OUTLINE_RULES)('%s', (name) => {
  test("passes on kim's own outline, given in a report and in organisation.yaml", () => {
    expect(rule(name).check(withOutline(structuredClone(DEFAULT)))).toEqual([]);
    expect(rule(name).check(context((d) => (d.organisation.outline = structuredClone(DEFAULT))))).toEqual([]);
  });
});

test('the worked outlines of docs/gliederung.md pass every outline rule', () => {
  const doc = readFileSync(join(ROOT, 'docs', 'gliederung.md'), 'utf8');
  const example = (heading: string) => (parse(/```yaml\n([\s\S]*?)```/.exec(doc.slice(doc.indexOf(heading)))![1]!) as { outline: Outline }).outline;
  for (const heading of ['## Beispiel 1', '## Beispiel 3']) {
    for (const name of OUTLINE_RULES) expect(rule(name).check(withOutline(example(heading)))).toEqual([]);
  }
});

describe('failing outlines', () => {
  test('outline-entries-known: a misspelt fact block, with "Meinten Sie …?" and the list', () => {
    const [d, ...rest] = rule('outline-entries-known').check(withOutline([{ body: ['kopf', 'schluszeile'] }]));
    expect(rest).toEqual([]);
    expect(d!.message).toBe(
      `Unbekannter Baustein "schluszeile" in der Gliederung. Meinten Sie "schlusszeile"? Faktenbausteine: ${FACT_BLOCK_NAMES.join(', ')}.`,
    );
    expect(d).toMatchObject({ path: 'outline[0].body[1]', severity: 'error' });
  });
  test('outline-entries-known: an unknown text key', () => {
    const [d] = rule('outline-entries-known').check(withOutline([{ body: ['text.prefce'] }]));
    expect(d!.message).toMatch(/^Unbekannter Textbaustein "text\.prefce" in der Gliederung\. Meinten Sie "text\.preface"\? Erwartet wird text\.preface, /);
  });
  test('outline-heading-placeholders: an unknown placeholder and a module one outside a section per module', () => {
    const ds = rule('outline-heading-placeholders').check(withOutline([{ heading: '{ueberschrift:prefce}', body: ['text.preface'] }, { heading: '{name}', body: ['kopf'] }]));
    expect(ds.map((d) => d.path)).toEqual(['outline[0].heading', 'outline[1].heading']);
    expect(ds[0]!.message).toMatch(/^Unbekannter Platzhalter \{ueberschrift:prefce\} in der Überschrift\. Meinten Sie \{ueberschrift:preface\}\? Erlaubt sind hier /);
    expect(ds[1]!.message).toMatch(/^\{name\} gibt es nur in einem Abschnitt je Modul/);
  });
  test('fact slots in a heading: an unknown slot, an unknown module, no value at the Stand, each at the heading', () => {
    const outline: Outline = [
      { heading: 'Stand: {besetzt:modul-9} von {geplannt}', body: ['text.preface', 'text.steeringGroup'] },
      { modules: 'all', heading: '{bezeichnung}: {besetzt:modul-2} von {geplant:modul-2}', body: ['text.staff', 'text.work'] },
    ];
    expect(rule('outline-heading-slots-resolve').check(withOutline(outline)).map((d) => [d.path, d.message])).toEqual([
      ['outline[0].heading', '{besetzt:modul-9} nennt kein Modul aus programme.yaml. Meinten Sie "modul-1"? Module: modul-1, modul-2, modul-3.'],
    ]);
    const [unknown, ...rest] = rule('outline-heading-placeholders').check(withOutline(outline));
    expect(rest).toEqual([]);
    expect(unknown).toMatchObject({ path: 'outline[0].heading' });
    expect(unknown!.message).toMatch(/^Unbekannter Platzhalter \{geplannt\} in der Überschrift\. Meinten Sie \{geplant\}\? Erlaubt sind hier .* und die Platzhalter der Textbausteine \{anlage:KENNUNG\}, /);
    // A module without a plan at the Stand has no planned posts.
    const noPlan = context((d) => {
      latest(d).outline = outline;
      d.programme.modules.find((m) => m.id === 'modul-2')!.plannedFte[0]!.from = '2022-12-01';
    });
    expect(rule('outline-heading-slots-have-values').check(noPlan).map((d) => [d.path, d.message])).toEqual([
      ['outline[1].heading', expect.stringMatching(/^\{geplant:modul-2\} hat in dieser Vorlage keinen Wert: das Modul "modul-2" hat am 01\.03\.2022 noch keinen Plan/)],
    ]);
  });
  test("fact slots in organisation.yaml's outline are judged for each report it serves, naming the report", () => {
    const ds = rule('outline-heading-slots-resolve').check(context((d) => (d.organisation.outline = [{ heading: 'Seit {letzteSitzung}', body: structuredClone(DEFAULT) as never }])));
    expect(ds.map((d) => [d.file.split('/').pop(), d.path, d.message])).toEqual([
      ['organisation.yaml', 'outline[0].heading', 'In der Vorlage "2021-11-16-kim-sachstand": {letzteSitzung} hat in dieser Vorlage keinen Wert: er nennt die Sitzung der vorigen Vorlage, aber diese Vorlage hat keine vorige (erste Vorlage).'],
    ]);
  });
  test('outline-modules: a module block outside a section per module, an unknown module, a report block with a module', () => {
    const ds = rule('outline-modules').check(
      withOutline([{ body: ['text.preface', 'besetzung', 'besetzung:modul-9', { block: 'kopf', module: 'modul-1' }, 'text.staff'] }, { modules: ['modul-1', 'modl-2'], body: ['besetzung'] }]),
    );
    expect(ds.map((d) => d.path)).toEqual(['outline[1].modules[1]', 'outline[0].body[1]', 'outline[0].body[2]', 'outline[0].body[3].block', 'outline[0].body[4]']);
    expect(ds[0]!.message).toBe('Unbekanntes Modul "modl-2" in der Gliederung. Meinten Sie "modul-2"? Module in programme.yaml: modul-1, modul-2, modul-3.');
    expect(ds[1]!.message).toContain('Der Baustein "besetzung" sagt etwas über ein Modul, steht aber in keinem Abschnitt je Modul.');
    expect(ds[2]!.message).toContain('Unbekanntes Modul "modul-9"');
    expect(ds[3]!.message).toContain('Der Baustein "kopf" gehört zur ganzen Vorlage, nicht zu einem Modul');
    expect(ds[4]!.message).toContain('Der Textbaustein "text.staff" gehört zu einem Modul');
  });
  test('outline-text-placed: a text block of the report that the outline leaves out is an error at the text', () => {
    // The latest example report has text.preface, text.steeringGroup and text.modules.modul-2.staff and .work.
    const ds = rule('outline-text-placed').check(withOutline([{ body: ['text.preface', 'kopf'] }, { modules: 'strategic', body: ['text.work'] }, { body: ['text.modules.modul-2.staff'] }]));
    expect(ds.map((d) => d.path)).toEqual(['text.steeringGroup', 'text.modules.modul-2.work']);
    expect(ds[0]!.message).toBe(
      'Der Textbaustein text.steeringGroup steht nirgends in der Gliederung der Vorlage (outline) und würde nicht gedruckt. Erwartet wird "text.steeringGroup" in einem Abschnitt der Gliederung, oder der Text entfällt.',
    );
    expect(ds[1]!.line).toBeGreaterThan(0);
    // The Kreis's outline counts for reports without their own.
    const fromKreis = rule('outline-text-placed').check(context((d) => (d.organisation.outline = [{ body: ['kopf'] }])));
    expect(fromKreis.some((d) => d.message.includes('in der Gliederung aus organisation.yaml (outline)'))).toBe(true);
  });
  test('outline-shown-placed: show.chart or show.coverage without its block in the outline is an error at the switch', () => {
    const shown = (d: Dataset) => (latest(d).show = { ...latest(d).show, chart: true, coverage: true });
    // kim's own outline places both blocks.
    expect(rule('outline-shown-placed').check(context(shown))).toEqual([]);
    const ds = rule('outline-shown-placed').check(
      context((d) => {
        shown(d);
        latest(d).outline = [{ body: ['kopf', 'diagramm'] }];
      }),
    );
    expect(ds.map((d) => d.path)).toEqual(['show.coverage']);
    expect(ds[0]!.message).toBe(
      'show.coverage: true verlangt die Anlage "Case Management in den Kommunen", aber der Baustein "abdeckung" steht nirgends in der Gliederung der Vorlage (outline). Erwartet wird "abdeckung" in einem Abschnitt der Gliederung, oder show.coverage: false.',
    );
    // The Kreis's outline counts for reports without their own.
    const fromKreis = rule('outline-shown-placed').check(
      context((d) => {
        shown(d);
        d.organisation.outline = [{ body: ['kopf', 'abdeckung'] }];
      }),
    );
    expect(fromKreis.map((d) => [d.path, d.message.includes('in der Gliederung aus organisation.yaml (outline)')])).toEqual([['show.chart', true]]);
  });
  test('outline-placed-once: a block twice, a module block twice for the same module', () => {
    const ds = rule('outline-placed-once').check(
      withOutline([{ body: ['zeichnung', 'text.preface', 'besetzung:modul-2'] }, { modules: 'all', body: ['besetzung', 'lenkungsgruppe'] }, { body: ['zeichnung', 'lenkungsgruppe'] }]),
    );
    expect(ds.map((d) => d.path)).toEqual(['outline[1].body[0]', 'outline[2].body[0]']);
    expect(ds[0]!.message).toMatch(/^Der Baustein "besetzung" für modul-2 steht doppelt in der Gliederung \(zuerst in .*\); er würde zweimal gedruckt\./);
    expect(ds[1]!.message).toMatch(/^Der Baustein "zeichnung" steht doppelt/);
  });
});

describe('kim validate on a data folder with an outline', () => {
  test('an empty outline and an empty section are schema errors, located, in German', async () => {
    const dir = copyData();
    replaceIn(dir, `reports/${LATEST}.yaml`, 'signature:', 'outline: []\nsignature:');
    replaceIn(dir, 'organisation.yaml', 'committees:', 'outline:\n  - heading: Leer\n    body: []\ncommittees:');
    const result = await validateSources(await loadSources(dir), ['sachstand']);
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.file.split('/').pop(), d.path])).toEqual([
      ['organisation.yaml', 'outline[0].body'],
      [`${LATEST}.yaml`, 'outline'],
    ]);
    for (const e of errors) {
      expect(e.line).toBeGreaterThan(0);
      expect(e.message).toMatch(/\((Gliederung|Inhalt)\): Die Liste braucht mindestens einen Eintrag\.$/);
    }
  });
  test('a fact slot for an unknown module in a heading is located at the slot', async () => {
    const dir = copyData();
    replaceIn(dir, `reports/${LATEST}.yaml`, 'signature:', 'outline:\n  - heading: "Besetzt: {besetzt:modul-7}"\n    body: [kopf, text.preface, text.steeringGroup]\n  - modules: all\n    body: [text.staff, text.work]\nsignature:');
    const result = await validateSources(await loadSources(dir), ['sachstand']);
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.message)).toEqual(['{besetzt:modul-7} nennt kein Modul aus programme.yaml. Meinten Sie "modul-1"? Module: modul-1, modul-2, modul-3.']);
    expect(errors[0]).toMatchObject({ path: 'outline[0].heading', ...positionOf(dir, `reports/${LATEST}.yaml`, '{besetzt:modul-7}') });
  });
  test('a misspelt block in a report file is located at its line and column', async () => {
    const dir = copyData();
    replaceIn(dir, `reports/${LATEST}.yaml`, 'signature:', 'outline:\n  - body: [kopf, text.preface, text.steeringGroup, zeichnug]\n  - modules: all\n    body: [text.staff, text.work]\nsignature:');
    const result = await validateSources(await loadSources(dir), ['sachstand']);
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ path: 'outline[0].body[3]', line: 53, col: 52 });
    expect(errors[0]!.message).toContain('Meinten Sie "zeichnung"?');
  });
});
