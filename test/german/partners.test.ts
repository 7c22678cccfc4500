/** The dative of an agreement's partner, read off the employer's "bei …" phrase (src/german/partners.ts). */
import { expect, test } from 'vitest';
import { dativeFromAt } from '../../src/german/index.js';

test('"beim X" and "bei der X" give "dem X" and "der X"; any other phrase gives nothing', () => {
  expect(dativeFromAt('beim Caritasverband Rabenau e. V.')).toBe('dem Caritasverband Rabenau e. V.');
  expect(dativeFromAt('bei der Arbeiterwohlfahrt Kreisverband Rabenau e. V.')).toBe('der Arbeiterwohlfahrt Kreisverband Rabenau e. V.');
  expect(dativeFromAt('bei dem Diakonischen Werk')).toBe('dem Diakonischen Werk');
  expect(dativeFromAt('in der Stadt Troisdorf')).toBeUndefined();
  expect(dativeFromAt('im Diakonischen Werk')).toBeUndefined();
});

test('blanks around and inside the phrase are not carried into the dative', () => {
  expect(dativeFromAt('  beim Caritasverband Rabenau  ')).toBe('dem Caritasverband Rabenau');
  expect(dativeFromAt('beim  Caritasverband Rabenau')).toBe('dem Caritasverband Rabenau');
  expect(dativeFromAt('bei  der Diakonie Rabenau')).toBe('der Diakonie Rabenau');
  // "bei" must open the phrase: "angestellt beim …" is not read.
  expect(dativeFromAt('angestellt beim Caritasverband')).toBeUndefined();
});
