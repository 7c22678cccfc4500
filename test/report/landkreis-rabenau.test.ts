/**
 * The invented Landkreis Rabenau (test/fixtures/landkreis-rabenau): welfare organisations under contracts
 * with the Kreis, a masculine module name, groups with a chair and one not met yet, an outline without
 * headings that tells the contracts and the case management before the steering group.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { packageRoot } from '../../src/paths.js';
import { expectGolden, GOLDEN_DIR } from '../support/golden.js';
import { renderWith } from '../support/example.js';

const DIR = join(packageRoot, 'test', 'fixtures', 'landkreis-rabenau');
const REPORT = '2022-06-21-kim-sachstand';
const GOLDEN = 'landkreis-rabenau-2022-06-21-kim-sachstand.md';
const render = (change?: Parameters<typeof renderWith>[0]) => renderWith(change, REPORT, DIR);

test('renders as its golden (read sentence by sentence)', async () => {
  expectGolden(GOLDEN, await render());
});

test('no heading; the contracts and the case management come before the steering group and the strategic module', async () => {
  const text = await render();
  expect(text).not.toMatch(/^#/m);
  const at = (s: string) => text.indexOf(s);
  expect(at('Kooperations- und Weiterleitungsvertrag')).toBeGreaterThan(0);
  expect(at('Kooperations- und Weiterleitungsvertrag')).toBeLessThan(at('Betreut werden'));
  expect(at('Betreut werden')).toBeLessThan(at('Die Lenkungsgruppe traf sich'));
  expect(at('Die Lenkungsgruppe traf sich')).toBeLessThan(at('für den Baustein 1'));
});

test("a contract's partner, municipalities and decision come from the data", async () => {
  const text = await render((d) => {
    const awo = d.meetings.cooperationAgreements!.find((a) => a.id === 'kwv-awo')!;
    awo.municipalities = ['steinfels'];
    awo.decision = { committee: 'kreistag', date: '2022-03-22' };
  });
  expect(text).toContain(
    'Auf Grundlage des Beschlusses des Kreistages vom 22.03.2022 wurde am 01.04.2022 ein Kooperations- und Weiterleitungsvertrag mit der Arbeiterwohlfahrt Kreisverband Rabenau e. V. für den Markt Steinfels geschlossen.',
  );
});

test("kim's own outline names the masculine module with \"seiner Arbeit\"", async () => {
  const text = await render((d) => {
    delete d.organisation.outline;
  });
  expect(text).toContain('### Personelle Besetzung des strategischen Overheads (Baustein 1), aktueller Stand seiner Arbeit und der Lenkungsgruppe\n');
  expect(text).toContain('### Besetzung der Personalstellen des rechtskreisübergreifenden Case Managements (Baustein 2) und aktueller Stand seiner Arbeit\n');
});

const hunspell = spawnSync('hunspell', ['-D'], { encoding: 'utf8' });
const hasGerman = hunspell.error === undefined && /de_DE/.test(`${hunspell.stdout}${hunspell.stderr}`);

describe.skipIf(!hasGerman)('spelling (hunspell de_DE; skipped where hunspell or its German dictionary is not installed)', () => {
  test('every word of the golden is German or in the fixture\'s word list (place names, proper nouns)', () => {
    // Markdown's table rule ("| --- |") is not a word.
    const text = readFileSync(join(GOLDEN_DIR, GOLDEN), 'utf8').replace(/^\|[ -|]+\|$/gm, '');
    const unknown = execFileSync('hunspell', ['-d', 'de_DE', '-p', join(DIR, 'wortliste.txt'), '-l'], { input: text, encoding: 'utf8' });
    expect(unknown.split('\n').filter(Boolean)).toEqual([]);
  });
});
