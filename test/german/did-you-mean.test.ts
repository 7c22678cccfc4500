import { describe, expect, test } from 'vitest';
import { didYouMean, editDistance, suggest } from '../../src/german/did-you-mean.js';

describe('editDistance', () => {
  test.each([
    ['start', 'start', 0],
    ['strat', 'start', 1], // swapped neighbours count once
    ['modul-7', 'modul-1', 1],
    ['', 'abc', 3],
    ['kitten', 'sitting', 3],
    // Only a true swap of neighbours counts once: one matching pair is not a swap.
    ['ab', 'ca', 2],
    ['ab', 'bc', 2],
  ])('%s → %s = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});

describe('suggest', () => {
  test('a typo gets the closest candidate', () => {
    expect(suggest('strat', ['id', 'start', 'end'])).toBe('start');
    expect(suggest('stadt-troisdrf', ['kreisverwaltung', 'stadt-troisdorf'])).toBe('stadt-troisdorf');
  });
  test('case does not matter for matching, the candidate keeps its spelling', () => {
    expect(suggest('W', ['w', 'm', 'd'])).toBe('w');
  });
  test('nothing plausible, nothing suggested', () => {
    expect(suggest('bemerkung', ['id', 'start', 'end'])).toBeUndefined();
    expect(suggest('x', [])).toBeUndefined();
  });
  test('short words allow one edit only', () => {
    expect(suggest('ab', ['xy'])).toBeUndefined();
    expect(suggest('kii', ['ki', 'kreissozialamt'])).toBe('ki');
  });
  test('stray file names get their hint', () => {
    expect(suggest('staf.yaml', ['organisation.yaml', 'staff.yaml'])).toBe('staff.yaml');
  });
});

describe('didYouMean', () => {
  test('the German hint with its leading space, written as the clerk writes the word', () => {
    expect(didYouMean('strat', ['id', 'start'])).toBe(' Meinten Sie "start"?');
    expect(didYouMean('dat', ['date', 'who'], 'placeholder')).toBe(' Meinten Sie {date}?');
    expect(didYouMean('staf.yaml', ['staff.yaml'], 'plain')).toBe(' Meinten Sie staff.yaml?');
  });
  test('nothing close enough, no hint at all', () => {
    expect(didYouMean('bemerkung', ['id', 'start'])).toBe('');
    expect(didYouMean('x', [], 'placeholder')).toBe('');
  });
});

describe('didYouMean', () => {
  test('never suggests the word itself, though it is among the candidates', () => {
    expect(didYouMean('name', ['name', 'title'])).toBe('');
  });
  test('a word that only looks like the suggestion names the odd character by its code', () => {
    expect(didYouMean('name\u00A0', ['name', 'title'])).toBe(' Meinten Sie "name"? Geschrieben ist "name<U+00A0>", mit einem Zeichen, das man leicht übersieht oder verwechselt.');
    expect(didYouMean('st\u0430rt', ['start'])).toBe(' Meinten Sie "start"? Geschrieben ist "st<U+0430>rt", mit einem Zeichen, das man leicht übersieht oder verwechselt.');
    expect(didYouMean('Straße', ['Strasse'])).toBe(' Meinten Sie "Strasse"?'); // a letter anyone sees
  });
});
