/**
 * The clerk's own text (src/model/slots.ts, report-text.ts, vocabulary.ts): which `{…}` kim fills, which it
 * refuses as malformed and what it suggests instead, which text blocks of a report file it reads (and where
 * a message points), and which word opens each hiring sentence. Each test reads what the clerk would see:
 * the filled sentence, the slot a message proposes, the place in the file.
 */
import { describe, expect, test } from 'vitest';
import { fillSlots, findMalformedSlots, findSlots } from '../../src/model/slots.js';
import { reportTextBlocks } from '../../src/model/report-text.js';
import { hiringConnective, withOverrides, type Vocabulary } from '../../src/model/vocabulary.js';
import type { Report } from '../../src/model/types.js';

describe('slots in a text', () => {
  test('each slot is found with its argument and where its brace stands', () => {
    expect(findSlots('Am {stand} siehe {anlage:plan-2}.')).toEqual([
      { name: 'stand', arg: undefined, index: 3 },
      { name: 'anlage', arg: 'plan-2', index: 17 },
    ]);
  });

  test('filling replaces every slot, with its argument, and leaves the rest of the sentence as written', () => {
    const filled = fillSlots('Seit {letzteSitzung} und {anlage:plan} {stand}.', (name, arg) => `[${name}${arg ? `=${arg}` : ''}]`);
    expect(filled).toBe('Seit [letzteSitzung] und [anlage=plan] [stand].');
  });

  test('Handlebars written into data ({{title}}) is no slot and stays as written', () => {
    expect(findSlots('Der {{title}} gilt.')).toEqual([]);
    expect(fillSlots('Der {{title}} gilt.', () => 'X')).toBe('Der {{title}} gilt.');
  });
});

describe('malformed slots: what would print raw into the Vorlage, and the slot meant', () => {
  test('a well-formed slot, known or not, is not malformed', () => {
    expect(findMalformedSlots('Am {stand} und {unbekannt:modul-1}.')).toEqual([]);
    expect(findMalformedSlots('Kein Platzhalter hier.')).toEqual([]);
  });

  test('a space after the colon: the slot without it is meant', () => {
    expect(findMalformedSlots('als {anlage: geschaeftsordnung} beigefügt')).toEqual([{ text: '{anlage: geschaeftsordnung}', index: 4, meant: '{anlage:geschaeftsordnung}' }]);
  });

  test('umlauts and capitals in the argument are spelled as an id, the name in lower case', () => {
    expect(findMalformedSlots('{Anlage:Geschäftsördnüng-Maß}')).toEqual([{ text: '{Anlage:Geschäftsördnüng-Maß}', index: 0, meant: '{anlage:geschaeftsoerdnueng-mass}' }]);
  });

  test('a space inside the name: the name closed up', () => {
    expect(findMalformedSlots('Stand {st and}')).toEqual([{ text: '{st and}', index: 6, meant: '{stand}' }]);
  });

  test('nothing meant where even the closed-up form is no slot', () => {
    expect(findMalformedSlots('Ein {Satz, kein Slot}.')).toEqual([{ text: '{Satz, kein Slot}', index: 4, meant: undefined }]);
    expect(findMalformedSlots('{}')).toEqual([{ text: '{}', index: 0, meant: undefined }]);
  });

  test('a capital name that is otherwise a slot is still a slot (names may have capitals)', () => {
    expect(findMalformedSlots('{Stand}')).toEqual([]);
  });

  test('an unclosed brace shows the brace and the word after it', () => {
    expect(findMalformedSlots('Am {stand war es')).toEqual([{ text: '{stand', index: 3, meant: '{stand}' }]);
  });

  test('a brace closed only after the next opening brace or line is unclosed', () => {
    expect(findMalformedSlots('Am {stand {sitzung}')).toEqual([{ text: '{stand', index: 3, meant: '{stand}' }]);
    expect(findMalformedSlots('Am {stand\nweiter}')).toEqual([{ text: '{stand', index: 3, meant: '{stand}' }]);
  });

  test('a brace closed more than 80 characters later is unclosed', () => {
    const far = `{a${'b'.repeat(79)}}`;
    expect(findMalformedSlots(far)).toEqual([{ text: `{a${'b'.repeat(39)}`, index: 0, meant: `{a${'b'.repeat(39)}}` }]);
    const near = `{a b${'c'.repeat(76)}}`;
    expect(findMalformedSlots(near)[0]!.text).toBe(near);
  });

  test('Handlebars in a text block is one problem, with the slot it may have meant, and the text after it is read on', () => {
    expect(findMalformedSlots('Am {{ stand }} und {x y}')).toEqual([
      { text: '{{ stand }}', index: 3, meant: '{stand}' },
      { text: '{x y}', index: 19, meant: '{xy}' },
    ]);
    expect(findMalformedSlots('{{#if a}}')).toEqual([{ text: '{{#if a}}', index: 0, meant: undefined }]);
    // Right after it, the next mistake is still found.
    expect(findMalformedSlots('{{stand}}{x y}').map((m) => m.text)).toEqual(['{{stand}}', '{x y}']);
  });

  test('several mistakes in one text are all reported, in order', () => {
    expect(findMalformedSlots('{a b} und {c d}').map((m) => [m.index, m.meant])).toEqual([
      [0, '{ab}'],
      [10, '{cd}'],
    ]);
  });

  test('an argument with several colons keeps them; the closed-up form is meant only where it parses', () => {
    expect(findMalformedSlots('{anlage:a:b}')).toEqual([{ text: '{anlage:a:b}', index: 0, meant: undefined }]);
  });
});

describe("a report's text blocks", () => {
  test('top-level ones first in the fixed order, then each module in file order, each with its place in the file', () => {
    const report = {
      text: {
        closing: 'Schluss',
        preface: 'Vorwort',
        modules: { 'modul-2': { work: 'Arbeit 2', staff: 'Personal 2' }, 'modul-1': { staff: 'Personal 1' } },
      },
    } as unknown as Report;
    expect(reportTextBlocks(report)).toEqual([
      { pointer: '/text/preface', text: 'Vorwort' },
      { pointer: '/text/closing', text: 'Schluss' },
      { pointer: '/text/modules/modul-2/staff', text: 'Personal 2' },
      { pointer: '/text/modules/modul-2/work', text: 'Arbeit 2' },
      { pointer: '/text/modules/modul-1/staff', text: 'Personal 1' },
    ]);
  });

  test('a report without text has none; an empty text is still a block', () => {
    expect(reportTextBlocks({} as Report)).toEqual([]);
    expect(reportTextBlocks({ text: { resolution: '' } } as unknown as Report)).toEqual([{ pointer: '/text/resolution', text: '' }]);
  });
});

describe('hiring sentences', () => {
  const vocabulary = { einstellungenErsterSatz: 'Inzwischen', einstellungenWeitereSaetze: ['Zudem', 'Außerdem'], beide: 'Beide' } as Vocabulary;

  test('the first sentence opens with its own word, the others take the further words in turn', () => {
    expect([0, 1, 2, 3, 4].map((i) => hiringConnective(vocabulary, i))).toEqual(['Inzwischen', 'Zudem', 'Außerdem', 'Zudem', 'Außerdem']);
    const three = { ...vocabulary, einstellungenWeitereSaetze: ['Zudem', 'Außerdem', 'Ferner'] };
    expect([1, 2, 3, 4].map((i) => hiringConnective(three, i))).toEqual(['Zudem', 'Außerdem', 'Ferner', 'Zudem']);
  });

  test("the organisation's words replace kim's, the rest stay", () => {
    const own = withOverrides(vocabulary, { einstellungenErsterSatz: 'Mittlerweile' });
    expect(hiringConnective(own, 0)).toBe('Mittlerweile');
    expect(hiringConnective(own, 1)).toBe('Zudem');
    expect(own.beide).toBe('Beide');
    expect(withOverrides(vocabulary, undefined)).toEqual(vocabulary);
  });
});
