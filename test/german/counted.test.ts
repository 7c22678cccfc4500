import { expect, test } from 'vitest';
import { countedNoun } from '../../src/german/index.js';

const PERSON = { singular: 'Person', plural: 'Personen', genus: 'feminine' as const };
const DISTRICT = { singular: 'Stadtteil', plural: 'Stadtteile', genus: 'masculine' as const };

test('a count with its noun: words up to twelve, singular for one, "keine" with the plural for none', () => {
  expect([0, 1, 2, 12, 13].map((n) => countedNoun(n, PERSON))).toEqual(['keine Personen', 'eine Person', 'zwei Personen', 'zwölf Personen', '13 Personen']);
  expect([0, 1, 3].map((n) => countedNoun(n, DISTRICT))).toEqual(['keine Stadtteile', 'ein Stadtteil', 'drei Stadtteile']);
});
