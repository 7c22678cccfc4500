import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { GOLDEN_DIR } from '../support/golden.js';
import { styleFaults } from '../support/style-check.js';

/**
 * Every golden Vorlage, read for what a committee member stumbles over: two distributives in one phrase,
 * a decimal with a singular unit, "4 von 4", the same sentence twice and the same sentence frame three
 * times in a row. The goldens are kim's output for the shipped data and the fixtures of three more bodies.
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
  ])('%s', (_name, text) => {
    expect(styleFaults(text)).not.toEqual([]);
  });

  test('and passes German that reads well', () => {
    const text = [
      'Für das Modul 2 sind 12 Stellen mit einer jährlichen Förderung von 57.000 € je Stelle geplant; besetzt sind davon 0,5 Stellen.',
      'Zum 01.11.2021 sind damit drei von vier Stellen besetzt. Die Lenkungsgruppe hat am 19.05.2022, 24.11.2022 und 08.08.2023 getagt.',
      'Am 01.02.2022 wurde eine Koordinatorin eingestellt. Am 01.03.2022 wurde ein Koordinator eingestellt.',
    ].join('\n\n');
    expect(styleFaults(text)).toEqual([]);
  });
});
