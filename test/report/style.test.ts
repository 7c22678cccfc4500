import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { GOLDEN_DIR } from '../support/golden.js';
import { styleFaults } from '../support/style-check.js';

/**
 * Every golden Vorlage, read for what a committee member stumbles over: two distributives in one phrase,
 * a decimal with a singular unit, "4 von 4", the same sentence twice and the same sentence frame three
 * times in a row, "die zwei" for "die beiden", "mit 0,5 Stellen" for "mit einer halben Stelle", and a list
 * announced as "folgende Kommunen" that names one twice or has a line without one. The goldens are kim's output for the shipped data and the fixtures of three more bodies.
 */
const goldens = readdirSync(GOLDEN_DIR).filter((f) => f.endsWith('.md'));

describe('the golden Vorlagen read without a pen', () => {
  test('there are goldens to read', () => {
    expect(goldens.length).toBeGreaterThanOrEqual(7);
  });

  test.each(goldens)('%s', (name) => {
    expect(styleFaults(readFileSync(join(GOLDEN_DIR, name), 'utf8'))).toEqual([]);
  });
});

describe('the style check finds each fault', () => {
  test.each([
    ['two distributives', 'mit einer jährlichen Förderung von jeweils 57.000 € je Stelle geplant.'],
    ['a decimal with a singular unit', 'Eine Assistenzkraft arbeitet mit 0,5 Stelle.'],
    ['a decimal with a singular unit (abbreviated word)', 'davon 0,5 Vollzeitstelle Verwaltungsassistenz.'],
    ['N von N', 'Zum 01.11.2021 sind damit 4 von 4 Stellen besetzt.'],
    ['N von N with decimals', 'Zum 01.11.2021 sind damit 1,5 von 1,5 Vollzeitstellen besetzt.'],
    ['the same sentence twice', 'Die Träger berichten. Die Träger berichten.'],
    [
      'the same frame three times',
      'Am 01.02.2022 traf sich die Gruppe zu ihrem zweiten Sitzungstermin. Am 01.03.2022 traf sich die Gruppe zu ihrem dritten Sitzungstermin. Am 01.04.2022 traf sich die Gruppe zu ihrem vierten Sitzungstermin.',
    ],
    ['"die zwei"', 'Zum 01.02.2023 sind die zwei Case Managerinnen der Stadt Altdorf eingestellt.'],
    ['half a post in figures after "mit"', 'Zum 01.09.2022 wurde eine Koordinatorin mit 0,5 Stellen beim Kreis eingestellt.'],
    ['a municipality twice in "folgende Kommunen"', 'Betreut werden folgende Kommunen:\n\n1) Stadt Altdorf seit dem 01.03.22\n2) Stadt Altdorf seit dem 01.03.22 (0,5 Stellen)'],
    ['a municipality twice, once beside another', 'Betreut werden folgende Kommunen:\n\n1) Stadt Rabenau seit dem 01.03.22\n2) Stadt Rabenau und Gemeinde Weidenbach seit dem 01.03.22'],
    [
      'a line without a municipality under "folgende Kommunen"',
      'Inzwischen wurden für folgende Kommunen zwei Case Manager eingestellt:\n\n1) Gemeinde Eitorf seit dem 01.04.22\n2) noch keiner Kommune zugeordnet, seit dem 01.06.22',
    ],
  ])('%s', (_name, text) => {
    expect(styleFaults(text)).not.toEqual([]);
  });

  test('and passes German that reads well', () => {
    const text = [
      'Für das Modul 2 sind 12 Stellen mit einer jährlichen Förderung von 57.000 € je Stelle geplant; besetzt sind davon 0,5 Stellen.',
      'Zum 01.11.2021 sind damit drei von vier Stellen besetzt. Die Lenkungsgruppe hat am 19.05.2022, 24.11.2022 und 08.08.2023 getagt.',
      'Am 01.02.2022 wurde eine Koordinatorin eingestellt. Am 01.03.2022 wurde ein Koordinator eingestellt.',
      'Zum 01.05.2022 wurde eine Verwaltungsassistentin mit 0,5 VZÄ eingestellt. Betreut werden folgende Kommunen:',
      '1) Stadt Altdorf seit dem 01.03.22 (1,5 Stellen)\n2) Gemeinde Birkenfeld (0,5 Stellen) und Gemeinde Seewald (0,5 Stellen) seit dem 01.06.22',
    ].join('\n\n');
    expect(styleFaults(text)).toEqual([]);
  });
});
