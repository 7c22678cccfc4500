/**
 * The privacy check of a public Vorlage finds a staff member's name however the text spells it
 * (src/german/name-matching.ts). Each test is a spelling a reader would still read as the name, and so
 * one that would let a name into a public Vorlage if it were missed; or a word that is not the name and
 * must not stop a Vorlage.
 */
import { describe, expect, test } from 'vitest';
import { decodeEntities, findIn, fold, isFormatChar, isLetterOrNumber, namePattern, withoutMarks, wordsOf } from '../../src/german/name-matching.js';

/** The spelling of `name` the check reports in `text`, as privacy-check.ts finds it: word lookup by anchor, then the pattern. */
function found(name: string, text: string): string | undefined {
  const p = namePattern(name);
  if (!p) return undefined;
  const words = wordsOf(fold(text, false).text);
  if (!p.anchors.some((a) => words.has(a)) || !p.pattern.test(fold(text, false).text)) return undefined;
  return findIn(text, fold(text), p.pattern)?.text;
}

describe('a name is found in every spelling a reader reads as the name', () => {
  test('capitals, small letters, and the two names glued together', () => {
    expect(found('David Okonkwo', 'Bericht von DAVID OKONKWO.')).toBe('DAVID OKONKWO');
    expect(found('David Okonkwo', 'gez. david okonkwo')).toBe('david okonkwo');
    expect(found('David Okonkwo', 'Kontakt: DavidOkonkwo@example.org')).toBe('DavidOkonkwo');
    expect(found('David Okonkwo', 'David\tOkonkwo und David\n Okonkwo')).toBe('David\tOkonkwo');
    expect(found('David Okonkwo', 'David\u00A0Okonkwo')).toBe('David\u00A0Okonkwo');
  });

  test('German endings and the apostrophe of the genitive', () => {
    expect(found('Okonkwo', 'Okonkwos Bericht')).toBe('Okonkwos');
    expect(found('Okonkwo', "Okonkwo's Bericht")).toBe("Okonkwo's");
    expect(found('Strauß', "des Strauß' Akte")).toBe("Strauß'");
    expect(found('Weber', 'bei Webern')).toBe('Webern');
    expect(found('Okonkwo', 'des Okonkwoes')).toBe('Okonkwoes');
  });

  test('umlauts written out, and written out in the name', () => {
    expect(found('Müller', 'Frau Mueller')).toBe('Mueller');
    expect(found('Mueller', 'Frau Müller')).toBe('Müller');
    expect(found('Jürgen Strauß', 'JUERGEN STRAUSS')).toBe('JUERGEN STRAUSS');
    expect(found('Özdemir', 'OEZDEMIR')).toBe('OEZDEMIR');
    // The umlaut typed as a letter and a combining diaeresis (NFD).
    expect(found('Müller', 'Frau Mu\u0308ller')).toBe('Mu\u0308ller');
  });

  test('invisible characters, Markdown markup and HTML entities inside the name', () => {
    expect(found('Okonkwo', 'Okon\u00ADkwo')).toBe('Okon\u00ADkwo');
    expect(found('Okonkwo', 'Okon\u200Bkwo')).toBe('Okon\u200Bkwo');
    expect(found('Okonkwo', '**Okon**kwo')).toBe('Okon**kwo');
    expect(found('Okonkwo', 'O\\_konkwo')).toBe('O\\_konkwo');
    expect(found('Okonkwo', decodeEntities('Okon&shy;kwo'))).toBe('Okon\u00ADkwo');
    expect(found('Müller', decodeEntities('M&#xFC;ller'))).toBe('Müller');
  });

  test('other apostrophes and dashes, letters of other scripts that look the same, digits for letters', () => {
    expect(found("O'Neill", 'O\u2019Neill')).toBe('O\u2019Neill');
    expect(found('Anna Müller-Lüdenscheidt', 'Müller\u2013Lüdenscheidt')).toBeUndefined();
    expect(found('Müller-Lüdenscheidt', 'Müller\u2013Lüdenscheidt')).toBe('Müller\u2013Lüdenscheidt');
    expect(found('Okonkwo', 'Ok\u043Enkwo')).toBe('Ok\u043Enkwo'); // Cyrillic о
    expect(found('Okonkwo', '0konkw0')).toBe('0konkw0');
    expect(found('Miller', 'Mi11er')).toBe('Mi11er');
    expect(found('Anna Beck', 'Gruß an \u{1D400}nna Beck')).toBe('\u{1D400}nna Beck');
  });

  test('the spelling found is the whole of it, also when the name ends in a character beyond 16 bits', () => {
    // Mathematical bold H (U+1D407) reads "H": the message quotes both of its UTF-16 units.
    expect(found('Jonah', 'an Jona\u{1D407}!')).toBe('Jona\u{1D407}');
    const text = 'Frau Müller kommt';
    expect(findIn(text, fold(text), namePattern('Müller')!.pattern)).toEqual({ index: 5, text: 'Müller' });
    expect(findIn(text, fold(text), namePattern('Okonkwo')!.pattern)).toBeUndefined();
  });
});

describe('what is not the name', () => {
  test('the name inside a longer word, or followed by other letters', () => {
    expect(found('Okonkwo', 'Okonkwoland')).toBeUndefined();
    expect(found('Okonkwo', 'XOkonkwo')).toBeUndefined();
    expect(found('Okonkwo', 'Okonkwo2')).toBeUndefined();
    expect(found('Weber', 'Weberei')).toBeUndefined();
    // The pattern itself, without the word lookup before it: letters of any script end a name.
    const okonkwo = namePattern('Okonkwo')!.pattern;
    expect(['xokonkwo', 'okonkwox', 'жokonkwo', 'okonkwo2', 'okonkwoé'].filter((t) => okonkwo.test(t))).toEqual([]);
    expect(['okonkwo', '(okonkwo)', 'okonkwo-weber', "okonkwo's"].every((t) => okonkwo.test(t))).toBe(true);
  });

  test('a point in a name matches only a point', () => {
    expect(found('Dr. Wu', 'Dr. Wu')).toBe('Dr. Wu');
    expect(found('Dr. Wu', 'Drs Wu')).toBeUndefined();
  });

  test('a name of fewer than three letters is not looked for alone; three letters are', () => {
    expect(namePattern('Li')).toBeNull();
    expect(namePattern('A. B')).toBeNull();
    expect(namePattern('Lee')).not.toBeNull();
    expect(found('Lee', 'Frau Lee')).toBe('Lee');
  });

  test('a pattern keeps the name as typed and is looked up by its last word or the glued full name', () => {
    const p = namePattern('David Okonkwo')!;
    expect(p.name).toBe('David Okonkwo');
    expect(p.anchors).toEqual(['okonkwo', 'davidokonkwo']);
    expect(namePattern('Okonkwo')!.anchors).toEqual(['okonkwo']);
    expect(namePattern('  Okonkwo ')!.anchors).toEqual(['okonkwo']);
  });
});

describe('folding a text', () => {
  test('capitals of ASCII to small letters, punctuation kept', () => {
    expect(fold('@AZ[az{').text).toBe('@az[az{');
    expect(fold('„Frau Okonkwo“, €').text).toBe('„frau okonkwo“, €');
  });

  test('German letters to their spelling without umlaut, ß to ss', () => {
    expect(fold('ÄÖÜäöüßẞ').text).toBe('aeoeueaeoeuessss');
    expect(fold('Ba\u0308r O\u0308l Mu\u0308ll e\u0308 i\u0308').text).toBe('baer oel muell e i');
  });

  test('letters with marks to the plain letter, and letters people transliterate', () => {
    expect(fold('Dąbrowska Čapek Nguyễn').text).toBe('dabrowska capek nguyen');
    expect(fold('Łukasz Øre Þór Æsa œuvre Yıldız Ħal Ŧom Đoan').text).toBe('lukasz ore thor aesa oeuvre yildiz hal tom doan');
  });

  test('letters of other scripts and styled letters to the Latin letter they look like', () => {
    expect(fold('Κarl').text).toBe('karl'); // Greek capital kappa
    expect(fold('Іvan Ιnes').text).toBe('ivan ines'); // Cyrillic and Greek capital I: "I", not TR39's "l"
    expect(fold('Miꓲꓲer').text).toBe('miller'); // Lisu letter that looks like a small l
    expect(fold('Ӧzil Ѐrik Άnna').text).toBe('ozil erik anna'); // a mark on a look-alike
    expect(fold('\u{1D400}nna').text).toBe('anna');
    expect(fold('\u{10292}konkwo').text).toBe('okonkwo'); // U+10292, the first plane beyond 16 bits (surrogate U+D800)
    expect(fold('Raﬁk').text).toBe('rafik'); // the ligature fi, as a PDF copies it
    expect(fold('Ｌｅｅ\tＡｎｎａ').text).toBe('lee anna'); // full-width letters, then a tab
    // A letter confusable with two characters reads as both (TR39: Ukrainian Ґ is Greek Γ and an apostrophe).
    expect(fold('Ґ').text).toBe("y'");
  });

  test('0 and 1 in a word with letters read O and l; numbers alone stay numbers', () => {
    expect(fold('0konkw0 Okonkw0 Mi11er Ж0 Ж1').text).toBe('okonkwo okonkwo miller жo жl');
    expect(fold('2010 10,5 am 1. Mai').text).toBe('2010 10,5 am 1. mai');
    expect(fold('im Jahr 2010').text).toBe('im jahr 2010');
    expect(fold('\u02501').text).toBe('\u0250l'); // the first letter beyond Latin Extended-B
  });

  test('blanks of any kind become one space; invisible characters and markup disappear', () => {
    expect(fold('  A\t\tB \n C\rD\fE\vF\u2003G\u2028H ').text).toBe('a b c d e f g h ');
    expect(fold('**a** \\_b\\_ `c` ~~d~~ Okon\u00ADkwo Okon\u200Bkwo').text).toBe('a b c d okonkwo okonkwo');
    expect(fold('O\u2019Neill O\u02BCNeill a\u2013b a\u2011b').text).toBe("o'neill o'neill a-b a-b");
  });

  test('each folded character remembers the character it came from', () => {
    expect(fold('Äb')).toEqual({ text: 'aeb', origin: [0, 0, 1] });
    expect(fold('a  b')).toEqual({ text: 'a b', origin: [0, 1, 3] });
    expect(fold('\u{1D400}b')).toEqual({ text: 'ab', origin: [0, 2] });
    expect(fold('Äb', false)).toEqual({ text: 'aeb', origin: [] });
  });
});

describe('Markdown spellings decoded before the check', () => {
  test('numeric entities, soft hyphen and non-breaking space', () => {
    expect(decodeEntities('M&#xFC;ller M&#XFC;ller M&#252;ller M&#0000252;ller')).toBe('Müller Müller Müller Müller');
    expect(decodeEntities('Okon&shy;kwo Okon&SHY;kwo David&nbsp;Okonkwo David&NBSP;Okonkwo')).toBe('Okon\u00ADkwo Okon\u00ADkwo David Okonkwo David Okonkwo');
    expect(decodeEntities('&#x10FFFF;&#x1F600;')).toBe('\u{10FFFF}\u{1F600}');
  });

  test('what is no character stays as written', () => {
    expect(decodeEntities('&#0; &#x0; &#x110000; &#1114112; &#12345678; &#x1234567; &#xZZ;')).toBe('&#0; &#x0; &#x110000; &#1114112; &#12345678; &#x1234567; &#xZZ;');
  });
});

describe('the words of a folded text, with and without a German ending', () => {
  test('each word, and each word less an ending; an ending alone is no word', () => {
    expect(wordsOf('okonkwos okonkwoes webern s es n')).toEqual(new Set(['okonkwos', 'okonkwo', 'okonkwoes', 'okonkwoe', 'webern', 'weber', 's', 'es', 'e', 'n']));
    expect(wordsOf('-anna, beck.')).toEqual(new Set(['anna', 'beck']));
  });

  test('a character beyond 16 bits is one character of a word; a broken one separates words', () => {
    expect(wordsOf('x\u{1D400}y 中文')).toEqual(new Set(['x\u{1D400}y', '中文']));
    expect(wordsOf('x\uD835y')).toEqual(new Set(['x', 'y']));
    expect(wordsOf('ab\uD835')).toEqual(new Set(['ab']));
    expect(wordsOf('ab\uDC00cd')).toEqual(new Set(['ab', 'cd']));
    expect(wordsOf('ｘ\uDC00y')).toEqual(new Set(['ｘ', 'y']));
    expect(wordsOf('x\u{10000}y')).toEqual(new Set(['x\u{10000}y'])); // the first character beyond 16 bits
    expect(wordsOf('a\u{1F600}bc')).toEqual(new Set(['a', 'bc'])); // an emoji is no letter
  });
});

describe('the classes of characters the folding relies on', () => {
  test('letters and digits of any script; punctuation and symbols are none', () => {
    expect(['a', 'Z', '7', 'ß', '²', 'ж', '中', '\u{1D400}'].every(isLetterOrNumber)).toBe(true);
    expect(['-', ' ', '×', '€', '–', '\uD800'].some(isLetterOrNumber)).toBe(false);
  });

  test('invisible format characters, and marks of any script', () => {
    expect(['\u00AD', '\u200B', '\u2060', '\uFEFF'].every(isFormatChar)).toBe(true);
    expect(['a', 'é', '-', '\u00A0'].some(isFormatChar)).toBe(false);
    expect(withoutMarks('e\u0301 Ж\u0301 क\u093C x\u0483')).toBe('e Ж क x');
    expect(withoutMarks('क\u093C')).toBe('क');
  });
});
