/**
 * Characters that change how text looks without being seen: bidirectional overrides and isolates
 * (the "Trojan Source" attack, CVE-2021-42574, makes a reviewer read something else than what is
 * there), zero-width characters (they hide inside a name and defeat the privacy check), Unicode tag
 * characters (invisible ASCII), and control characters (NUL …), which YAML does not allow either.
 * A clerk never types them on purpose; they arrive by copy and paste, or from someone who wants to
 * slip something past the review of a pull request. The soft hyphen (U+00AD) is allowed: word
 * processors put it into German text as a hyphenation hint.
 */
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]|\udb40[\udc00-\udc7f]/g;

const NAMES: Record<number, string> = {
  0x00: 'Nullzeichen (NUL)',
  0x200b: 'Leerzeichen ohne Breite',
  0x200c: 'Bindungsverhinderer ohne Breite',
  0x200d: 'Verbinder ohne Breite',
  0x200e: 'Schreibrichtungsmarke links-nach-rechts',
  0x200f: 'Schreibrichtungsmarke rechts-nach-links',
  0x202a: 'Einbettung links-nach-rechts',
  0x202b: 'Einbettung rechts-nach-links',
  0x202c: 'Ende einer Schreibrichtungs-Einbettung',
  0x202d: 'Erzwungene Schreibrichtung links-nach-rechts',
  0x202e: 'Erzwungene Schreibrichtung rechts-nach-links',
  0x2060: 'Wortverbinder ohne Breite',
  0x2066: 'Isolierung links-nach-rechts',
  0x2067: 'Isolierung rechts-nach-links',
  0x2068: 'Isolierung nach erstem starken Zeichen',
  0x2069: 'Ende einer Schreibrichtungs-Isolierung',
  0xfeff: 'Byte-Order-Mark mitten im Text (Leerzeichen ohne Breite)',
};

export interface InvisibleCharacter {
  /** Offset in the text (UTF-16 code units). */
  index: number;
  codePoint: number;
}

/** Every invisible character in a text, in order. */
export function findInvisible(text: string): InvisibleCharacter[] {
  return [...text.matchAll(INVISIBLE)].map((m) => ({ index: m.index, codePoint: m[0].codePointAt(0)! }));
}

export const hasInvisible = (text: string): boolean => {
  INVISIBLE.lastIndex = 0;
  const found = INVISIBLE.test(text);
  INVISIBLE.lastIndex = 0;
  return found;
};

/** `U+202E (Erzwungene Schreibrichtung rechts-nach-links)`: what the clerk searches for in the editor. */
export function describeCharacter(codePoint: number): string {
  const hex = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = NAMES[codePoint] ?? (codePoint < 0x20 || (codePoint >= 0x7f && codePoint <= 0x9f) ? 'Steuerzeichen' : codePoint >= 0xe0000 ? 'unsichtbares Tag-Zeichen' : 'unsichtbares Formatzeichen');
  return `${hex} (${name})`;
}

/** The German message for one invisible character; `escaped` when it was written as an escape sequence (`"\u202E"`). */
export function invisibleMessage(codePoint: number, escaped = false): string {
  const how = escaped ? ' (als Escape-Sequenz geschrieben)' : '';
  return (
    `Unsichtbares Zeichen ${describeCharacter(codePoint)}${how}: solche Zeichen verändern, wie ein Text angezeigt wird, ` +
    'ohne selbst sichtbar zu sein („Trojan Source“), und sind in den Daten nicht erlaubt. Bitte das Zeichen löschen ' +
    '(im Editor oft nur mit den Pfeiltasten zu finden).'
  );
}
