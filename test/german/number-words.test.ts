/** Counts and ordinals at the edges of the words (src/german/numbers.ts): what a template helper may be given. */
import { expect, test } from 'vitest';
import { countWord, numberWord, ordinal } from '../../src/german/index.js';

test('zero is a word; a fraction and a negative number stay figures, never a missing word', () => {
  expect(numberWord(0)).toBe('null');
  expect(countWord(0, 'feminine')).toBe('null');
  expect(numberWord(2.5)).toBe('2,5');
  expect(countWord(2.5, 'feminine', { further: true })).toBe('2,5 weitere');
  expect(numberWord(-1)).toBe('-1');
  expect(countWord(-2, 'masculine')).toBe('-2');
});

test('an ordinal without a word is the figure with a point: "0.", "13."', () => {
  expect(ordinal(0, 'en')).toBe('0.');
  expect(ordinal(13, 'e')).toBe('13.');
  expect(ordinal(-1, 'en')).toBe('-1.');
});
