/**
 * The rules of a Vorlage whose author is not the programme's owner (src/validate/rules/local-posts.ts), on
 * the town fixture (test/fixtures/stadt-wiesental): each passes there and fails, located and in German, on
 * one change.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Outline } from '../../src/model/outline-blocks.js';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadSources, type LoadedSources } from '../../src/load/dataset.js';
import { validateSources } from '../../src/validate/index.js';
import { RULES } from '../../src/validate/rules/index.js';
import type { AnyRule } from '../../src/validate/rule-context.js';
import type { Dataset } from '../../src/model/types.js';
import { ruleContextFor } from './rule-context-fixture.js';
import { ROOT } from './helpers.js';

const TOWN = join(ROOT, 'test', 'fixtures', 'stadt-wiesental');
let sources: LoadedSources;
let base: Dataset;

beforeAll(async () => {
  sources = await loadSources(TOWN);
  const validation = await validateSources(sources, ['sachstand']);
  expect(validation.diagnostics).toEqual([]);
  base = validation.dataset!;
}, 120_000);

const rule = (name: string): AnyRule => RULES.find((r) => r.name === name)!;
const check = (name: string, change: (d: Dataset) => void = () => undefined) => rule(name).check(ruleContextFor(base, sources, change));
const where = (d: { file: string; line: number; column?: number; col?: number }) => `${d.file.split('/').pop()}:${d.line}`;

describe.each(['owner-needs-author-municipality', 'local-shares-known', 'outline-own-staff-only'])('%s', (name) => {
  test('passes on the town fixture', () => {
    expect(check(name)).toEqual([]);
  });
});

test('owner-needs-author-municipality: an owner without the author\'s municipality is refused at owner', () => {
  const [d, ...more] = check('owner-needs-author-municipality', (x) => delete x.organisation.body.municipality);
  expect(more).toEqual([]);
  expect(where(d!)).toBe('programme.yaml:11');
  expect(d!.message).toContain('organisation.yaml aber nicht die eigene Kommune des Verfassers (Stadt Wiesental)');
  expect(d!.message).toContain('Erwartet wird body.municipality');
});

test('local-shares-known: a post shared with another municipality without a share is refused at the assignment', () => {
  const [d, ...more] = check('local-shares-known', (x) => delete x.assignments.find((a) => a.staff === 'cm-w3')!.fte);
  expect(more).toEqual([]);
  expect(where(d!)).toBe('assignments.yaml:8');
  expect(d!.message).toBe(
    '"cm-w3" ist am Datenstand 30.04.2022 der Vorlage 2022-05-17-kim-bericht für die Stadt Wiesental und weitere Kommunen zuständig, ohne Anteil; die Vorlage nennt die Stellen, die für die Stadt Wiesental tätig sind, und kann den Anteil nicht raten. Erwartet wird fte in dieser Zuordnung (der Anteil je genannter Kommune, z. B. 0.5).',
  );
  // Serving the town alone, the whole post serves it: nothing to guess.
  expect(check('local-shares-known', (x) => {
    const a = x.assignments.find((y) => y.staff === 'cm-w3')!;
    delete a.fte;
    a.municipalities = ['wiesental'];
  })).toEqual([]);
});

test('outline-own-staff-only: a block stating the whole programme\'s staff is refused where it stands', () => {
  const [d, ...more] = check('outline-own-staff-only', (x) => (x.reports[1]!.outline = [{ body: ['kopf', 'uebersicht'] }, { modules: 'all', body: ['besetzung:modul-2', 'vorOrt'] }]));
  expect(more.map((m) => m.message.slice(0, 28))).toEqual(['Der Baustein "besetzung" nen']);
  expect(where(d!)).toBe('2022-05-17-kim-bericht.yaml:0');
  expect(d!.message).toContain('Der Baustein "uebersicht" nennt die besetzten Stellen des ganzen Programms des Landkreises Talheim');
  expect(d!.message).toContain('Erwartet wird "vorOrt"');
  // The same outline in a Kreis's own Vorlage is fine.
  expect(check('outline-own-staff-only', (x) => {
    delete x.programme.owner;
    x.reports[1]!.outline = [{ body: ['uebersicht'] }];
  })).toEqual([]);
});

describe('slots of the whole staff and of the town (text-slots-have-values)', () => {
  test('{besetzt} and {offen} have no value in the town\'s Vorlage; {vorOrt} is what it can state', () => {
    const found = check('text-slots-have-values', (x) => (x.reports[1]!.text = { closing: 'Besetzt sind {besetzt:modul-2}, offen {offen}, für uns {vorOrt}.' }));
    expect(found.map((d) => d.message.slice(0, 60))).toEqual([expect.stringContaining('{besetzt:modul-2}'), expect.stringContaining('{offen}')]);
    expect(found[0]!.message).toContain('die Vorlage berichtet über das Programm des Landkreises Talheim (programme.yaml owner) und kennt nur dessen Personal, das für die eigene Kommune tätig ist; erwartet wird {vorOrt} oder {vorOrt:MODUL}');
  });

  test('{vorOrt}, {vorOrtJeArbeitgeber} and {traeger} have none in a Kreis\'s own Vorlage', () => {
    const found = check('text-slots-have-values', (x) => delete x.programme.owner);
    expect(found.map((d) => d.message.slice(0, 30))).toEqual([expect.stringContaining('{vorOrt}'), expect.stringContaining('{vorOrtJeArbeitgeber}'), expect.stringContaining('{traeger}')]);
    expect(found[0]!.message).toContain('hier ist der Verfasser selbst der Träger, erwartet wird {besetzt} oder {besetzt:MODUL}');
  });
});

test("kim's outline for a town's Vorlage (templates/gliederung-kommune.yaml) passes every rule, given in a report", () => {
  const town = parse(readFileSync(join(ROOT, 'templates', 'gliederung-kommune.yaml'), 'utf8')) as Outline;
  for (const r of RULES) expect(r.check(ruleContextFor(base, sources, (x) => (x.reports[1]!.outline = structuredClone(town)))), r.name).toEqual([]);
});
