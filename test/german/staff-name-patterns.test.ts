/**
 * Which names of a staff member the privacy check looks for (src/german/staff-name-patterns.ts): staff
 * lists are typed by hand, so the surname a Vorlage might use alone has to be read off a name written in
 * many ways. A surname left out lets "Frau Özdemir" into a public Vorlage; a word taken for a surname
 * ("van", "geb.", "Frau") stops every Vorlage that contains it.
 */
import { describe, expect, test } from 'vitest';
import { fold } from '../../src/german/name-matching.js';
import { patternsOf, writtenName } from '../../src/german/staff-name-patterns.js';

/** The names looked for, one staff member. */
const lookedFor = (name: string): string[] => patternsOf([{ name }])[0]!.map((p) => p.name);

describe('the names looked for, per staff member', () => {
  test('the full name as written and each word after the given name', () => {
    expect(lookedFor('David Okonkwo')).toEqual(['David Okonkwo', 'Okonkwo']);
    expect(lookedFor('Lea Ferreira Santos')).toEqual(['Lea Ferreira Santos', 'Ferreira', 'Santos']);
    expect(lookedFor('Okonkwo')).toEqual(['Okonkwo']);
  });

  test('surname first with a comma, remarks in brackets dropped', () => {
    expect(lookedFor('Okonkwo, David (Elternzeit)')).toEqual(['David Okonkwo', 'Okonkwo']);
    expect(lookedFor('Anna [Vertretung] Beck')).toEqual(['Anna Beck', 'Beck']);
  });

  test('each part of a hyphenated surname, with any hyphen typed', () => {
    expect(lookedFor('Anna Müller-Lüdenscheidt')).toEqual(['Anna Müller-Lüdenscheidt', 'Müller-Lüdenscheidt', 'Müller', 'Lüdenscheidt']);
    expect(lookedFor('Anna Müller\u2011Lüdenscheidt')).toEqual(['Anna Müller\u2011Lüdenscheidt', 'Müller\u2011Lüdenscheidt', 'Müller', 'Lüdenscheidt']);
    expect(lookedFor('Anna Müller\u2013Lüdenscheidt')).toEqual(['Anna Müller\u2013Lüdenscheidt', 'Müller\u2013Lüdenscheidt', 'Müller', 'Lüdenscheidt']);
    // A hyphen typed at the end adds no empty part (which would make "Frau" alone a hit).
    expect(lookedFor('Anna Meier-')).toEqual(['Anna Meier-', 'Meier-', 'Meier']);
  });

  test('abbreviations and particles are not looked for alone', () => {
    expect(lookedFor('Maria Schulz geb. Weber')).toEqual(['Maria Schulz geb. Weber', 'Schulz', 'Weber']);
    expect(lookedFor('Jan van Dijk')).toEqual(['Jan van Dijk', 'Dijk']);
    expect(lookedFor('Dr. Okonkwo')).toEqual(['Dr. Okonkwo', 'Okonkwo']);
    // Capitals outside ASCII start a surname; a lower-case particle between them is none.
    expect(lookedFor('Ömer Özdemir')).toEqual(['Ömer Özdemir', 'Özdemir']);
    expect(lookedFor('Özlem de Çelik')).toEqual(['Özlem de Çelik', 'Çelik']);
    // A particle that starts outside ASCII: Faroese "á" ("Jógvan á Lakjuni"), not a surname "Herr á".
    expect(lookedFor('Jógvan á Lakjuni')).toEqual(['Jógvan á Lakjuni', 'Lakjuni']);
  });

  test('a name typed all in small letters: every word after the first is a surname', () => {
    expect(lookedFor('anna van dijk')).toEqual(['anna van dijk', 'van', 'dijk']);
    // A capital inside a word does not make the name capitalised: "deVries" is no particle here.
    expect(lookedFor('jan deVries')).toEqual(['jan deVries', 'deVries']);
  });

  test('a surname of one or two letters only after a form of address', () => {
    expect(lookedFor('Mei Li')).toEqual(['Mei Li', 'Frau Li', 'Herr Li', 'Herrn Li', 'Dr. Li', 'Prof. Li']);
    expect(lookedFor('Dr. Anna Wu')).toEqual(['Dr. Anna Wu', 'Frau Wu', 'Herr Wu', 'Herrn Wu', 'Dr. Wu', 'Prof. Wu']);
  });

  test('a staff member without a name gives no pattern', () => {
    expect(patternsOf([{ name: undefined }, {}, { name: '' }])).toEqual([[], [], []]);
  });
});

describe('the patterns of a staff list are made once and made again when the list changes', () => {
  const hits = (list: { name?: string }[], text: string): string[] =>
    patternsOf(list)
      .flat()
      .filter((p) => p.pattern.test(fold(text).text))
      .map((p) => p.name);

  test('the same list gives the same patterns', () => {
    const staff = [{ name: 'David Okonkwo' }];
    expect(patternsOf(staff)).toBe(patternsOf(staff));
  });

  test('a name changed in place (kim watch reloads the list) is looked for under its new spelling', () => {
    const staff = [{ name: 'David Okonkwo' }];
    expect(hits(staff, 'Frau Özdemir')).toEqual([]);
    staff[0]!.name = 'Ayşe Özdemir';
    expect(hits(staff, 'Frau Özdemir')).toEqual(['Özdemir']);
  });

  test('the second name changed in place is looked for too', () => {
    const staff = [{ name: 'Anna Beck' }, { name: 'David Okonkwo' }];
    expect(hits(staff, 'Frau Özdemir')).toEqual([]);
    staff[1]!.name = 'Ayşe Özdemir';
    expect(hits(staff, 'Frau Özdemir')).toEqual(['Özdemir']);
  });

  test('a person removed from the list is no longer looked for', () => {
    const staff = [{ name: 'Anna Beck' }, { name: 'David Okonkwo' }];
    expect(patternsOf(staff)).toHaveLength(2);
    staff.pop();
    expect(patternsOf(staff)).toHaveLength(1);
    expect(hits(staff, 'Herr Okonkwo')).toEqual([]);
  });
});

describe('a name as a sentence writes it', () => {
  test('surname first turned round, brackets and extra blanks dropped', () => {
    expect(writtenName('Okonkwo, David (Elternzeit)')).toBe('David Okonkwo');
    expect(writtenName('Okonkwo,David')).toBe('David Okonkwo');
    expect(writtenName('Okonkwo, David, Dr.')).toBe('David Dr. Okonkwo');
    expect(writtenName('Okonkwo, David,Dr.')).toBe('David Dr. Okonkwo');
    expect(writtenName('David(Elternzeit)Okonkwo')).toBe('David Okonkwo');
    expect(writtenName('  Anna   Beck [Vertretung] ')).toBe('Anna Beck');
    expect(writtenName('Anna (a) Beck (b)')).toBe('Anna Beck');
    expect(writtenName(', Anna Beck')).toBe('Anna Beck');
    expect(writtenName('Anna Beck')).toBe('Anna Beck');
  });

  test('the umlaut typed in two parts is written as one letter', () => {
    expect(writtenName('Mu\u0308ller, Jo\u0308rg')).toBe('Jörg Müller');
  });
});
