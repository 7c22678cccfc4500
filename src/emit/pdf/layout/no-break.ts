/**
 * Spaces a line must not break at (DIN 5008, Duden): between a figure and its unit or currency ("0,5 VZÄ",
 * "55.000 €", "55.000 €/VZÄ") and between a name and its number ("Modul II", "Baustein 1", "Anlage 1").
 * A reader who finds "VZÄ" or "II" at the start of a line has lost what it belongs to. The rule reads
 * only the shape of the words, so it holds for every Kreis's unit abbreviation and module word.
 *
 * A Kreis that counts in a word of its own ("Stelle", "Stellen": programme.yaml terms.unit) passes those
 * words in: they are bound to their figure ("0,5 Stelle", "4 von 4 Stellen") and to "je" ("57.000 € je
 * Stelle"). Only the data's words: "4 Stellvertreter" may break like any other pair of words.
 */

/** A figure: ends in a digit ("0,5", "55.000", "(1"). */
const FIGURE = /\d$/;
/** A unit after a figure: a currency or percent sign, or an abbreviation in capitals ("VZÄ", "VZÄ)"). */
const UNIT = /^(?:[€$£%‰]|\p{Lu}{2,5}(?!\p{L}))/u;
/** A capitalised word ("Modul", "(Baustein") … */
const NAME = /\p{Lu}\p{Ll}+$/u;
/** … followed by its number: a roman numeral or up to three digits, at most with closing punctuation. */
const NUMBER = /^(?:[IVXL]+|\d{1,3})[)\],;:.!?]*$/;

/** A word without the punctuation that may close it ("Stelle." → "Stelle"). */
const CLOSING = /[)\],;:.!?]+$/;

/**
 * True when the space between `before` and `after` (two words of one run) must not become a line break.
 * `units`: the data's unit words, singular and plural.
 */
export function keepTogether(before: string, after: string, units?: ReadonlySet<string>): boolean {
  return (
    (FIGURE.test(before) && UNIT.test(after)) ||
    (NAME.test(before) && NUMBER.test(after)) ||
    (units !== undefined && (FIGURE.test(before) || before === 'je') && units.has(after.replace(CLOSING, '')))
  );
}
