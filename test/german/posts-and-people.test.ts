/**
 * Posts, the people on them and who presents a Vorlage (src/german/quantities.ts, presenters.ts,
 * sessions.ts): the words a committee member reads in the Sachstand and the Sitzung line.
 */
import { describe, expect, test } from 'vitest';
import { amountFigure, defaultSessionName, filledOfPlanned, formatQuantity, formatQuantityInFull, peopleOnPosts, presenterName, presentersSentence, ratePerPost } from '../../src/german/index.js';

const stellen = { singular: 'Stelle', plural: 'Stellen' };
const vzae = { singular: 'Vollzeitäquivalent', plural: 'Vollzeitäquivalente', abbreviation: 'VZÄ', genus: 'neuter' as const };

describe('how many people hold the filled posts', () => {
  test('said where people and posts differ: "vier Stellen mit fünf Personen"', () => {
    expect(peopleOnPosts(5, 4, stellen)).toBe('fünf Personen');
    expect(peopleOnPosts(2, 1.5, stellen)).toBe('zwei Personen');
    expect(peopleOnPosts(3, 4, stellen)).toBe('drei Personen');
  });

  test('nothing where they are the same number, for one person, or with posts counted in VZÄ', () => {
    expect(peopleOnPosts(4, 4, stellen)).toBe('');
    expect(peopleOnPosts(3, 2.9999999999999996, stellen)).toBe('');
    expect(peopleOnPosts(1, 0.5, stellen)).toBe('');
    expect(peopleOnPosts(5, 4, vzae)).toBe('');
  });
});

describe('amounts of posts', () => {
  test('half a post in words only after a preposition, by the genus of the unit', () => {
    expect(amountFigure(0.5, stellen, 'acc')).toBe('eine halbe');
    expect(amountFigure(0.5, stellen, 'dat')).toBe('einer halben');
    expect(amountFigure(0.5, { singular: 'Posten', plural: 'Posten', genus: 'masculine' }, 'acc')).toBe('einen halben');
    expect(amountFigure(0.5, { ...vzae, abbreviation: undefined }, 'acc')).toBe('ein halbes');
    expect(amountFigure(0.5, stellen)).toBe('0,5');
    expect(amountFigure(0.5, vzae, 'dat')).toBe('0,5');
    expect(formatQuantity(0.5, stellen, 'acc')).toBe('eine halbe Stelle');
    expect(formatQuantityInFull(0.5, stellen, 'dat')).toBe('einer halben Stelle');
    expect(formatQuantityInFull(0.5, stellen)).toBe('0,5 Stellen');
  });

  test('the unit written out although it has an abbreviation', () => {
    expect(formatQuantityInFull(3.5, vzae)).toBe('3,5 Vollzeitäquivalente');
    expect(formatQuantityInFull(1, vzae)).toBe('1 Vollzeitäquivalent');
    expect(formatQuantityInFull(2, stellen)).toBe('zwei Stellen');
  });

  test('filled of planned (beyond test/german/german.test.ts): all in figures above twelve or with VZÄ; a unit without genus is feminine', () => {
    expect(filledOfPlanned(13, 13, stellen)).toBe('alle 13 Stellen');
    expect(filledOfPlanned(3.5, 3.5, vzae)).toBe('alle 3,5 VZÄ');
    expect(filledOfPlanned(4, 4, vzae)).toBe('alle 4 VZÄ');
    expect(filledOfPlanned(1, 1, stellen)).toBe('die Stelle');
  });

  test('the rate per post for a single post: no "jeweils"', () => {
    expect(ratePerPost('57.000 €', stellen, false)).toBe('57.000 € je Stelle');
    expect(ratePerPost('55.000 €', vzae, false)).toBe('55.000 €/VZÄ');
  });
});

describe('who presents the item in the session', () => {
  test('salutation, academic title and the name as a sentence writes it', () => {
    expect(presenterName({ name: 'Beispiel, Max', salutation: 'Herr', academicTitle: 'Dr.' })).toBe('Herr Dr. Max Beispiel');
    expect(presenterName({ name: 'Anna Beispiel (Koordination)', salutation: 'Frau', academicTitle: '' })).toBe('Frau Anna Beispiel');
    expect(presenterName({ name: 'Anna Beispiel' })).toBe('Anna Beispiel');
  });

  test('one presenter: "berichtet", with the function after a comma', () => {
    expect(presentersSentence([])).toBe('');
    expect(presentersSentence([{ name: 'Max Beispiel', salutation: 'Herr', academicTitle: 'Dr.', function: 'Leiter des Sozialamtes' }])).toBe(
      'In der Sitzung berichtet Herr Dr. Max Beispiel, Leiter des Sozialamtes.',
    );
    expect(presentersSentence([{ name: 'Max Beispiel', salutation: 'Herr' }])).toBe('In der Sitzung berichtet Herr Max Beispiel.');
  });

  test('several: "berichten", commas between, "und" before the last, a function closed by a comma', () => {
    const anna = { name: 'Anna Beispiel', salutation: 'Frau' as const, function: 'Koordinatorin' };
    const max = { name: 'Max Beispiel', salutation: 'Herr' as const };
    const eva = { name: 'Eva Muster', salutation: 'Frau' as const, function: 'Amtsleiterin' };
    expect(presentersSentence([anna, max])).toBe('In der Sitzung berichten Frau Anna Beispiel, Koordinatorin, und Herr Max Beispiel.');
    expect(presentersSentence([max, anna])).toBe('In der Sitzung berichten Herr Max Beispiel und Frau Anna Beispiel, Koordinatorin.');
    expect(presentersSentence([anna, max, eva])).toBe('In der Sitzung berichten Frau Anna Beispiel, Koordinatorin, Herr Max Beispiel und Frau Eva Muster, Amtsleiterin.');
    expect(presentersSentence([max, eva, anna, max])).toBe(
      'In der Sitzung berichten Herr Max Beispiel, Frau Eva Muster, Amtsleiterin, Frau Anna Beispiel, Koordinatorin, und Herr Max Beispiel.',
    );
  });
});

describe('what the text calls a session of the committee', () => {
  test('a committee meets in an "Ausschusssitzung", any other body in its "Sitzung"', () => {
    expect(defaultSessionName({ name: 'Ausschuss für Soziales und Integration', genitive: 'des Ausschusses für Soziales und Integration' })).toBe('Ausschusssitzung');
    expect(defaultSessionName({ name: 'Sozialausschuss', genitive: 'des Sozialausschusses' })).toBe('Ausschusssitzung');
    expect(defaultSessionName({ name: 'Kreistag', genitive: 'des Kreistages' })).toBe('Sitzung des Kreistages');
  });
});
